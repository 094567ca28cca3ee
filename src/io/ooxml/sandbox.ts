// OOXML parsing in the worker sandbox (io/worker/sandbox.ts): a zip's bytes → Doc under the caps, each file
// in a fresh worker, with the ooxml error codes (OOXML.TIMEOUT, OOXML.OUT_OF_MEMORY, OOXML.BUSY …).
import type { Doc } from '../import/doc';
import { ImportError } from '../import/doc';
import { createSandbox as createWorkerSandbox, type SandboxOptions } from '../worker/sandbox';
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import type { WorkerInput } from './ooxml-worker';

export type { SandboxOptions } from '../worker/sandbox';

export interface Sandbox {
  run(bytes: Uint8Array, limits: OoxmlLimits): Promise<Doc>;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const sandbox = createWorkerSandbox<WorkerInput, Doc>(
    new URL('./ooxml-worker.ts', import.meta.url),
    {
      busy: () => ooxmlError('OOXML.BUSY'),
      timeout: () => ooxmlError('OOXML.TIMEOUT'),
      outOfMemory: () => ooxmlError('OOXML.OUT_OF_MEMORY'),
      failed: () => ooxmlError('OOXML.WORKER_FAILED'),
      fromWorker: (code, message) => new ImportError(code, message),
    },
    options,
  );
  return {
    run(bytes, limits) {
      // A private copy, transferred: the caller's buffer stays usable, and nothing else of its backing
      // store (Node pools small Buffers) is cloned into the worker.
      const own = new Uint8Array(bytes); // a real copy even when bytes is a Buffer (whose slice() is a view)
      return sandbox.run({ bytes: own, limits }, [own.buffer as ArrayBuffer]);
    },
  };
}
