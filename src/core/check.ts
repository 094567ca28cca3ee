// One call that judges a report: the findings of every rule and the score against its template.
// The CLI, the server and the web UI all call this, so they always agree.
import type { Finding } from './model/finding';
import type { Report } from './model/report';
import type { Scorecard } from './model/score';
import type { PriorYear } from './library/prior-year';
import { runRules, withPriorYear } from './rules/index';
import { scoreReport } from './scoring/engine';
import { defaultTemplateFor, getTemplate } from './templates/index';

export interface CheckResult {
  findings: Finding[];
  score: Scorecard;
}

export interface CheckOptions {
  /** score against this 评分表 instead of the report's own */
  templateId?: string;
  /** the document was cut off: sections it never reached are not judged as missing */
  truncated?: boolean;
  /** the same department's report of the year before: its indicators' actuals judge this year's targets (Q15) */
  priorYear?: PriorYear;
}

export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const template = options.templateId ? getTemplate(options.templateId) : defaultTemplateFor(report);
  const score = scoreReport(report, template);
  let findings = runRules(report, template, score);
  if (options.truncated) findings = findings.filter((f) => !absentSection(report, f.path));
  if (options.priorYear) findings = withPriorYear(findings, report, template, options.priorYear);
  return { findings, score };
}

/** Last year's rules (Q15) added to findings checkReport gave without last year (the server caches those). */
export function addPriorYearFindings(findings: readonly Finding[], report: Report, priorYear: PriorYear, templateId?: string): Finding[] {
  return withPriorYear(findings, report, templateId ? getTemplate(templateId) : defaultTemplateFor(report), priorYear);
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
