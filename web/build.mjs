// ensureWebBuild(): builds web/dist with Vite when it is missing or older than its sources (the UI, and
// the core and HTML export it bundles). Shared by `npm start` (scripts/start.mjs) and the browser tests.
// Run directly (`node web/build.mjs`) it builds when needed; `--force` always builds.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const webDir = dirname(fileURLToPath(import.meta.url));
const rootDir = dirname(webDir);
export const distDir = join(webDir, 'dist');

const SOURCES = [join(webDir, 'src'), join(webDir, 'index.html'), join(webDir, 'vite.config.ts'), join(rootDir, 'src', 'core'), join(rootDir, 'src', 'io', 'export', 'html')];

function newest(path) {
  if (!existsSync(path)) return { time: 0, file: null };
  const st = statSync(path);
  if (!st.isDirectory()) return { time: st.mtimeMs, file: path };
  let best = { time: 0, file: null };
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const n = newest(join(path, name));
    if (n.time > best.time) best = n;
  }
  return best;
}

/** Why a build is needed, in Chinese, or null when web/dist is current. */
export function staleReason() {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return '界面尚未构建（web/dist 不存在）';
  const built = statSync(index).mtimeMs;
  for (const src of SOURCES) {
    const n = newest(src);
    if (n.time > built) return `界面源文件已更新（${relative(rootDir, n.file)}），需要重新构建`;
  }
  return null;
}

/** Builds when needed (or always with force); logs each step through `log`. Returns whether it built. */
export async function ensureWebBuild({ force = false, log = console.log } = {}) {
  const reason = force ? '按要求重新构建界面' : staleReason();
  if (!reason) {
    log('界面已是最新构建（web/dist），跳过构建。');
    return false;
  }
  log(`${reason}：正在用 Vite 构建 web/dist …`);
  const started = Date.now();
  await viteBuild(distDir);
  log(`界面构建完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
  return true;
}

/**
 * Builds into a folder of the caller's own (the browser tests): a suite running beside `npm start` or
 * another suite never serves a web/dist that someone else is rebuilding.
 */
export async function buildWebInto(outDir, { log = console.log } = {}) {
  const started = Date.now();
  log(`正在用 Vite 构建界面到 ${outDir} …`);
  await viteBuild(outDir);
  log(`界面构建完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
}

async function viteBuild(outDir) {
  const { build } = await import('vite');
  // Always a production bundle, even when called from a test runner that set NODE_ENV=test
  // (React and antd would otherwise build in their test mode, with fixed ids such as "test-id").
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(webDir, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
  precompress(outDir);
}

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt']);

/**
 * Brotli (quality 11) and gzip (level 9) copies beside every text asset, made once at build time: the
 * server sends them as they are (@fastify/static preCompressed) instead of compressing on each request,
 * or sending 1 MB of JavaScript uncompressed. Small files and those that would not shrink are skipped.
 */
export function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      precompress(path);
      continue;
    }
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const bytes = readFileSync(path);
    if (bytes.length < 1024) continue;
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    const gz = gzipSync(bytes, { level: 9 });
    if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
    if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureWebBuild({ force: process.argv.includes('--force') }).catch((err) => {
    console.error('界面构建失败：', err);
    process.exit(1);
  });
}
