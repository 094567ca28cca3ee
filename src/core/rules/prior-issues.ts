// X8 (domain §9.4): last year's 整改 items must reappear in this year's report as 上年问题整改情况, each
// with what was done. Unanswered items are a fact of the report (priorIssues, in the rule set);
// "missing" needs what last year's notices held, which the report alone cannot say: the caller passes
// the expected items (the server from its notices, the editor from the report view) and the finding is
// added after the cached checks, as Q15 adds last year's report (rules/index.ts withPriorIssues).
import type { RuleEnv } from './context';
import { listPath } from './paths';
import { short } from './where';

/** An item of last year's 整改通知 that this report must answer. */
export interface ExpectedPriorIssue {
  itemId: string;
  problem: string;
}

const PLACE = '上年问题整改情况';

export function priorIssues(env: RuleEnv): void {
  (env.report.priorIssues ?? []).forEach((x, i) => {
    const what = `${PLACE}·第${i + 1}项“${short(x.problem || '（未填问题）')}”`;
    if (!x.measures.trim()) env.add('X8', 'PRIOR.UNANSWERED', 'error', listPath('priorIssues', i, 'measures'), `${what}：未说明整改情况（采取的措施及成效）。`);
    else if (!x.status) env.add('X8', 'PRIOR.NO_STATUS', 'warning', listPath('priorIssues', i, 'status'), `${what}：请注明整改结果（已整改、整改中或未整改）。`);
  });
}

/** Notice items the report leaves out. */
export function missingPriorIssues(env: RuleEnv, expected: readonly ExpectedPriorIssue[]): void {
  const listed = new Set((env.report.priorIssues ?? []).map((x) => x.itemId).filter(Boolean));
  for (const e of expected)
    if (!listed.has(e.itemId))
      env.add('X8', 'PRIOR.MISSING', 'error', 'priorIssues', `${PLACE}：缺少上年度整改通知中的问题“${short(e.problem, 30)}”，请逐项说明整改情况。`);
}
