// Test helpers for looking at PDFs with poppler (pdftotext, pdffonts, pdftoppm, pdfinfo), and the rule for
// when the machine lacks them: a developer gets a loud warning and skipped tests, CI (CI=true) a failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../../core/model/report';
import { seedReport } from '../../../../test/helpers/seed';
import { CHROMIUM_MISSING_MESSAGE, findChromium } from './chromium';

export const ARTIFACTS = fileURLToPath(new URL('../../../../test-artifacts/pdf/', import.meta.url));
const POPPLER = ['pdftotext', 'pdffonts', 'pdftoppm', 'pdfinfo'];

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

export function missingPdfTools(): string[] {
  const missing = POPPLER.filter((c) => !onPath(c)).map((c) => `${c}（apt-get install -y poppler-utils）`);
  if (!findChromium()) missing.unshift(CHROMIUM_MISSING_MESSAGE);
  return missing;
}

/** true when the PDF tests should be skipped; prints why so nobody mistakes a skip for a pass. */
export function skipPdfTests(): boolean {
  const missing = missingPdfTools();
  if (missing.length === 0) return false;
  if (process.env.CI === 'true') return false; // run, and fail on what is missing
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! PDF 测试已跳过（SKIPPED）：本机缺少\n${missing.map((m) => `!!   - ${m}`).join('\n')}\n!! 在 CI（CI=true）中缺少这些会导致测试失败。\n${bar}\n`);
  return true;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');

export const pdfText = (file: string, page?: number) =>
  run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-']);

export function pdfInfo(file: string): { pages: number; width: number; height: number; tagged: boolean } {
  const out = run('pdfinfo', [file]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? 0),
    width: Number(size?.[1] ?? 0),
    height: Number(size?.[2] ?? 0),
    tagged: /Tagged:\s+yes/.test(out),
  };
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  unicode: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      // columns: name, type (may contain spaces), encoding, emb, sub, uni, object, ID
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      return { name: m?.[1] ?? l, type: m?.[2] ?? '', embedded: m?.[4] === 'yes', unicode: m?.[6] === 'yes' };
    });
}

/** Renders one page to PNG in test-artifacts/pdf/ and returns its path. */
export function pageToPng(file: string, page: number, name: string, dpi = 110): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const base = join(ARTIFACTS, name);
  run('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', String(page), '-l', String(page), file, base]);
  return `${base}.png`;
}

/** Text with all whitespace removed: table cells wrap lines anywhere, so compare without it. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Whether the page text holds the token. pdftotext reads a table row line by line across its cells, so a
 * value that wraps inside a cell comes back with the neighbouring cells' words between its lines: accept
 * the token's characters in order within a window three times its length.
 */
export function containsLoosely(text: string, token: string): boolean {
  const t = squash(text);
  const k = squash(token);
  if (t.includes(k)) return true;
  if (k.length <= 4 || !/[\u4e00-\u9fff]/.test(k)) return false; // short words and numbers: exact only
  const window = k.length * 3;
  for (let i = t.indexOf(k[0]!); i >= 0; i = t.indexOf(k[0]!, i + 1)) {
    let j = 0;
    for (let p = i; p < t.length && p - i < window && j < k.length; p++) if (t[p] === k[j]) j++;
    if (j === k.length) return true;
  }
  return false;
}

/** The seed as the importer reads it from the fixture. */
export async function loadSeed(): Promise<{ report: Report; via: 'importFile' }> {
  return { report: seedReport(), via: 'importFile' };
}
