// How to start a worker thread from a TypeScript entry, wherever this code runs:
// - built/bundled JavaScript: the entry's .js beside it (a bundler must emit it as an entry);
// - TypeScript sources (tsx, vitest): Node 20 applies no loader to a worker's entry (`--import tsx` in
//   execArgv fails with ERR_UNKNOWN_FILE_EXTENSION), so the entry is bundled in memory once per process
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

const cache = new Map<string, Promise<WorkerSource>>();

/**
 * The worker for `entry` (a .ts URL next to its caller). `external` are packages the bundle leaves to
 * be loaded at run time (ones the worker never uses on its paths, like the PDF browser driver).
 */
export function workerSource(entry: URL, opts: { external?: string[] } = {}): Promise<WorkerSource> {
  let found = cache.get(entry.href);
  if (!found) {
    found = locate(entry, opts.external ?? []).catch((e: unknown) => {
      cache.delete(entry.href); // let a later call try again rather than fail forever
      throw e;
    });
    cache.set(entry.href, found);
  }
  return found;
}

async function locate(entry: URL, external: string[]): Promise<WorkerSource> {
  if (!/\.[cm]?tsx?$/.test(new URL(import.meta.url).pathname)) return { url: new URL(entry.href.replace(/\.ts$/, '.js')), data: {} };
  try {
    const code = await bundle(entry, external);
    return { url: new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`), data: {} };
  } catch {
    return { url: new URL('./ts-worker-boot.mjs', import.meta.url), data: { entry: entry.href } };
  }
}

async function bundle(entry: URL, external: string[]): Promise<string> {
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
    external,
    // CommonJS packages inside an ESM bundle still call require() (for Node's own modules and the
    // externals): resolve from the entry's own place, since a data: URL has none
    banner: { js: `import { createRequire as __jxRequire } from 'node:module'; const require = __jxRequire(${JSON.stringify(decodeURIComponent(entry.pathname))});` },
  });
  const text = out.outputFiles?.[0]?.text;
  if (!text) throw new Error('empty worker bundle');
  return text;
}
