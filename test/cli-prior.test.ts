// `jixiao check --prior LAST THIS`: last year's report read as the user has it, and Q15 reported on this
// year's targets below last year's actuals (the same rule the server and the editor run).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedText } from './helpers/seed';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-prior-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jixiao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/jixiao.mjs', ...args], { cwd: join(import.meta.dirname, '..'), timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('jixiao check --prior', () => {
  it('flags this year’s satisfaction target under last year’s 99.5%, and only with --prior', async () => {
    // last year: the seed, its 满意率 row with a measured result; this year: the same report for 2022, target 99%
    const row = '\t服务对象满意率高于99%\n\t已完成';
    expect(seedText).toContain(row);
    const last = join(dir, '2021.txt');
    const current = join(dir, '2022.txt');
    writeFileSync(last, seedText.replace(row, '\t服务对象满意率高于99%\n\t99.5%'));
    writeFileSync(current, seedText.replace('2021年度', '2022年度').replace(row, '\t服务对象满意率高于99%\n\t'));
    const q15 = (out: string) => (JSON.parse(out).findings as Array<{ rule: string; message: string }>).filter((f) => f.rule === 'Q15');
    const withPrior = await jixiao(['check', '--json', '--prior', last, current]);
    expect(q15(withPrior.stdout).map((f) => f.message)).toEqual([expect.stringContaining('目标值“>99%”低于上年（2021年度）实际完成值99.5%')]);
    expect(q15((await jixiao(['check', '--json', current])).stdout)).toEqual([]);
    const missing = await jixiao(['check', '--prior', join(dir, 'none.txt'), current]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('上年报告无法读取：找不到文件');
  });
});
