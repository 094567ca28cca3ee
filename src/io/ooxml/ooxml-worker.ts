// Worker entry: parses one file and posts back either the Doc or the error's code and message. A crash
// or an out-of-memory here ends this thread only; sandbox.ts turns that into an ImportError.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerOutput } from '../worker/sandbox';
import { toImportError } from './errors';
import type { OoxmlLimits } from './limits';
import { readPackage } from './package-read';

export interface WorkerInput {
  bytes: Uint8Array;
  limits: OoxmlLimits;
}

const input = (workerData as { input: WorkerInput }).input;
let out: WorkerOutput<import('../import/doc').Doc>;
try {
  out = { ok: true, value: readPackage(input.bytes, input.limits) };
} catch (e) {
  const err = toImportError(e);
  out = { ok: false, code: err.code, message: err.message };
}
parentPort?.postMessage(out);
