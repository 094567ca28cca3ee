// What `jixiao check` says about one file, computed apart from printing it, so the command can check
// files in worker threads and still print every file's part in input order, byte for byte as one thread would.
import { checkReport } from '../core/check';
import type { PriorYear } from '../core/library/prior-year';
import type { Finding } from '../core/model/finding';
import type { ImportResult } from '../io/import/index';
import { type SummaryRow, formatFindings, formatScore } from './format';
import type { Loaded } from './load';

export interface CheckOptions {
  json?: boolean;
  template?: string;
  priorYear?: PriorYear;
}

export interface FileCheck {
  /** 0 clean, 1 an error finding, 2 unreadable */
  exit: 0 | 1 | 2;
  /** the file's element of the --json output, or (without --json) its part of the text output */
  json?: unknown;
  text?: string;
  summary: SummaryRow;
}

/** Import diagnostics are findings too: an amount that is not a number is as real as a sum that fails. */
export function importFindings(result: ImportResult): Finding[] {
  return result.diagnostics.map((d) => ({ code: d.code, rule: 'IMPORT', severity: d.severity, path: d.path ?? '', message: d.message, ...(d.loc ? { source: d.loc } : {}) }));
}

export function checkLoaded(loaded: Loaded, opts: CheckOptions): FileCheck {
  const { file } = loaded;
  if (!loaded.ok) {
    const summary = { file, unit: '（无法读取）', year: '', errors: 0, warnings: 0, infos: 0, selfScore: '', computable: '' };
    if (opts.json) return { exit: 2, json: { file, error: { code: loaded.code, message: loaded.message } }, summary };
    return { exit: 2, text: `━━ ${file}\n  [无法读取] ${loaded.message}\n\n`, summary };
  }
  const { result } = loaded;
  const { findings: ruleFindings, score } = checkReport(result.report, { templateId: opts.template, truncated: result.truncated, priorYear: opts.priorYear });
  const findings = [...importFindings(result), ...ruleFindings];
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const r = result.report;
  const summary: SummaryRow = {
    file,
    unit: r.cover.departmentName || '（未识别）',
    year: r.year ? String(r.year) : '',
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    selfScore: r.performance.selfScore != null ? String(r.performance.selfScore) : '—',
    computable: score.total != null ? String(score.total) : `${score.computable.score}/${score.computable.weight}`,
  };
  const exit = count('error') ? 1 : 0;
  if (opts.json) {
    const json = {
      file,
      family: result.family,
      truncated: result.truncated,
      report: r,
      findings: findings.map(({ code, rule, severity, path, message, source }) => ({ code, rule, severity, path, message, ...(source ? { source } : {}) })),
      score: { total: score.total, grade: score.grade, basis: score.basis, computable: score.computable, claimed: score.claimed, template: score.templateId, items: score.items },
      unmapped: result.unmapped,
    };
    return { exit, json, summary };
  }
  const head = [r.cover.departmentName || '（单位名称未识别）', r.year ? `${r.year}年度` : '年度未识别', `模板族：${result.family}`, result.truncated ? '文档不完整（已截断）' : ''].filter(Boolean).join(' · ');
  let text = `━━ ${file}\n${head}\n错误 ${count('error')} · 警告 ${count('warning')} · 提示 ${count('info')}\n`;
  if (findings.length) text += `${formatFindings(findings)}\n`;
  text += `${formatScore(score)}\n`;
  if (result.unmapped.length) text += `未识别内容 ${result.unmapped.length} 段（用 jixiao import --json 查看）\n`;
  return { exit, text: `${text}\n`, summary };
}
