// Every MetricName of the template model, computed from a Report. A metric either has a value, cannot
// be divided (zero base: a state the rule decides on), or names in Chinese the inputs the report lacks.
import { type FormDescriptor, label, type ProjectForm, table } from '../forms/index';
import type { Project, Report } from '../model/report';
import type { MetricName } from '../model/template';
import { defaultForm } from '../templates/index';
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

/** A field's and a finance column's name, as the form gives them: metrics name their inputs so. */
const L = label;
function C(form: FormDescriptor, key: 'income' | 'expenditure' | 'threePublic' | 'fixedAssets', col: string): string {
  return table(form, key).byKey.get(col)?.label ?? col;
}

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

function staffControlRate(r: Report, f: FormDescriptor): MetricResult {
  const { actualStaff, staffQuota } = r.overview;
  const actual = L(f, 'overview.actualStaff');
  const quota = L(f, 'overview.staffQuota');
  if (actualStaff == null || staffQuota == null) {
    return missingOf([
      [actual, actualStaff],
      [quota, staffQuota],
    ]);
  }
  const num: Operand = { label: actual, amount: actualStaff, text: String(actualStaff), unit: '人' };
  const den: Operand = { label: quota, amount: staffQuota, text: String(staffQuota), unit: '人' };
  return simpleRate(num, den);
}

function threePublicChangeRate(r: Report, f: FormDescriptor): MetricResult {
  const cur = columnFigure(r.finance.threePublic, 'total', false);
  const prev = basicFigure(r.basics.threePublicPriorYear);
  const prior = L(f, 'basics.threePublicPriorYear');
  if (!cur || !prev) {
    return missingOf([
      ['本年度三公经费', cur],
      [prior, prev],
    ]);
  }
  const c = money('本年度三公经费', cur);
  const p = money(prior, prev);
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

function budgetAdjustmentRate(r: Report, f: FormDescriptor): MetricResult {
  const adj = basicFigure(r.basics.budgetAdjustment);
  // 预算调整数 counts additions and cuts alike (53号), so a net cut written as negative still adjusts.
  const abs = adj && adj.fen < 0 ? { ...adj, fen: -adj.fen, text: adj.text.slice(1) } : adj;
  const note = adj && adj.fen < 0 ? '（调减数按绝对值计）' : '';
  return twoFigures(L(f, 'basics.budgetAdjustment'), abs, L(f, 'basics.budgetInitial'), basicFigure(r.basics.budgetInitial), note);
}

function surplusVsCarryOver(r: Report, f: FormDescriptor): MetricResult {
  const surplus = columnFigure(r.finance.expenditure, 'surplusCumulative', false);
  const carry = columnFigure(r.finance.income, 'carryOver', true);
  const carryName = C(f, 'income', 'carryOver');
  if (!surplus || !carry) {
    return missingOf([
      [C(f, 'expenditure', 'surplusCumulative'), surplus],
      [carryName, carry],
    ]);
  }
  const value: SurplusCategory =
    surplus.fen <= 0 ? 'none' : surplus.fen <= carry.fen ? 'withinCarryOver' : 'overCarryOver';
  const blank = carry.blank ? '（空白，按0计）' : '';
  return { kind: 'category', value, formula: `年末${C(f, 'expenditure', 'surplusCumulative')}${surplus.text}万元，${carryName}${carry.text}万元${blank}` };
}

function lateSpecialFunds(r: Report, f: FormDescriptor): MetricResult {
  const n = r.basics.lateSpecialFunds;
  if (n == null) return { kind: 'missing', missing: [L(f, 'basics.lateSpecialFunds')] };
  return { kind: 'count', value: new Dec(n), formula: `未按进度拨付的专项${n}个` };
}

const METRICS: Record<MetricName, (r: Report, f: FormDescriptor) => MetricResult> = {
  staffControlRate,
  threePublicChangeRate,
  threePublicControlRate: (r, f) =>
    twoFigures(
      '三公经费实际支出',
      columnFigure(r.finance.threePublic, 'total', false),
      L(f, 'basics.threePublicBudget'),
      basicFigure(r.basics.threePublicBudget),
    ),
  keySpendingRate: (r, f) =>
    twoFigures(L(f, 'basics.keyProjectSpending'), basicFigure(r.basics.keyProjectSpending), L(f, 'basics.projectBudget'), basicFigure(r.basics.projectBudget)),
  budgetAdjustmentRate,
  budgetExecutionRate: (r, f) =>
    r.project && f.project ? projectExecution(r.project, f.project) :
    twoFigures(C(f, 'expenditure', 'total'), columnFigure(r.finance.expenditure, 'total', false), L(f, 'basics.budgetAdjusted'), basicFigure(r.basics.budgetAdjusted)),
  budgetCompletionRate: (r, f) =>
    twoFigures(
      `预算完成数（${C(f, 'expenditure', 'total')}）`,
      columnFigure(r.finance.expenditure, 'total', false),
      L(f, 'basics.budgetAdjusted'),
      basicFigure(r.basics.budgetAdjusted),
    ),
  publicFundControlRate: (r, f) =>
    twoFigures(C(f, 'expenditure', 'public'), columnFigure(r.finance.expenditure, 'public', false), L(f, 'basics.publicBudget'), basicFigure(r.basics.publicBudget)),
  procurementExecutionRate: (r, f) =>
    twoFigures(
      L(f, 'basics.procurementActual'),
      basicFigure(r.basics.procurementActual),
      L(f, 'basics.procurementBudget'),
      basicFigure(r.basics.procurementBudget),
    ),
  fixedAssetUtilization: (r, f) =>
    twoFigures(
      C(f, 'fixedAssets', 'inUse'),
      columnFigure(r.finance.fixedAssets, 'inUse', true),
      C(f, 'fixedAssets', 'total'),
      columnFigure(r.finance.fixedAssets, 'total', false),
    ),
  surplusVsCarryOver,
  lateSpecialFunds,
};

/** 执行率 of a 项目支出 table: 全年执行数 / 全年预算数 of its 年度资金总额 row. */
function projectExecution(p: Project, pf: ProjectForm): MetricResult {
  const [, annual, executed] = pf.funds.columns.map((c) => `${pf.funds.rows[0]!.label}${c.label}`) as [string, string, string];
  return twoFigures(executed, basicFigure(p.funds.total.executed), annual, basicFigure(p.funds.total.annual));
}

/** A metric of the report, its inputs named as the form names them (default: the Yueyang form). */
export function computeMetric(report: Report, name: MetricName, form: FormDescriptor = defaultForm()): MetricResult {
  return METRICS[name](report, form);
}
