// jixiao check FILE|DIR… : findings and score per report. Exit 0 clean, 1 any error finding, 2 unreadable.
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { splitRef } from '../../core/check';
import { getTemplate } from '../../core/templates/index';
import { type CheckOptions, type FileCheck, checkLoaded } from '../check-one';
import { expandInputs } from '../files';
import { type SummaryRow, formatSummary } from '../format';
import { loadFile } from '../load';
import { checkInPool } from '../pool/check-pool';

export { importFindings } from '../check-one';

function jobsOption(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('--jobs 须为正整数（并行检查的线程数）');
  return n;
}

export function checkCommand(): Command {
  return new Command('check')
    .description('检查自评报告：勾稽关系、指标质量、复制文本、签署，并按评分表计分')
    .argument('<files...>', '报告文件（.txt .docx .xlsx）或目录')
    .option('--json', '输出 JSON（多个文件时为数组）')
    .option('--template <id>', '使用指定评分表模板（见 jixiao templates；id 或 id@版本）')
    .option('--prior <file>', '同一部门上一年度的报告：其完成值用来检查本年目标是否低于上年实际（Q15）')
    .option('--jobs <n>', `并行检查的线程数（默认为 CPU 核数，本机 ${availableParallelism()}）`, jobsOption)
    .action(async (inputs: string[], opts: { json?: boolean; template?: string; prior?: string; jobs?: number }) => {
      if (opts.template) getTemplate(...splitRef(opts.template)); // fail early with the list of templates
      const prior = opts.prior ? await loadFile(opts.prior) : null;
      if (prior && !prior.ok) {
        process.stderr.write(`上年报告无法读取：${prior.message}\n`);
        process.exitCode = 2;
        return;
      }
      const priorYear = prior?.ok ? { year: prior.result.report.year, indicators: prior.result.report.performance.indicators } : undefined;
      const files = expandInputs(inputs);
      const checkOpts: CheckOptions = { json: opts.json, template: opts.template, priorYear };
      const jobs = Math.min(opts.jobs ?? availableParallelism(), files.length);
      const bar = files.length > 1 && process.stderr.isTTY ? new cliProgress.SingleBar({ format: '检查中 [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : null;
      bar?.start(files.length, 0, { file: '' });
      const started = performance.now();
      let exit = 0;
      const json: unknown[] = [];
      const summary: SummaryRow[] = [];
      const take = (r: FileCheck) => {
        if (r.exit === 2) exit = 2;
        else if (r.exit === 1 && exit === 0) exit = 1;
        summary.push(r.summary);
        if (opts.json) json.push(r.json);
        else process.stdout.write(r.text!);
      };
      if (jobs > 1) {
        await checkInPool(files, jobs, checkOpts, take, (file) => bar?.increment({ file }));
      } else {
        for (const file of files) {
          const loaded = await loadFile(file);
          bar?.increment({ file });
          take(checkLoaded(loaded, checkOpts));
        }
      }
      bar?.stop();
      if (opts.json) process.stdout.write(`${JSON.stringify(files.length === 1 ? json[0] : json, null, 2)}\n`);
      else process.stdout.write(`汇总\n${formatSummary(summary)}\n`);
      if (files.length > 1) {
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write(`已检查 ${files.length} 份报告，用时 ${seconds.toFixed(2)} 秒，每秒 ${Math.round(files.length / seconds)} 份（${Math.max(jobs, 1)} 个线程）\n`);
      }
      process.exitCode = exit;
    });
}
