// Every rule of domain.md §3 and §8, run in one pass over a report. Pure: the CLI, the server and the
// browser all run this and get the same findings.
import type { Finding } from '../model/finding';
import type { Report } from '../model/report';
import type { Scorecard } from '../model/score';
import type { Template } from '../model/template';
import { copiedText, placeholders } from './boilerplate';
import { type Rule, ruleEnv } from './context';
import { reportYear, textDates } from './dates';
import { emptyTables, rowIdentities, signs, summaryRows, surplus } from './finance';
import { indicatorCoverage, indicatorWording } from './indicator-text';
import { indicatorValues, indicatorWeights } from './indicators';
import { narrativeAmounts } from './narrative-amounts';
import { priorIssues, type ExpectedPriorIssue } from './prior-issues';
import { selfScore } from './score';
import { signoffs } from './signoffs';
import { assetUtilization, staffControl } from './staff';

const RULES: Rule[] = [
  summaryRows,
  rowIdentities,
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
];

export interface RuleContext {
  /** last year's 整改 items this report must answer (X8) */
  expectedPriorIssues?: readonly ExpectedPriorIssue[];
}

export function runRules(report: Report, template: Template, card: Scorecard, context: RuleContext = {}): Finding[] {
  const env = ruleEnv(report, template);
  for (const rule of RULES) rule(env);
  priorIssues(env, context.expectedPriorIssues);
  selfScore(env, card);
  return bySeverity(env.findings);
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
