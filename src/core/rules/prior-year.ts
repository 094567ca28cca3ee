// Q15 (历史标准, 财预〔2021〕101号): a target set below what the department already achieved last year. A
// ≥ target under last year's actual, or a ≤ target above it, asks for less than was done — the target is
// set too low, as Q9 says of over-completion. Needs last year's report (CheckOptions.priorYear).
import Decimal from 'decimal.js';
import { matchPriorYear } from '../library/prior-year';
import type { Indicator } from '../model/report';
import type { RuleEnv } from './context';
import { indicatorPath } from './paths';

const unitKey = (u: string) => u.replace(/\s/g, '').replace('％', '%');

export function targetsAgainstPriorYear(env: RuleEnv): void {
  const prior = env.priorYear;
  if (!prior || prior.indicators.length === 0) return;
  const current = env.report.performance.indicators;
  const year = prior.year != null ? `${prior.year}年度` : '上年';
  matchPriorYear(current, prior.indicators).forEach((match, i) => {
    const ind = current[i]!;
    if (!match || !comparable(ind, match.indicator)) return;
    const target = new Decimal(ind.targetValue!);
    const lastActual = new Decimal(match.indicator.actualValue!);
    const lowerIsBetter = ind.operator === '≤' || ind.operator === '<';
    if (lowerIsBetter ? !target.greaterThan(lastActual) : !target.lessThan(lastActual)) return;
    const unit = ind.unit;
    const set = `“${ind.operator}${ind.targetValue}${unit}”`;
    const message = lowerIsBetter
      ? `目标值${set}高于上年（${year}）实际完成值${match.indicator.actualValue}${unit}，反向指标的目标较上年实际放宽，目标设定偏低；请按上年实际调整目标，或说明理由。`
      : `目标值${set}低于上年（${year}）实际完成值${match.indicator.actualValue}${unit}，目标设定偏低；请按上年实际调整目标，或说明理由。`;
    env.add('Q15', 'IND.TARGET_BELOW_PRIOR_ACTUAL', 'warning', indicatorPath(i, 'target'), `${env.indicatorPlace(i)}：${message}`);
  });
}

/** Both numeric, in the same unit, this year's with an operator: otherwise there is nothing to compare. */
function comparable(ind: Indicator, last: Indicator): boolean {
  return ind.kind === '定量' && last.kind === '定量' && ind.operator != null && ind.targetValue != null && last.actualValue != null && unitKey(ind.unit) === unitKey(last.unit);
}
