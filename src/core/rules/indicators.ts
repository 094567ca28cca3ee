// Indicator values (domain.md §8): Q1 target complete, Q2 numeric actual, Q3 units, Q4 mislabelled 定量,
// Q9 over-completion, Q10 under-completion without a reason, Q13 weights, Q14 score ≤ weight.
import Decimal from 'decimal.js';
import { section } from '../forms/index';
import { groupOf } from '../model/indicator-category';
import type { Indicator } from '../model/report';
import type { RuleEnv } from './context';
import { compareDecimals, quotientAtLeast } from '../scoring/decimal';
import { indicatorPath } from './paths';

const NOT_A_VALUE = /^(已完成|完成|已达成|达成|达标|已达标|良好|较好|好|是|有|已落实|落实|按时完成|全部完成|基本完成|已实现|实现)$/;
const UNIT_IN_TEXT = /(%|％|万元|亿元|元|个|次|人|件|场|家|项|天|日|批次|份|亩|公里|小时|户)\s*$/;

export function indicatorValues(env: RuleEnv): void {
  env.report.performance.indicators.forEach((ind, i) => {
    if (ind.kind !== '定量') return;
    const lacks = [!ind.operator && '运算符（≥、≤、=）', ind.targetValue == null && env.form.indicators.printed.targetValue, !ind.unit && env.form.indicators.columns.find((c) => c.key === 'unit')?.label].filter(Boolean);
    if (lacks.length) {
      env.add('Q1', 'IND.TARGET_INCOMPLETE', 'error', indicatorPath(i, 'target'), `${env.indicatorPlace(i)}：定量指标缺少${lacks.join('、')}，应写成如“≥ 50 次”的形式。`);
    }
    if (ind.actualValue == null) {
      const shown = ind.actual.trim() || '（空）';
      const why = NOT_A_VALUE.test(ind.actual.trim()) ? '是结论不是数值' : '不是数值';
      env.add('Q2', 'IND.VALUE_NOT_NUMERIC', 'error', indicatorPath(i, 'actual'), `${env.indicatorPlace(i)}：完成值“${shown}”${why}，定量指标须填写与目标值同单位的实际数值。`);
    }
    if (ind.target.trim() && ind.targetValue == null && !/\d/.test(ind.target)) {
      env.add('Q4', 'IND.KIND_MISLABELLED', 'error', indicatorPath(i, 'target'), `${env.indicatorPlace(i)}：指标值“${ind.target}”不是数值，却标为定量；请量化（如“≥ 12 次/年”）或改为带等级的定性指标。`);
    }
    unitChecks(env, ind, i);
    completion(env, ind, i);
    if (ind.score != null && ind.weight != null && ind.score > ind.weight + 1e-9) {
      env.add('Q14', 'IND.SCORE_OVER_WEIGHT', 'error', indicatorPath(i, 'score'), `${env.indicatorPlace(i)}：得分${ind.score}分超过分值${ind.weight}分。`);
    }
  });
}

function unitChecks(env: RuleEnv, ind: Indicator, i: number): void {
  const written = UNIT_IN_TEXT.exec(ind.target.trim())?.[1]?.replace('％', '%');
  if (written && ind.unit && written !== ind.unit && !ind.target.includes(ind.unit)) {
    env.add('Q3', 'IND.UNIT_MISMATCH', 'error', indicatorPath(i, 'unit'), `${env.indicatorPlace(i)}：指标值写作“${ind.target}”，计量单位却是“${ind.unit}”。`);
  }
  if (ind.unit === '%' && ind.targetValue != null && compareDecimals(ind.targetValue, '100') > 0 && ind.operator !== '≤' && ind.operator !== '<') {
    env.add('Q3', 'IND.PERCENT_RANGE', 'warning', indicatorPath(i, 'targetValue'), `${env.indicatorPlace(i)}：百分比目标值${ind.targetValue}%超过100%，请核实单位。`);
  }
  // a 万 or 亿 before the unit belongs to it: 1.2万亩 is in 万亩, not in 亩
  const actualUnit = /(%|[万亿]?(?:元|个|次|人|件|场|家|项|天|批次|份|亩|小时|户))\s*$/.exec(ind.actual.trim())?.[1];
  if (actualUnit && ind.unit && actualUnit !== ind.unit) {
    env.add('Q3', 'IND.UNIT_MISMATCH', 'error', indicatorPath(i, 'actual'), `${env.indicatorPlace(i)}：完成值单位“${actualUnit}”与目标值单位“${ind.unit}”不一致。`);
  }
}

