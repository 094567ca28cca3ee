// The 10号 执行率 line of a 项目支出绩效自评表: 执行率 = 全年执行数 / 全年预算数 and its 得分 = 分值 × min(执行率,
// 100%) (domain.md §6.2). Exact: amounts in integer 分 of the model, the rate as a Decimal.
import { wanToFen } from '../money';
import type { Project } from '../model/report';
import type { Template } from '../model/template';
import { Dec, HUNDRED, ONE, round2 } from '../scoring/decimal';

export type Execution =
  /** rate as a fraction (1 = 100%); score capped at the weight */
  | { kind: 'rate'; rate: Dec; percent: string; score: number; weight: number }
  | { kind: 'zeroBase'; weight: number }
  | { kind: 'missing'; missing: Array<'annual' | 'executed'>; weight: number };

/** The default 分值 of the 执行率 line (10号: 预算执行率 10 分). */
export const EXECUTION_WEIGHT = 10;

/** The weight a template gives the 执行率 line (its 预算执行率 item), when the report prints none. */
export function executionWeightOf(template: Pick<Template, 'scoreSheet'>): number | undefined {
  return template.scoreSheet.find((x) => x.rule && 'metric' in x.rule && x.rule.metric === 'budgetExecutionRate')?.weight ?? undefined;
}

export function execution(p: Pick<Project, 'funds' | 'executionWeight'>, weight: number = p.executionWeight ?? EXECUTION_WEIGHT): Execution {
  return executionOf(p.funds.total.annual, p.funds.total.executed, weight);
}

/** The 执行率 line from its two figures (万元): the project table's and the 部门整体 自评表's alike. */
export function executionOf(annualWan: string | null, executedWan: string | null, weight: number = EXECUTION_WEIGHT): Execution {
  const annual = wanToFen(annualWan);
  const executed = wanToFen(executedWan);
  if (annual == null || executed == null) {
    const missing: Array<'annual' | 'executed'> = [];
    if (annual == null) missing.push('annual');
    if (executed == null) missing.push('executed');
    return { kind: 'missing', missing, weight };
  }
  if (annual === 0) return { kind: 'zeroBase', weight };
  const rate = new Dec(executed).div(annual);
  const capped = rate.gt(ONE) ? ONE : rate;
  return { kind: 'rate', rate, percent: `${rate.times(HUNDRED).toFixed(2)}%`, score: round2(capped.times(weight)), weight };
}

/** A printed rate ("100.00%", "98.5", "0.985" is not a percent) as a fraction, or null. */
export function parseRate(text: string): Dec | null {
  const m = /^\s*(\d{1,4}(?:\.\d{1,6})?)\s*[%％]?\s*$/.exec(text);
  return m ? new Dec(m[1]!).div(HUNDRED) : null;
}
