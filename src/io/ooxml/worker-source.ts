// How to start the parse worker, wherever this code runs:
// - built/bundled JavaScript: ooxml-worker.js beside this module (a bundler must emit it as an entry);
// - TypeScript sources (tsx, vitest): Node 20 applies no loader to a worker's entry (`--import tsx` in
//   execArgv fails with ERR_UNKNOWN_FILE_EXTENSION), so the worker is bundled in memory once per process
//   with the esbuild that tsx already depends on, and started from a data: URL. Measured here: ≈0.4 s
//   once, then ≈0.15–0.25 s per worker, against ≈1.0–1.8 s per worker through tsx's tsImport, which
//   stays as the fallback if esbuild cannot be loaded.
import { createRequire } from 'node:module';

export interface WorkerSource {
  url: URL;
  /** Extra workerData the entry needs. */
  data: Record<string, unknown>;
}

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: Array<{ text: string }> }>;
}

let cached: Promise<WorkerSource> | undefined;

export function workerSource(): Promise<WorkerSource> {
  return (cached ??= locate().catch((e: unknown) => {
    cached = undefined; // let a later call try again rather than fail forever
    throw e;
  }));
}

async function locate(): Promise<WorkerSource> {
  const here = import.meta.url;
  if (!/\.[cm]?tsx?$/.test(new URL(here).pathname)) return { url: new URL('./ooxml-worker.js', here), data: {} };
  const entry = new URL('./ooxml-worker.ts', here);
  try {
    const code = await bundle(entry);
    return { url: new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`), data: {} };
  } catch {
    return { url: new URL('./ts-worker-boot.mjs', here), data: { entry: entry.href } };
  }
}

async function bundle(entry: URL): Promise<string> {
  const fromHere = createRequire(import.meta.url);
  const esbuild = createRequire(fromHere.resolve('tsx/package.json'))('esbuild') as EsbuildLike;
  const out = await esbuild.build({
    entryPoints: [decodeURIComponent(entry.pathname)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const text = out.outputFiles?.[0]?.text;
  if (!text) throw new Error('empty worker bundle');
  return text;
}
