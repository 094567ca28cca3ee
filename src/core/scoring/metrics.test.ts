import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report';
import { type MetricResult, computeMetric } from './metrics';
import { EXPENDITURE_KEYS, FIXED_ASSET_KEYS, THREE_PUBLIC_KEYS, financeRows, seedReport } from './test-reports';
import { emptyReport } from '../model/report';

function rate(m: MetricResult): string {
  if (m.kind !== 'rate') throw new Error(`expected a rate, got ${JSON.stringify(m)}`);
  return m.value.toFixed(4);
}

describe('staffControlRate', () => {
  it('is 实有人数 / 人员编制: seed 6 / 3 = 200%', () => {
    const m = computeMetric(seedReport(), 'staffControlRate');
    expect(rate(m)).toBe('200.0000');
    expect(m.kind === 'rate' && m.formula).toBe('实有人数6人 / 人员编制3人');
  });

  it('names the missing inputs', () => {
    const r = emptyReport();
    expect(computeMetric(r, 'staffControlRate')).toEqual({ kind: 'missing', missing: ['实有人数', '人员编制'] });
    r.overview.actualStaff = 4;
    expect(computeMetric(r, 'staffControlRate')).toEqual({ kind: 'missing', missing: ['人员编制'] });
  });

  it('reports a zero quota as a zero base, telling 0/0 from x/0', () => {
    const r = emptyReport();
    r.overview.staffQuota = 0;
    r.overview.actualStaff = 0;
    expect(computeMetric(r, 'staffControlRate')).toMatchObject({ kind: 'zeroBase', numeratorZero: true });
    r.overview.actualStaff = 2;
    expect(computeMetric(r, 'staffControlRate')).toMatchObject({
      kind: 'zeroBase',
      numeratorZero: false,
      reason: '人员编制为0人而实有人数为2人',
    });
  });
});

describe('threePublicChangeRate', () => {
  it('needs 上年度三公经费 from the 基础数据表 (the seed lacks it)', () => {
    expect(computeMetric(seedReport(), 'threePublicChangeRate')).toEqual({ kind: 'missing', missing: ['上年度三公经费'] });
  });

  it('is (本年 − 上年) / 上年: (2.5285 − 2) / 2 = 26.425%', () => {
    const r = seedReport();
    r.basics.threePublicPriorYear = '2';
    const m = computeMetric(r, 'threePublicChangeRate');
    expect(rate(m)).toBe('26.4250');
    expect(m.kind === 'rate' && m.formula).toBe('(本年度三公经费2.5285万元 − 上年度三公经费2万元) / 上年度三公经费2万元');
  });

  it('is negative when spending fell: (2.5285 − 2.6) / 2.6 = −2.75%', () => {
    const r = seedReport();
    r.basics.threePublicPriorYear = '2.6';
    expect(rate(computeMetric(r, 'threePublicChangeRate'))).toBe('-2.7500');
  });

  it('falls back to the institution rows when the summary cell is blank: 1.2 + 0.3285', () => {
    const r = seedReport();
    r.finance.threePublic = financeRows(THREE_PUBLIC_KEYS, {}, { total: '1.2' });
    r.finance.threePublic[2]!.total = '0.3285';
    r.basics.threePublicPriorYear = '1.5285';
    const m = computeMetric(r, 'threePublicChangeRate');
    expect(rate(m)).toBe('0.0000');
    expect(m.kind === 'rate' && m.formula).toContain('本年度三公经费1.5285万元');
  });

  it('last year 0: zero base, with this year named when it is above 0', () => {
    const r = seedReport();
    r.basics.threePublicPriorYear = '0';
    expect(computeMetric(r, 'threePublicChangeRate')).toMatchObject({
      kind: 'zeroBase',
      numeratorZero: false,
      reason: '上年度三公经费为0万元而本年度三公经费为2.5285万元',
    });
    r.finance.threePublic[0]!.total = '0';
    expect(computeMetric(r, 'threePublicChangeRate')).toMatchObject({ kind: 'zeroBase', numeratorZero: true });
  });
});

