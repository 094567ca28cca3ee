// Every MetricName of the template model, computed from a Report. A metric either has a value, cannot
// be divided (zero base: a state the rule decides on), or names in Chinese the inputs the report lacks.
import type { Report } from '../model/report';
import type { MetricName } from '../model/template';
import { Dec, HUNDRED } from './decimal';
import { basicFigure, columnFigure, type Figure } from './finance-columns';

export type SurplusCategory = 'none' | 'withinCarryOver' | 'overCarryOver';

export type MetricResult =
  /** value in percent */
  | { kind: 'rate'; value: Dec; formula: string }
  | { kind: 'count'; value: Dec; formula: string }
  | { kind: 'category'; value: SurplusCategory; formula: string }
  /** the denominator is 0; numeratorZero tells "nothing to measure" from "cannot be measured" */
  | { kind: 'zeroBase'; numeratorZero: boolean; formula: string; reason: string }
  | { kind: 'missing'; missing: string[] };

interface Operand {
  label: string;
  /** 分 for money, persons for headcounts: only the ratio matters */
  amount: number;
  text: string;
  unit: string;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER / 100;

function money(label: string, f: Figure): Operand {
  return { label, amount: f.fen, text: f.text, unit: '万元' };
}

/** The inputs among the pairs that are blank; only called once one is known to be. */
function missingOf(pairs: ReadonlyArray<readonly [string, unknown]>): MetricResult {
  const missing: string[] = [];
  for (const [label, v] of pairs) if (v == null) missing.push(label);
  return { kind: 'missing', missing };
}

function show(o: Operand): string {
  return `${o.label}${o.text}${o.unit}`;
}

/**
 * numerator / denominator × 100%. `shown` is the operand named when the base is zero: for a change
 * rate the numerator is a difference, but a person wants to hear about this year's amount.
 */
function quotient(num: number, den: Operand, formula: string, shown: Operand): MetricResult {
  if (den.amount === 0) {
    const numeratorZero = num === 0;
    const reason = numeratorZero
      ? `${den.label}为0${den.unit}且${shown.label}为0${shown.unit}`
      : `${den.label}为0${den.unit}而${shown.label}为${shown.text}${shown.unit}`;
    return { kind: 'zeroBase', numeratorZero, formula, reason };
  }
  // ×100 before dividing saves a Decimal per rate; fen stay far below 2^53 / 100 for any real budget.
  const value = Math.abs(num) < MAX_SAFE ? new Dec(num * 100).div(den.amount) : new Dec(num).div(den.amount).times(HUNDRED);
  return { kind: 'rate', value, formula };
}

function simpleRate(num: Operand, den: Operand, suffix = ''): MetricResult {
  return quotient(num.amount, den, `${show(num)} / ${show(den)}${suffix}`, num);
}

function staffControlRate(r: Report): MetricResult {
  const { actualStaff, staffQuota } = r.overview;
  if (actualStaff == null || staffQuota == null) {
    return missingOf([
      ['实有人数', actualStaff],
      ['人员编制', staffQuota],
    ]);
  }
  const num: Operand = { label: '实有人数', amount: actualStaff, text: String(actualStaff), unit: '人' };
  const den: Operand = { label: '人员编制', amount: staffQuota, text: String(staffQuota), unit: '人' };
  return simpleRate(num, den);
}

function threePublicChangeRate(r: Report): MetricResult {
  const cur = columnFigure(r.finance.threePublic, 'total', false);
  const prev = basicFigure(r.basics.threePublicPriorYear);
  if (!cur || !prev) {
    return missingOf([
      ['本年度三公经费', cur],
      ['上年度三公经费', prev],
    ]);
  }
  const c = money('本年度三公经费', cur);
  const p = money('上年度三公经费', prev);
  return quotient(c.amount - p.amount, p, `(${show(c)} − ${show(p)}) / ${show(p)}`, c);
}

function twoFigures(
  numLabel: string,
  num: Figure | null,
  denLabel: string,
  den: Figure | null,
  suffix = '',
): MetricResult {
  if (!num || !den) {
    return missingOf([
      [numLabel, num],
      [denLabel, den],
    ]);
  }
  return simpleRate(money(numLabel, num), money(denLabel, den), suffix);
}

function budgetAdjustmentRate(r: Report): MetricResult {
  const adj = basicFigure(r.basics.budgetAdjustment);
  // 预算调整数 counts additions and cuts alike (53号), so a net cut written as negative still adjusts.
  const abs = adj && adj.fen < 0 ? { ...adj, fen: -adj.fen, text: adj.text.slice(1) } : adj;
  const note = adj && adj.fen < 0 ? '（调减数按绝对值计）' : '';
  return twoFigures('预算调整数', abs, '年初预算数', basicFigure(r.basics.budgetInitial), note);
}

function surplusVsCarryOver(r: Report): MetricResult {
  const surplus = columnFigure(r.finance.expenditure, 'surplusCumulative', false);
  const carry = columnFigure(r.finance.income, 'carryOver', true);
  if (!surplus || !carry) {
    return missingOf([
      ['累计结余', surplus],
      ['上年结转', carry],
    ]);
  }
  const value: SurplusCategory =
    surplus.fen <= 0 ? 'none' : surplus.fen <= carry.fen ? 'withinCarryOver' : 'overCarryOver';
  const blank = carry.blank ? '（空白，按0计）' : '';
  return { kind: 'category', value, formula: `年末累计结余${surplus.text}万元，上年结转${carry.text}万元${blank}` };
}

function lateSpecialFunds(r: Report): MetricResult {
  const n = r.basics.lateSpecialFunds;
  if (n == null) return { kind: 'missing', missing: ['未按进度拨付的专项数'] };
  return { kind: 'count', value: new Dec(n), formula: `未按进度拨付的专项${n}个` };
}

const METRICS: Record<MetricName, (r: Report) => MetricResult> = {
  staffControlRate,
  threePublicChangeRate,
  threePublicControlRate: (r) =>
    twoFigures(
      '三公经费实际支出',
      columnFigure(r.finance.threePublic, 'total', false),
      '三公经费预算安排数',
      basicFigure(r.basics.threePublicBudget),
    ),
  keySpendingRate: (r) =>
    twoFigures('重点项目支出', basicFigure(r.basics.keyProjectSpending), '项目支出预算', basicFigure(r.basics.projectBudget)),
  budgetAdjustmentRate,
  budgetExecutionRate: (r) =>
    twoFigures('支出合计', columnFigure(r.finance.expenditure, 'total', false), '调整后预算数', basicFigure(r.basics.budgetAdjusted)),
  budgetCompletionRate: (r) =>
    twoFigures(
      '预算完成数（支出合计）',
      columnFigure(r.finance.expenditure, 'total', false),
      '调整后预算数',
      basicFigure(r.basics.budgetAdjusted),
    ),
  publicFundControlRate: (r) =>
    twoFigures('公用支出', columnFigure(r.finance.expenditure, 'public', false), '公用经费预算', basicFigure(r.basics.publicBudget)),
  procurementExecutionRate: (r) =>
    twoFigures(
      '实际政府采购金额',
      basicFigure(r.basics.procurementActual),
      '政府采购预算',
      basicFigure(r.basics.procurementBudget),
    ),
  fixedAssetUtilization: (r) =>
    twoFigures(
      '在用固定资产',
      columnFigure(r.finance.fixedAssets, 'inUse', true),
      '固定资产合计',
      columnFigure(r.finance.fixedAssets, 'total', false),
    ),
  surplusVsCarryOver,
  lateSpecialFunds,
};

export function computeMetric(report: Report, name: MetricName): MetricResult {
  return METRICS[name](report);
}
