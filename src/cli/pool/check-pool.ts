// `jixiao check` over many files on every core: the main thread and jobs - 1 worker threads take the next
// file from one queue; results are handed on strictly in input order, so the output is --jobs 1's.
// A worker takes about a second of CPU to start (the tsx transform, loading the importer and the
// templates), so the main thread works from the start: a small directory is done before any worker is
// ready, a large one gains a core per worker.
import { Worker } from 'node:worker_threads';
import { type CheckOptions, type FileCheck, checkLoaded } from '../check-one';
import { loadFile } from '../load';

// Under tsx (bin/jixiao.mjs) a worker needs the transform registered too; its entry does that.
const WORKER = new URL('../../../bin/check-worker.mjs', import.meta.url);

/**
 * Checks `files` on `jobs` threads (this one included); `onResult` is called once per file, in input
 * order, `onChecked` as each finishes. `mainThread: false` leaves all the work to the workers (tests).
 */
export async function checkInPool(
  files: readonly string[],
  jobs: number,
  opts: CheckOptions,
  onResult: (r: FileCheck) => void,
  onChecked?: (file: string) => void,
  mainThread = process.env.JIXIAO_CHECK_MAIN_THREAD !== '0',
): Promise<void> {
  const done: Array<FileCheck | undefined> = new Array(files.length);
  let next = 0;
  let emitted = 0;
  let failure: Error | null = null;
  const workers: Worker[] = [];
  let finish: () => void = () => {};
  const allDone = new Promise<void>((resolve) => (finish = resolve));

  const settle = (index: number, r: FileCheck) => {
    done[index] = r;
    onChecked?.(files[index]!);
    while (emitted < files.length && done[emitted]) {
      onResult(done[emitted]!);
      done[emitted] = undefined; // a long run's results are collected as they are printed
      emitted++;
    }
    if (emitted === files.length) finish();
  };
  const stop = (e: Error) => {
    failure ??= e;
    finish();
  };
  const feed = (w: Worker) => {
    if (failure || next >= files.length) return void w.terminate();
    const index = next++;
    w.postMessage({ index, file: files[index] });
  };

  for (let k = 0; k < Math.min(jobs - (mainThread ? 1 : 0), files.length); k++) {
    const w = new Worker(WORKER, { workerData: opts });
    workers.push(w);
    w.on('error', stop);
    w.on('message', (m: { index: number; result?: FileCheck; error?: string }) => {
      if (m.error !== undefined) return stop(new Error(`检查 ${files[m.index]} 时出错：${m.error}`));
      settle(m.index, m.result!);
      feed(w);
    });
    w.once('online', () => feed(w));
  }
  if (mainThread) {
    while (!failure && next < files.length) {
      const index = next++;
      settle(index, checkLoaded(await loadFile(files[index]!), opts));
      // let finished workers' messages in (and hand them their next file) between two of ours
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  await allDone;
  await Promise.all(workers.map((w) => w.terminate()));
  if (failure) throw failure;
}
