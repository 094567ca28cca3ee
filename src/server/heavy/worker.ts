// The heavy-work worker's entry (one job per thread, see io/worker/sandbox.ts): runs the job named in its
// input and posts the result, or the failure with its code. Bytes go back transferred, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from '../../io/import/doc';
import type { WorkerOutput } from '../../io/worker/sandbox';
import { installProjectMessages } from '../http/validation-messages';
import { checkJob, diffJob, digestJob, exportJob, importJob, JobError, prepareSaveJob } from './jobs';

export type HeavyJob =
  | ({ kind: 'check' } & Parameters<typeof checkJob>[0])
  | ({ kind: 'export' } & Parameters<typeof exportJob>[0])
  | ({ kind: 'import' } & Parameters<typeof importJob>[0])
  | ({ kind: 'save' } & Parameters<typeof prepareSaveJob>[0])
  | ({ kind: 'digest' } & Parameters<typeof digestJob>[0])
  | ({ kind: 'diff' } & Parameters<typeof diffJob>[0]);

installProjectMessages();

async function run(job: HeavyJob): Promise<unknown> {
  switch (job.kind) {
    case 'check':
      return checkJob(job);
    case 'export':
      return exportJob(job);
    case 'import':
      return importJob(job);
    case 'save':
      return prepareSaveJob(job);
    case 'digest':
      return digestJob(job);
    case 'diff':
      return diffJob(job);
  }
}

const job = (workerData as { input: HeavyJob }).input;
try {
  const value = await run(job);
  const bytes = (value as { bytes?: Uint8Array } | null)?.bytes;
  parentPort?.postMessage({ ok: true, value } satisfies WorkerOutput<unknown>, bytes ? [bytes.buffer as ArrayBuffer] : []);
} catch (e) {
  const out: WorkerOutput<unknown> =
    e instanceof JobError
      ? { ok: false, code: e.code, message: e.message, extra: e.extra }
      : e instanceof ImportError
        ? { ok: false, code: e.code, message: e.message, extra: { importError: true } }
        : { ok: false, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
  parentPort?.postMessage(out);
}
