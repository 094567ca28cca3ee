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
 * The worker for `entry` (a .ts URL next to its caller). `stubs` are packages the worker reaches in its
 * imports but never uses on its paths (the PDF browser driver): the bundle gets a stand-in that throws if
 * it ever is used, instead of the package.
 */
export function workerSource(entry: URL, opts: { stubs?: string[] } = {}): Promise<WorkerSource> {
  let found = cache.get(entry.href);
  if (!found) {
    found = locate(entry, opts.stubs ?? []).catch((e: unknown) => {
      cache.delete(entry.href); // let a later call try again rather than fail forever
      throw e;
    });
    cache.set(entry.href, found);
  }
  return found;
}

async function locate(entry: URL, stubs: string[]): Promise<WorkerSource> {
  if (!/\.[cm]?tsx?$/.test(new URL(import.meta.url).pathname)) return { url: new URL(entry.href.replace(/\.ts$/, '.js')), data: {} };
  try {
    const code = await bundle(entry, stubs);
    return { url: new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`), data: {} };
  } catch {
    return { url: new URL('./ts-worker-boot.mjs', import.meta.url), data: { entry: entry.href } };
  }
}

const STUB = `module.exports = new Proxy({}, { get(_t, k) {
  if (k === '__esModule' || k === 'default' || typeof k === 'symbol') return undefined;
  throw new Error('this module is not available in a worker thread: ' + String(k));
} });`;

async function bundle(entry: URL, stubs: string[]): Promise<string> {
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
    plugins: stubs.length
      ? [{
          name: 'stubs',
          setup(b: { onResolve: Function; onLoad: Function }) {
            const filter = new RegExp(`^(${stubs.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
            b.onResolve({ filter }, (a: { path: string }) => ({ path: a.path, namespace: 'stub' }));
            b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: STUB, loader: 'js' }));
          },
        }]
      : [],
    // CommonJS packages inside an ESM bundle still call require() (for Node's own modules and the
    // externals): resolve from the entry's own place, since a data: URL has none
    banner: { js: `import { createRequire as __jxRequire } from 'node:module'; const require = __jxRequire(${JSON.stringify(decodeURIComponent(entry.pathname))});` },
  });
  const text = out.outputFiles?.[0]?.text;
  if (!text) throw new Error('empty worker bundle');
  return text;
}
