// Legacy Office files (.doc, .xls, WPS .wps/.et) converted to DOCX/XLSX by LibreOffice, when it is installed,
// then read like any upload. Each conversion runs soffice in its own process group with a wall-clock limit
// (the whole group is killed when it passes), a private profile, HOME and TMPDIR in a fresh 0700 directory
// that is removed afterwards (two soffice runs on one profile collide), no network where the kernel lets
// us unshare one (a document's linked images are never fetched), and a cap on conversions at once.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ooxmlError } from './errors';
import { createLimiter, type Limiter } from '../worker/limiter';

export type LegacyKind = 'doc' | 'xls';

export interface LegacyOptions {
  /** The soffice binary; undefined = look it up (JIXIAO_SOFFICE, then PATH and LibreOffice's usual places); null = never convert. */
  soffice?: string | null;
  /** Wall-clock limit of one conversion, start-up included (default 60 s). */
  timeoutMs?: number;
  /** Where each conversion makes (and removes) its private directory (default: the system's temporary directory). */
  workDir?: string;
}

const TARGET: Record<LegacyKind, 'docx' | 'xlsx'> = { doc: 'docx', xls: 'xlsx' };
const PLACES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/usr/local/bin/soffice'];
/** A converted file larger than this is not a report (the OOXML reader caps it again, entry by entry). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

let located: string | null | undefined;

/** The soffice to run, or null when LibreOffice is not installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.JIXIAO_SOFFICE !== undefined) return env.JIXIAO_SOFFICE && executable(env.JIXIAO_SOFFICE) ? env.JIXIAO_SOFFICE : null;
  if (located !== undefined) return located;
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((d) => [join(d, 'soffice'), join(d, 'libreoffice')]);
  return (located = [...onPath, ...PLACES].find(executable) ?? null);
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let isolation: string[] | undefined;

/** `unshare -rn` (a user and network namespace of its own) when this kernel and account allow it. */
function networkless(): string[] {
  if (isolation) return isolation;
  const probe = spawnSync('unshare', ['-rn', 'true'], { timeout: 2000, stdio: 'ignore' });
  return (isolation = probe.status === 0 ? ['unshare', '-rn'] : []);
}

// LibreOffice is heavy (≈200 MB and a core for ~1.5 s a file): one conversion at a time, a few waiting.
const limiter: Limiter = createLimiter(1, 8, () => ooxmlError('OOXML.BUSY'));

/**
 * The DOCX (or XLSX) LibreOffice makes of a legacy file, or null when LibreOffice is not installed (the
 * caller then gives its advice to re-save the file). Throws LEGACY.* ImportErrors when the conversion fails.
 */
export async function convertLegacy(bytes: Uint8Array, kind: LegacyKind, options: LegacyOptions = {}): Promise<Uint8Array | null> {
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  if (!soffice) return null;
  return limiter.run(() => convertOnce(bytes, kind, soffice, options.timeoutMs ?? 60_000, options.workDir ?? tmpdir()));
}

async function convertOnce(bytes: Uint8Array, kind: LegacyKind, soffice: string, timeoutMs: number, workDir: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(workDir, 'jixiao-lo-'));
  try {
    const input = join(dir, `input.${kind}`);
    const out = join(dir, 'out');
    await mkdir(out);
    await writeFile(input, bytes, { mode: 0o600 });
    const args = [
      '--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck', '--nofirststartwizard',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--convert-to', TARGET[kind], '--outdir', out, input,
    ];
    const [cmd, ...argv] = [...networkless(), soffice, ...args];
    await run(cmd!, argv, { HOME: dir, TMPDIR: dir, PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' }, timeoutMs);
    const result = join(out, `input.${TARGET[kind]}`);
    const size = await stat(result).then((s) => s.size, () => -1);
    if (size <= 0) throw ooxmlError('LEGACY.CONVERT_FAILED');
    if (size > MAX_OUTPUT_BYTES) throw ooxmlError('OOXML.ZIP_TOO_LARGE');
    return new Uint8Array(await readFile(result));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the command in its own process group; past the limit the whole group is killed. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, detached: true, stdio: 'ignore' });
    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      kill();
      reject(ooxmlError('LEGACY.TIMEOUT'));
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      reject(ooxmlError('LEGACY.CONVERT_FAILED'));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      kill(); // a helper process soffice left behind
      if (code === 0) resolve();
      else reject(ooxmlError('LEGACY.CONVERT_FAILED'));
    });
  });
}
