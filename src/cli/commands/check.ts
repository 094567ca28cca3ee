// jixiao check FILE|DIR… : findings and score per report. Exit 0 clean, 1 any error finding, 2 unreadable.
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { checkReport } from '../../core/check';
import type { Finding } from '../../core/model/finding';
import { getTemplate } from '../../core/templates/index';
import type { ImportResult } from '../../io/import/index';
import { expandInputs } from '../files';
import { type SummaryRow, formatFindings, formatScore, formatSummary } from '../format';
import { loadFile } from '../load';

/** Import diagnostics are findings too: an amount that is not a number is as real as a sum that fails. */
export function importFindings(result: ImportResult): Finding[] {
  return result.diagnostics.map((d) => ({ code: d.code, rule: 'IMPORT', severity: d.severity, path: d.path ?? '', message: d.message, ...(d.loc ? { source: d.loc } : {}) }));
}

export function checkCommand(): Command {
  return new Command('check')
    .description('检查自评报告：勾稽关系、指标质量、复制文本、签署，并按评分表计分')
    .argument('<files...>', '报告文件（.txt .docx .xlsx）或目录')
    .option('--json', '输出 JSON（多个文件时为数组）')
    .option('--template <id>', '使用指定评分表模板（见 jixiao templates）')
    .option('--prior <file>', '同一部门上一年度的报告：其完成值用来检查本年目标是否低于上年实际（Q15）')
    .action(async (inputs: string[], opts: { json?: boolean; template?: string; prior?: string }) => {
      if (opts.template) getTemplate(opts.template); // fail early with the list of templates
      const prior = opts.prior ? await loadFile(opts.prior) : null;
      if (prior && !prior.ok) {
        process.stderr.write(`上年报告无法读取：${prior.message}\n`);
        process.exitCode = 2;
        return;
      }
      const priorYear = prior?.ok ? { year: prior.result.report.year, indicators: prior.result.report.performance.indicators } : undefined;
      const files = expandInputs(inputs);
      const bar = files.length > 1 && process.stderr.isTTY ? new cliProgress.SingleBar({ format: '检查中 [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : null;
      bar?.start(files.length, 0, { file: '' });
      let exit = 0;
      const json: unknown[] = [];
      const summary: SummaryRow[] = [];
      for (const file of files) {
        const loaded = await loadFile(file);
        bar?.increment({ file });
        if (!loaded.ok) {
          exit = 2;
          if (opts.json) json.push({ file, error: { code: loaded.code, message: loaded.message } });
          else process.stdout.write(`━━ ${file}\n  [无法读取] ${loaded.message}\n\n`);
          summary.push({ file, unit: '（无法读取）', year: '', errors: 0, warnings: 0, infos: 0, selfScore: '', computable: '' });
          continue;
        }
        const { result } = loaded;
        const { findings: ruleFindings, score } = checkReport(result.report, { templateId: opts.template, truncated: result.truncated, priorYear });
        const findings = [...importFindings(result), ...ruleFindings];
        const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
        if (count('error') && exit === 0) exit = 1;
        const r = result.report;
        summary.push({
          file,
          unit: r.cover.departmentName || '（未识别）',
          year: r.year ? String(r.year) : '',
          errors: count('error'),
          warnings: count('warning'),
          infos: count('info'),
          selfScore: r.performance.selfScore != null ? String(r.performance.selfScore) : '—',
          computable: score.total != null ? String(score.total) : `${score.computable.score}/${score.computable.weight}`,
        });
        if (opts.json) {
          json.push({
            file,
            family: result.family,
            truncated: result.truncated,
            report: r,
            findings: findings.map(({ code, rule, severity, path, message, source }) => ({ code, rule, severity, path, message, ...(source ? { source } : {}) })),
            score: { total: score.total, grade: score.grade, basis: score.basis, computable: score.computable, claimed: score.claimed, template: score.templateId, items: score.items },
            unmapped: result.unmapped,
          });
          continue;
        }
        const head = [r.cover.departmentName || '（单位名称未识别）', r.year ? `${r.year}年度` : '年度未识别', `模板族：${result.family}`, result.truncated ? '文档不完整（已截断）' : ''].filter(Boolean).join(' · ');
        process.stdout.write(`━━ ${file}\n${head}\n错误 ${count('error')} · 警告 ${count('warning')} · 提示 ${count('info')}\n`);
        if (findings.length) process.stdout.write(`${formatFindings(findings)}\n`);
        process.stdout.write(`${formatScore(score)}\n`);
        if (result.unmapped.length) process.stdout.write(`未识别内容 ${result.unmapped.length} 段（用 jixiao import --json 查看）\n`);
        process.stdout.write('\n');
      }
      bar?.stop();
      if (opts.json) process.stdout.write(`${JSON.stringify(files.length === 1 ? json[0] : json, null, 2)}\n`);
      else process.stdout.write(`汇总\n${formatSummary(summary)}\n`);
      process.exitCode = exit;
    });
}
