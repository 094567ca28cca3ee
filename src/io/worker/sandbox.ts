// Runs a job in a worker thread with a heap cap and a wall-clock cap, so hostile input or a huge report can
// exhaust only that thread: the process, and the requests of other users, carry on. One fresh worker per
// job: nothing one job leaves behind (memory, a poisoned prototype) can reach the next. A concurrency cap
// and a bounded queue keep the machine's cores for everyone else; beyond the queue, work is refused.
//
// The entry module posts { ok: true, value } or { ok: false, code, message, extra? } once and is done.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createLimiter } from './limiter';
import { workerSource } from './worker-source';

export interface SandboxOptions {
  /** Wall-clock cap per job, worker start-up included (default 10 s). */
  timeoutMs?: number;
  /** V8 old-generation heap of the worker (default 256 MB). */
  maxOldGenerationSizeMb?: number;
  /** V8 young-generation heap of the worker (default 32 MB). */
  maxYoungGenerationSizeMb?: number;
  /** Jobs run at once (default: CPU count − 1, at least 1). */
  maxConcurrent?: number;
  /** Jobs waiting beyond those; more are refused (default 64). */
  maxQueued?: number;
}

/** The errors a sandbox reports in its user's own terms (stable codes, Chinese messages). */
export interface SandboxErrors {
  busy(): Error;
  timeout(): Error;
  outOfMemory(): Error;
  failed(): Error;
  /** what the entry reported */
  fromWorker(code: string, message: string, extra?: Record<string, unknown>): Error;
}

export interface Sandbox<I, O> {
  run(input: I, transfer?: ArrayBuffer[]): Promise<O>;
  /** jobs running and waiting now */
  readonly load: { active: number; waiting: number };
}

export type WorkerOutput<O> = { ok: true; value: O } | { ok: false; code: string; message: string; extra?: Record<string, unknown> };

export function createSandbox<I, O>(entry: URL, errors: SandboxErrors, options: SandboxOptions & { stubs?: string[] } = {}): Sandbox<I, O> {
  const limiter = createLimiter(options.maxConcurrent ?? Math.max(1, availableParallelism() - 1), options.maxQueued ?? 64, errors.busy);
  return {
    get load() {
      return limiter.load;
    },
    run: (input, transfer = []) => limiter.run(() => runWorker<I, O>(entry, input, transfer, errors, options)),
  };
}

async function runWorker<I, O>(entry: URL, input: I, transfer: ArrayBuffer[], errors: SandboxErrors, options: SandboxOptions & { stubs?: string[] }): Promise<O> {
  const { url, data } = await workerSource(entry, { stubs: options.stubs });
  return new Promise<O>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(url, {
      workerData: { ...data, input },
      transferList: transfer,
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
    const timer = setTimeout(() => finish(() => reject(errors.timeout())), options.timeoutMs ?? 10_000);
    worker.on('message', (out: WorkerOutput<O>) => finish(() => (out.ok ? resolve(out.value) : reject(errors.fromWorker(out.code, out.message, out.extra)))));
    worker.on('error', (err: Error & { code?: string }) => finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? errors.outOfMemory() : errors.failed())));
    worker.on('exit', () => finish(() => reject(errors.failed())));
  });
}