function completion(env: RuleEnv, ind: Indicator, i: number): void {
  if (ind.targetValue == null || ind.actualValue == null || !ind.operator) return;
  const cmp = compareDecimals(ind.actualValue, ind.targetValue);
  const lowerIsBetter = ind.operator === '≤' || ind.operator === '<';
  const met = lowerIsBetter ? cmp <= 0 : ind.operator === '=' ? cmp === 0 : cmp >= 0;
  const reason = ind.deviationReason.trim();
  if (!met && !reason) {
    env.add('Q10', 'IND.UNDER_NO_REASON', 'error', indicatorPath(i, 'deviationReason'), `${env.indicatorPlace(i)}：完成值${ind.actualValue}${ind.unit}未达到目标“${ind.operator}${ind.targetValue}${ind.unit}”，须填写偏差原因分析及改进措施。`);
  }
  const ratio = env.options.overCompletionRatio;
  if (met && compareDecimals(ind.targetValue, '0') !== 0 && !reason) {
    const over = lowerIsBetter
      ? compareDecimals(ind.actualValue, '0') !== 0 && quotientAtLeast(ind.targetValue, ind.actualValue, ratio)
      : quotientAtLeast(ind.actualValue, ind.targetValue, ratio);
    if (over) {
      env.add('Q9', 'IND.OVER_COMPLETION', 'warning', indicatorPath(i, 'actualValue'), `${env.indicatorPlace(i)}：完成值${ind.actualValue}${ind.unit}远超目标值${ind.targetValue}${ind.unit}（超过${ratio}倍），说明目标值设定偏低，须说明原因。`);
    }
  }
}

/** Q13: indicator weights add up to their groups and the whole to 100 (when weights are given at all). */
export function indicatorWeights(env: RuleEnv): void {
  const inds = env.report.performance.indicators;
  if (!inds.some((x) => x.weight != null)) return;
  const groups = new Map<string, Decimal>();
  let total = new Decimal(0);
  for (const x of inds) {
    const w = new Decimal(x.weight ?? 0);
    total = total.plus(w);
    const g = groupOf(x);
    groups.set(g, (groups.get(g) ?? new Decimal(0)).plus(w));
  }
  const expected = env.template.scoreSheet
    .filter((n) => n.rule?.type === 'ratio')
    .map((n) => ({ group: (n.rule as { group: string }).group, name: n.name, weight: n.weight ?? 0 }));
  for (const e of expected) {
    const got = groups.get(e.group) ?? new Decimal(0);
    if (!got.equals(e.weight)) {
      env.add('Q13', 'IND.GROUP_WEIGHT', 'error', 'performance.indicators', `${section(env.form, 'performance').short}·${e.name}：各指标分值合计${got.toString()}分，应为${e.weight}分。`);
    }
  }
  const others = env.template.scoreSheet.filter((n) => n.rule?.type !== 'ratio').reduce((a, n) => a + (n.weight ?? 0), 0);
  if (expected.length && !total.plus(others).equals(100)) {
    env.add('Q13', 'IND.TOTAL_WEIGHT', 'error', 'performance.indicators', `${section(env.form, 'performance').short}：指标分值合计${total.plus(others).toString()}分，应为100分。`);
  }
}
