// `jixiao check --jobs N DIR`: files checked on N worker threads print exactly what one thread prints, in
// input order (text and JSON, findings, summary, exit code), and the run ends with its reports/s.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVariant } from '../bench/fixtures';
import { toPipes } from './helpers/variants';
import { seedText } from './helpers/seed';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXCERPTS = join(import.meta.dirname, 'fixtures', 'real-excerpts');

function jixiao(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const options = { cwd: join(import.meta.dirname, '..'), timeout: 120_000, maxBuffer: 1 << 28, env: { ...process.env, ...env } };
    execFile(process.execPath, ['bin/jixiao.mjs', ...args], options, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  // 23 reports of every kind the importer meets, one of them unreadable (exit 2 must survive the pool)
  for (const f of readdirSync(EXCERPTS).filter((f) => f.endsWith('.txt'))) copyFileSync(join(EXCERPTS, f), join(dir, `excerpt-${f}`));
  for (let i = 0; i < 10; i++) writeFileSync(join(dir, `variant-${i}.txt`), seedVariant(i * 11));
  writeFileSync(join(dir, 'seed-pipes.txt'), toPipes(seedText));
  writeFileSync(join(dir, 'seed-cut.txt'), seedText.slice(0, 7000));
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([1, 2, 3, 0, 5, 6, 7, 8]));
});

describe('jixiao check --jobs', () => {
  it('prints with 3 threads exactly what one thread prints, text and JSON, in input order', async () => {
    // the main thread left out of the work, so every file goes through a worker (it would do most of 23)
    const workersOnly = { JIXIAO_CHECK_MAIN_THREAD: '0' };
    const [one, three, oneJson, threeJson, twoJson] = await Promise.all([
      jixiao(['check', '--jobs', '1', dir]),
      jixiao(['check', '--jobs', '3', dir], workersOnly),
      jixiao(['check', '--json', '--jobs', '1', dir]),
      jixiao(['check', '--json', '--jobs', '3', dir], workersOnly),
      jixiao(['check', '--json', '--jobs', '2', dir]),
    ]);
    expect(twoJson.stdout).toBe(oneJson.stdout);
    expect(one.code).toBe(2); // binary.txt cannot be read
    expect(three.code).toBe(2);
    expect(three.stdout).toBe(one.stdout);
    expect(threeJson.stdout).toBe(oneJson.stdout);
    const files = (JSON.parse(threeJson.stdout) as Array<{ file: string }>).map((r) => r.file);
    expect(files).toHaveLength(23);
    expect(files).toEqual([...files].sort((a, b) => a.localeCompare(b)));
    expect(one.stdout).toContain('[无法读取]');
    expect(three.stderr).toMatch(/已检查 23 份报告，用时 [\d.]+ 秒，每秒 \d+ 份（3 个线程）/);
    expect(one.stderr).toMatch(/已检查 23 份报告.*（1 个线程）/);
  });

  it('refuses a --jobs that is not a positive whole number, in Chinese', async () => {
    const bad = await jixiao(['check', '--jobs', '0', dir]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--jobs 须为正整数');
  });
});
