// One call that judges a report: the findings of every rule and the score against its template.
// The CLI, the server and the web UI all call this, so they always agree.
import type { Finding } from './model/finding';
import type { Report } from './model/report';
import type { Scorecard } from './model/score';
import type { ExpectedPriorIssue } from './rules/prior-issues';
import type { Template } from './model/template';
import type { PriorYear } from './library/prior-year';
import { runRules, withPriorIssues, withPriorYear } from './rules/index';
import { scoreReport } from './scoring/engine';
import { getTemplate, templateFor } from './templates/index';

export interface CheckResult {
  findings: Finding[];
  score: Scorecard;
}

export interface CheckOptions {
  /** score against this 评分表 instead of the report's own ("id" for its latest version, or "id@version") */
  templateId?: string;
  /** the report's template, already resolved (a server with its own registry of bureau templates) */
  template?: Template;
  /** the document was cut off: sections it never reached are not judged as missing */
  truncated?: boolean;
  /** last year's 整改 items the report must answer as 上年问题整改情况 (rule X8) */
  expectedPriorIssues?: readonly ExpectedPriorIssue[];
  /** the same department's report of the year before: its indicators' actuals judge this year's targets (Q15) */
  priorYear?: PriorYear;
}

export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const template = options.template ?? (options.templateId ? getTemplate(...splitRef(options.templateId)) : templateFor(report));
  const score = scoreReport(report, template);
  let findings = runRules(report, template, score);
  if (options.truncated) findings = findings.filter((f) => !absentSection(report, f.path));
  if (options.priorYear) findings = withPriorYear(findings, report, template, options.priorYear);
  if (options.expectedPriorIssues?.length) findings = withPriorIssues(findings, report, template, options.expectedPriorIssues);
  return { findings, score };
}

/** "yueyang-overall@2" → id and version; a bare id means its latest version. */
export function splitRef(ref: string): [string, number | undefined] {
  const m = /^(.+)@(\d+)$/.exec(ref);
  return m ? [m[1]!, Number(m[2])] : [ref, undefined];
}

/** Last year's rules (Q15) added to findings checkReport gave without last year (the server caches those). */
export function addPriorYearFindings(findings: readonly Finding[], report: Report, priorYear: PriorYear, template?: Template | string): Finding[] {
  const t = typeof template === 'string' ? getTemplate(...splitRef(template)) : (template ?? templateFor(report));
  return withPriorYear(findings, report, t, priorYear);
}

/** Last year's 整改 items the report leaves out (X8) added to findings checkReport gave without them (the server caches those). */
export function addPriorIssueFindings(findings: readonly Finding[], report: Report, expected: readonly ExpectedPriorIssue[], template?: Template | string): Finding[] {
  if (!expected.length) return [...findings];
  const t = typeof template === 'string' ? getTemplate(...splitRef(template)) : (template ?? templateFor(report));
  return withPriorIssues(findings, report, t, expected);
}

/** Findings about a part of the report a truncated document never reached. */
function absentSection(r: Report, path: string): boolean {
  const root = path.split(/[.[]/)[0];
  switch (root) {
    case 'performance':
      return r.performance.indicators.length === 0 && r.performance.selfScore == null;
    case 'evaluators':
    case 'signoffs':
    case 'preparer':
      return r.evaluators.length === 0;
    case 'narrative':
      return r.narrative.length === 0;
    case 'finance':
      return Object.values(r.finance).every((t) => t.length === 0);
    default:
      return false;
  }
}
