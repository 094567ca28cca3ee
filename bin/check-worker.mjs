// Entry of a `jixiao check --jobs N` worker thread: the same tsx transform as bin/jixiao.mjs.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/pool/check-worker.ts');
