// What a reviewer should weigh before accepting a report (审核通过前的提示): errors the department waived,
// a self-score without computable basis or far above the computed one, disputes left unanswered, a
// sampled report not yet re-scored, last year's 整改 still open. Accepting with any of them needs a
// written reason; the server refuses a reasonless accept with the same list the dialog shows.
import type { Finding } from '../model/finding';
import type { Scorecard } from '../model/score';
import type { Waiver } from '../workflow/index';

export interface Concern {
  code: 'WAIVED_ERROR' | 'UNWAIVED_ERROR' | 'NO_BASIS' | 'PARTIAL_BASIS' | 'ABOVE_COMPUTED' | 'OPEN_DISPUTE' | 'SAMPLED_NOT_RESCORED' | 'PRIOR_ISSUES_OPEN';
  message: string;
  path?: string;
}

export interface ConcernInput {
  findings: readonly Finding[];
  waivers: readonly Waiver[];
  score: Scorecard | null;
  selfScore: number | null;
  /** disputes (异议) on returns the bureau has not answered */
  openDisputes: number;
  sampled: boolean;
  rescored: boolean;
  /** last year's 整改 items not yet accepted (销号) */
  openPriorIssues: number;
  /** how many points above the computed total is "far above", default 10 */
  abovePoints?: number;
}

export function acceptConcerns(c: ConcernInput): Concern[] {
  const out: Concern[] = [];
  const waived = new Map(c.waivers.filter((w) => w.reason.trim()).map((w) => [`${w.code}\u0000${w.path}`, w.reason]));
  for (const f of c.findings) {
    if (f.severity !== 'error') continue;
    const reason = waived.get(`${f.code}\u0000${f.path}`);
    if (reason != null) out.push({ code: 'WAIVED_ERROR', path: f.path, message: `已豁免的错误：${f.message}（豁免理由：${reason}）` });
    else out.push({ code: 'UNWAIVED_ERROR', path: f.path, message: `未豁免的错误：${f.message}` });
  }
  const s = c.score;
  if (s && c.selfScore != null) {
    if (s.basis === 'none') out.push({ code: 'NO_BASIS', path: 'performance.selfScore', message: `自评得分${c.selfScore}分没有可计算依据：评分表中没有一项能由报告数据算出` });
    else if (s.basis === 'partial')
      out.push({ code: 'PARTIAL_BASIS', path: 'performance.selfScore', message: `自评得分${c.selfScore}分中，评分表只有${s.computable.weight}分的指标可由报告数据计算（计算得${s.computable.score}分）` });
    const limit = c.abovePoints ?? 10;
    if (s.total != null && c.selfScore - s.total >= limit)
      out.push({ code: 'ABOVE_COMPUTED', path: 'performance.selfScore', message: `自评得分${c.selfScore}分比按评分表计算的${s.total}分高${round2(c.selfScore - s.total)}分` });
  }
  if (c.openDisputes > 0) out.push({ code: 'OPEN_DISPUTE', message: `部门对退回意见提出了 ${c.openDisputes} 条异议，尚未答复` });
  if (c.sampled && !c.rescored) out.push({ code: 'SAMPLED_NOT_RESCORED', message: '该报告已被抽中复核，复核评分尚未完成' });
  if (c.openPriorIssues > 0) out.push({ code: 'PRIOR_ISSUES_OPEN', message: `该部门上年度整改事项还有 ${c.openPriorIssues} 项未销号` });
  return out;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