describe('metrics from the 基础数据表', () => {
  const withBasics = (b: Partial<Report['basics']>): Report => {
    const r = seedReport();
    Object.assign(r.basics, b);
    return r;
  };

  it('threePublicControlRate = 2.5285 / 2.5 = 101.14%', () => {
    expect(rate(computeMetric(withBasics({ threePublicBudget: '2.5' }), 'threePublicControlRate'))).toBe('101.1400');
    expect(computeMetric(seedReport(), 'threePublicControlRate')).toEqual({ kind: 'missing', missing: ['三公经费预算安排数'] });
  });

  it('keySpendingRate = 42 / 46.9 = 89.5522%', () => {
    const r = withBasics({ keyProjectSpending: '42', projectBudget: '46.9' });
    expect(rate(computeMetric(r, 'keySpendingRate'))).toBe('89.5522');
    expect(computeMetric(seedReport(), 'keySpendingRate')).toEqual({ kind: 'missing', missing: ['重点项目支出', '项目支出预算'] });
  });

  it('budgetAdjustmentRate uses the absolute adjustment: |−5| / 80 = 6.25%', () => {
    const m = computeMetric(withBasics({ budgetAdjustment: '-5', budgetInitial: '80' }), 'budgetAdjustmentRate');
    expect(rate(m)).toBe('6.2500');
    expect(m.kind === 'rate' && m.formula).toBe('预算调整数5万元 / 年初预算数80万元（调减数按绝对值计）');
  });

  it('budgetExecutionRate and budgetCompletionRate = 85.33 / 90 = 94.8111%', () => {
    const r = withBasics({ budgetAdjusted: '90' });
    expect(rate(computeMetric(r, 'budgetExecutionRate'))).toBe('94.8111');
    expect(rate(computeMetric(r, 'budgetCompletionRate'))).toBe('94.8111');
    expect(computeMetric(seedReport(), 'budgetExecutionRate')).toEqual({ kind: 'missing', missing: ['调整后预算数'] });
  });

  it('publicFundControlRate = 公用支出 5.76 / 6.4 = 90%', () => {
    expect(rate(computeMetric(withBasics({ publicBudget: '6.4' }), 'publicFundControlRate'))).toBe('90.0000');
  });

  it('procurementExecutionRate = 19.5 / 20 = 97.5%', () => {
    const r = withBasics({ procurementActual: '19.5', procurementBudget: '20' });
    expect(rate(computeMetric(r, 'procurementExecutionRate'))).toBe('97.5000');
  });

  it('lateSpecialFunds is a count, missing when the 基础数据表 is blank', () => {
    expect(computeMetric(seedReport(), 'lateSpecialFunds')).toEqual({ kind: 'missing', missing: ['未按进度拨付的专项数'] });
    const m = computeMetric(withBasics({ lateSpecialFunds: 2 }), 'lateSpecialFunds');
    expect(m.kind === 'count' && m.value.toNumber()).toBe(2);
  });
});

describe('fixedAssetUtilization', () => {
  it('is missing for the seed, whose fixed-asset table is empty', () => {
    expect(computeMetric(seedReport(), 'fixedAssetUtilization')).toEqual({ kind: 'missing', missing: ['在用固定资产', '固定资产合计'] });
  });

  it('= 在用 / 合计: 30 / 40 = 75%, and a blank 在用 in a filled table reads as 0', () => {
    const r = seedReport();
    r.finance.fixedAssets = financeRows(FIXED_ASSET_KEYS, { total: '40', inUse: '30', leased: '10' });
    expect(rate(computeMetric(r, 'fixedAssetUtilization'))).toBe('75.0000');
    r.finance.fixedAssets = financeRows(FIXED_ASSET_KEYS, { total: '40', leased: '40' });
    expect(rate(computeMetric(r, 'fixedAssetUtilization'))).toBe('0.0000');
  });
});

describe('surplusVsCarryOver', () => {
  it('seed: 累计结余 1.89 over a blank (0) 上年结转', () => {
    const m = computeMetric(seedReport(), 'surplusVsCarryOver');
    expect(m).toEqual({ kind: 'category', value: 'overCarryOver', formula: '年末累计结余1.89万元，上年结转0万元（空白，按0计）' });
  });

  it('within: 1.89 ≤ 上年结转 2; none: 累计结余 0', () => {
    const r = seedReport();
    r.finance.income[0]!.carryOver = '2';
    expect(computeMetric(r, 'surplusVsCarryOver')).toMatchObject({ value: 'withinCarryOver' });
    r.finance.income[0]!.carryOver = '1.89';
    expect(computeMetric(r, 'surplusVsCarryOver')).toMatchObject({ value: 'withinCarryOver' });
    r.finance.expenditure[0]!.surplusCumulative = '0';
    r.finance.expenditure[1]!.surplusCumulative = '0';
    expect(computeMetric(r, 'surplusVsCarryOver')).toMatchObject({ value: 'none' });
  });

  it('is missing, not zero, when the tables are empty', () => {
    const r = emptyReport();
    expect(computeMetric(r, 'surplusVsCarryOver')).toEqual({ kind: 'missing', missing: ['累计结余', '上年结转'] });
    r.finance.expenditure = financeRows(EXPENDITURE_KEYS, { total: '10' });
    // a blank 累计结余 is a missing figure, not "no surplus"
    expect(computeMetric(r, 'surplusVsCarryOver')).toEqual({ kind: 'missing', missing: ['累计结余', '上年结转'] });
  });
});
