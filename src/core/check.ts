// One call that judges a report: the findings of every rule and the score against its template.
// The CLI, the server and the web UI all call this, so they always agree.
import type { Finding } from './model/finding';
import type { Report } from './model/report';
import type { Scorecard } from './model/score';

export interface CheckResult {
  findings: Finding[];
  score: Scorecard;
}

// TODO(core): implemented in the core rules work; this signature is the contract.
export declare function checkReport(report: Report, options?: { templateId?: string }): CheckResult;
