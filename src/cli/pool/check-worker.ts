// A worker thread of `jixiao check --jobs N`: loads and checks the files it is sent, one at a time, and
// posts back what the command prints for each (check-one.ts), so output does not depend on the thread.
import { parentPort, workerData } from 'node:worker_threads';
import { type CheckOptions, checkLoaded } from '../check-one';
import { loadFile } from '../load';

const opts = workerData as CheckOptions;
parentPort!.on('message', async (msg: { index: number; file: string }) => {
  try {
    parentPort!.postMessage({ index: msg.index, result: checkLoaded(await loadFile(msg.file), opts) });
  } catch (e) {
    // An unexpected failure is the command's, as it would be with one thread: the main thread rethrows it.
    parentPort!.postMessage({ index: msg.index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
