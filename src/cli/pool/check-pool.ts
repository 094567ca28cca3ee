// `jixiao check` over many files on every core: a pool of worker threads, each sent the next file as
// soon as it is free; results are handed on strictly in input order, so the output is --jobs 1's.
import { Worker } from 'node:worker_threads';
import type { CheckOptions, FileCheck } from '../check-one';

// Under tsx (bin/jixiao.mjs) a worker needs the transform registered too; its entry does that.
const WORKER = new URL('../../../bin/check-worker.mjs', import.meta.url);

/** Checks `files` on `jobs` threads; `onResult` is called once per file, in input order. */
export function checkInPool(files: readonly string[], jobs: number, opts: CheckOptions, onResult: (i: number, r: FileCheck) => void, onDone?: (file: string) => void): Promise<void> {
  const done: Array<FileCheck | undefined> = new Array(files.length);
  let next = 0;
  let emitted = 0;
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const send = (w: Worker) => {
      if (next < files.length) {
        const index = next++;
        w.postMessage({ index, file: files[index] });
      } else void w.terminate();
    };
    for (let k = 0; k < Math.min(jobs, files.length); k++) {
      const w = new Worker(WORKER, { workerData: opts });
      workers.push(w);
      w.on('error', fail);
      w.on('message', (m: { index: number; result?: FileCheck; error?: string }) => {
        if (m.error !== undefined) return fail(new Error(`检查 ${files[m.index]} 时出错：${m.error}`));
        done[m.index] = m.result;
        onDone?.(files[m.index]!);
        while (emitted < files.length && done[emitted]) {
          onResult(emitted, done[emitted]!);
          done[emitted] = undefined; // let a long run's results be collected as they are printed
          emitted++;
        }
        if (emitted === files.length) {
          for (const x of workers) void x.terminate();
          resolve();
        } else send(w);
      });
      send(w);
    }
  });
}
