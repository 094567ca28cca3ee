// Every rule of domain.md §3 and §8, run in one pass over a report. Pure: the CLI, the server and the
// browser all run this and get the same findings.
import type { Finding } from '../model/finding';
import type { Report } from '../model/report';
import type { Scorecard } from '../model/score';
import type { Template } from '../model/template';
import type { PriorYear } from '../library/prior-year';
import { copiedText, placeholders } from './boilerplate';
import { type Rule, ruleEnv } from './context';
import { reportYear, textDates } from './dates';
import { overallExecutionLine } from './execution-line';
import { emptyTables, rowIdentities, signs, summaryRows, surplus } from './finance';
import { indicatorCoverage, indicatorWording } from './indicator-text';
import { indicatorValues, indicatorWeights } from './indicators';
import { narrativeAmounts } from './narrative-amounts';
import { missingPriorIssues, priorIssues, type ExpectedPriorIssue } from './prior-issues';
import { projectRules } from './project';
import { targetsAgainstPriorYear } from './prior-year';
import { selfScore } from './score';
import { signoffs } from './signoffs';
import { assetUtilization, staffControl } from './staff';

const RULES: Rule[] = [
  summaryRows,
  rowIdentities,
  overallExecutionLine,
  surplus,
  signs,
  emptyTables,
  staffControl,
  assetUtilization,
  narrativeAmounts,
  reportYear,
  textDates,
  signoffs,
  indicatorValues,
  indicatorWeights,
  indicatorWording,
  indicatorCoverage,
  copiedText,
  placeholders,
  priorIssues,
];

/** A 项目支出绩效自评表 has no 基本概况, 收支表, sign-off blocks or 综述: its own rules and the indicators'. */
const PROJECT_RULES: Rule[] = [projectRules, indicatorValues, indicatorWeights, indicatorWording, indicatorCoverage, copiedText, placeholders];

export function runRules(report: Report, template: Template, card: Scorecard): Finding[] {
  const env = ruleEnv(report, template);
  for (const rule of env.form.kind === 'project' ? PROJECT_RULES : RULES) rule(env);
  selfScore(env, card);
  return bySeverity(env.findings);
}

/**
 * The rules that also need the same department's report of the year before (Q15), added to the findings
 * runRules gave: the server caches those per report version and adds these, which change when last year's
 * report does; checkReport composes the two the same way, so both always agree.
 */
export function withPriorYear(findings: readonly Finding[], report: Report, template: Template, priorYear: PriorYear): Finding[] {
  const env = ruleEnv(report, template, priorYear);
  targetsAgainstPriorYear(env);
  return env.findings.length ? bySeverity([...findings, ...env.findings]) : [...findings];
}

/** Last year's 整改 items the report leaves out (X8), added the same way as withPriorYear. */
export function withPriorIssues(findings: readonly Finding[], report: Report, template: Template, expected: readonly ExpectedPriorIssue[]): Finding[] {
  const env = ruleEnv(report, template);
  missingPriorIssues(env, expected);
  return env.findings.length ? bySeverity([...findings, ...env.findings]) : [...findings];
}

/**
 * Errors, then warnings, then infos, each in the order the rules found them: what a stable sort by
 * severity gives, in one pass instead of a comparator call per comparison (it showed in profiles).
 */
function bySeverity(findings: readonly Finding[]): Finding[] {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const infos: Finding[] = [];
  for (const f of findings) (f.severity === 'error' ? errors : f.severity === 'warning' ? warnings : infos).push(f);
  return errors.concat(warnings, infos);
}
