// Starts the worker when the code runs from TypeScript sources (tsx, vitest). Node 20 does not apply
// `--import tsx` to a worker's own entry (ERR_UNKNOWN_FILE_EXTENSION), so the entry is loaded through
// tsx's scoped API instead. Built/bundled JavaScript starts ooxml-worker.js directly and never uses this.
import { workerData } from 'node:worker_threads';

const { tsImport } = await import('tsx/esm/api');
await tsImport(workerData.entry, import.meta.url);
