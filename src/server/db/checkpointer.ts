// SQLite WAL checkpoints off the event loop. better-sqlite3 is synchronous, so the automatic checkpoint
// (every 1,000 WAL pages, run by whichever commit crosses the mark) copies pages into the database file
// and fsyncs it while every request waits: on the province-sized bench file a save-sized write
// transaction stalled ~30 ms every fiftieth commit (p99 28 ms; 7 ms with this). A worker thread with its
// own connection runs a PASSIVE checkpoint (never blocks readers or the writer) four times a second
// instead; the connection keeps a much higher automatic threshold as a safety net, so the WAL stays
// bounded even if the worker stops.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages after which a commit checkpoints by itself anyway (≈ 40 MB of WAL at 4 KiB pages). */
export const FALLBACK_AUTOCHECKPOINT = 10_000;

// Plain CommonJS for an eval'd worker: no TypeScript loader needed, bundles or not.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage({ error: String(err && err.message || err) }); }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => { if (m === 'stop') { clearInterval(timer); tick(); db.close(); process.exit(0); } });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, opts: { intervalMs?: number; onError?: (message: string) => void } = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, intervalMs: opts.intervalMs ?? 250 } });
  worker.unref(); // never what keeps a process (a CLI command, a test) alive
  worker.on('message', (m: { error?: string }) => m.error && opts.onError?.(m.error));
  worker.on('error', (err) => opts.onError?.(err.message));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (worker.threadId < 0) return resolve();
        worker.once('exit', () => resolve());
        // held from now on: an unreferenced worker would let the process end before its last checkpoint
        worker.ref();
        worker.postMessage('stop');
      }),
  };
}
