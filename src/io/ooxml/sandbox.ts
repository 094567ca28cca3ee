// Runs a parse in a worker thread with a heap cap and a wall-clock cap, so a hostile file can exhaust
// only that thread: the process, and the requests of other users, carry on. One fresh worker per file:
// nothing one upload leaves behind (memory, a poisoned prototype) can reach the next.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Doc } from '../import/doc';
import { ImportError } from '../import/doc';
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import { createLimiter } from './limiter';
import type { WorkerInput, WorkerOutput } from './ooxml-worker';
import { workerSource } from './worker-source';

export interface SandboxOptions {
  /** Wall-clock cap per file, worker start-up included (default 10 s). */
  timeoutMs?: number;
  /** V8 old-generation heap of the worker (default 256 MB). */
  maxOldGenerationSizeMb?: number;
  /** V8 young-generation heap of the worker (default 32 MB). */
  maxYoungGenerationSizeMb?: number;
  /** Files parsed at once (default: CPU count − 1, at least 1). */
  maxConcurrent?: number;
  /** Files waiting beyond those; more are refused with OOXML.BUSY (default 64). */
  maxQueued?: number;
}

export interface Sandbox {
  run(bytes: Uint8Array, limits: OoxmlLimits): Promise<Doc>;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const limiter = createLimiter(options.maxConcurrent ?? Math.max(1, availableParallelism() - 1), options.maxQueued ?? 64, () => ooxmlError('OOXML.BUSY'));
  return { run: (bytes, limits) => limiter.run(() => runWorker(bytes, limits, options)) };
}

async function runWorker(bytes: Uint8Array, limits: OoxmlLimits, options: SandboxOptions): Promise<Doc> {
  const { url, data } = await workerSource();
  // A private copy, transferred: the caller's buffer stays usable, and nothing else of its backing
  // store (Node pools small Buffers) is cloned into the worker.
  const own = new Uint8Array(bytes); // a real copy even when bytes is a Buffer (whose slice() is a view)
  const input: WorkerInput = { bytes: own, limits };
  return new Promise<Doc>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(url, {
      workerData: { ...data, ...input },
      transferList: [own.buffer as ArrayBuffer],
      // A clean worker: the parent's flags (vitest's, --import tsx) do not apply to it.
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 256,
        maxYoungGenerationSizeMb: options.maxYoungGenerationSizeMb ?? 32,
      },
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(ooxmlError('OOXML.TIMEOUT'))), options.timeoutMs ?? 10_000);
    worker.on('message', (out: WorkerOutput) =>
      finish(() => (out.ok ? resolve(out.doc) : reject(new ImportError(out.code, out.message)))),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      finish(() =>
        reject(ooxmlError(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'OOXML.OUT_OF_MEMORY' : 'OOXML.WORKER_FAILED')),
      ),
    );
    worker.on('exit', () => finish(() => reject(ooxmlError('OOXML.WORKER_FAILED'))));
  });
}
