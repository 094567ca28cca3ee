import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report';
import { scoreOne, seedReport } from './test-reports';

const STAFF = { type: 'capDeduct', metric: 'staffControlRate', target: 100, direction: 'max', deductPerPoint: 0.5 };
const CHANGE = { type: 'capDeduct', metric: 'threePublicChangeRate', target: 0, direction: 'max', deductPerPoint: 0.5 };
const EXECUTION = { type: 'capDeduct', metric: 'budgetExecutionRate', target: 100, direction: 'min', deductPerPoint: 0.1 };

function staff(actual: number, quota: number): Report {
  const r = seedReport();
  r.overview.actualStaff = actual;
  r.overview.staffQuota = quota;
  return r;
}

function withBasics(b: Partial<Report['basics']>): Report {
  const r = seedReport();
  Object.assign(r.basics, b);
  return r;
}

describe('capDeduct', () => {
  it('seed: 6 / 3 = 200%, 100 points over × 0.5 = 50 > 5, floor 0', () => {
    const item = scoreOne(seedReport(), STAFF, 5);
    expect(item.status).toBe('scored');
    expect(item.score).toBe(0);
    expect(item.metric).toBe('200.00%');
    expect(item.explanation).toBe(
      '实有人数6人 / 人员编制3人 = 200.00%，超过标准100个百分点，每超1个百分点扣0.5分，扣完为止：得0分（满分5分）',
    );
    expect(item.deductions).toEqual([
      { points: 5, reason: '实有人数6人 / 人员编制3人 = 200.00%，超过标准100个百分点，每超1个百分点扣0.5分，应扣50分，扣完为止' },
    ]);
  });

  it('at or under the standard keeps full marks and has no deduction', () => {
    for (const [a, q] of [
      [3, 3],
      [2, 3],
    ] as const) {
      const item = scoreOne(staff(a, q), STAFF, 5);
      expect(item.score).toBe(5);
      expect(item.deductions).toEqual([]);
      expect(item.explanation).toContain('未超过标准100%：得5分（满分5分）');
    }
  });

  it('103 / 100 = 103%: 3 points × 0.5 = 1.5, 5 − 1.5 = 3.5', () => {
    const item = scoreOne(staff(103, 100), STAFF, 5);
    expect(item.score).toBe(3.5);
    expect(item.deductions[0]?.points).toBe(1.5);
    // "扣完为止" is said only when the floor was reached
    expect(item.explanation).toBe('实有人数103人 / 人员编制100人 = 103.00%，超过标准3个百分点，每超1个百分点扣0.5分：得3.5分（满分5分）');
  });

  it('deductMode on 1003 / 1000 = 100.3% (0.3 points over)', () => {
    // linear: 0.3 × 0.5 = 0.15 → 4.85; per started point: 1 × 0.5 → 4.5; per whole point: 0 → 5
    expect(scoreOne(staff(1003, 1000), STAFF, 5, { deductMode: 'linear' }).score).toBe(4.85);
    const started = scoreOne(staff(1003, 1000), STAFF, 5, { deductMode: 'perStartedPoint' });
    expect(started.score).toBe(4.5);
    expect(started.explanation).toContain('不足1个百分点按1个百分点计，计1个百分点');
    const whole = scoreOne(staff(1003, 1000), STAFF, 5, { deductMode: 'perWholePoint' });
    expect(whole.score).toBe(5);
    expect(whole.explanation).toContain('不足1个百分点不计，计0个百分点');
  });

  it('deductMode on 1017 / 1000 = 101.7%', () => {
    // linear 1.7 × 0.5 = 0.85 → 4.15; started 2 × 0.5 = 1 → 4; whole 1 × 0.5 = 0.5 → 4.5
    expect(scoreOne(staff(1017, 1000), STAFF, 5, { deductMode: 'linear' }).score).toBe(4.15);
    expect(scoreOne(staff(1017, 1000), STAFF, 5, { deductMode: 'perStartedPoint' }).score).toBe(4);
    expect(scoreOne(staff(1017, 1000), STAFF, 5, { deductMode: 'perWholePoint' }).score).toBe(4.5);
  });

  it('whole points are not rounded by any mode: 110% is 10 points everywhere', () => {
    for (const mode of ['linear', 'perStartedPoint', 'perWholePoint'] as const) {
      expect(scoreOne(staff(110, 100), STAFF, 5, { deductMode: mode }).score).toBe(0);
      expect(scoreOne(staff(104, 100), STAFF, 5, { deductMode: mode }).score).toBe(3);
    }
  });

  it('三公 change 0.4%: (2.51 − 2.5) / 2.5 = 0.4%, 0.4 × 0.5 = 0.2, 5 − 0.2 = 4.8', () => {
    const r = withBasics({ threePublicPriorYear: '2.5' });
    r.finance.threePublic[0]!.total = '2.51';
    expect(scoreOne(r, CHANGE, 5).score).toBe(4.8);
  });

  it('三公 falling keeps full marks: (2.5285 − 2.6) / 2.6 = −2.75% ≤ 0', () => {
    const item = scoreOne(withBasics({ threePublicPriorYear: '2.6' }), CHANGE, 5);
    expect(item.score).toBe(5);
    expect(item.metric).toBe('-2.75%');
  });

  it('both years 0: nothing to compare, full marks', () => {
    const r = withBasics({ threePublicPriorYear: '0' });
    r.finance.threePublic[0]!.total = '0';
    const item = scoreOne(r, CHANGE, 5);
    expect(item.status).toBe('scored');
    expect(item.score).toBe(5);
    expect(item.explanation).toBe('上年度三公经费为0万元且本年度三公经费为0万元，无可比基数，视为达标：得5分（满分5分）');
  });

  it('last year 0 and this year above 0: 0 marks, with the reason', () => {
    const item = scoreOne(withBasics({ threePublicPriorYear: '0' }), CHANGE, 5);
    expect(item.status).toBe('scored');
    expect(item.score).toBe(0);
    expect(item.explanation).toBe('上年度三公经费为0万元而本年度三公经费为2.5285万元，“测试项”无法计算，按0分计（请核实数据）：得0分（满分5分）');
    expect(item.metric).toBe('无法计算（基数为0）');
    expect(item.deductions).toHaveLength(1);
    expect(item.deductions[0]!.points).toBe(5);
  });

  it('missing input: insufficient with a null score, never 0', () => {
    const item = scoreOne(seedReport(), CHANGE, 5);
    expect(item.status).toBe('insufficient');
    expect(item.score).toBeNull();
    expect(item.missing).toEqual(['上年度三公经费']);
    expect(item.explanation).toContain('缺少上年度三公经费');
  });

  it("direction 'min' is min(rate, 100%) × 10 with 0.1 per point", () => {
    // 85.33 / 90 = 94.8111%: 5.1889 points under × 0.1 = 0.51889 → 9.48111 → 9.48 (= 94.8111% × 10)
    const under = scoreOne(withBasics({ budgetAdjusted: '90' }), EXECUTION, 10);
    expect(under.score).toBe(9.48);
    expect(under.explanation).toContain('低于标准5.19个百分点，每低1个百分点扣0.1分');
    // 85.33 / 80 = 106.66% ≥ 100%: full
    expect(scoreOne(withBasics({ budgetAdjusted: '80' }), EXECUTION, 10).score).toBe(10);
    // 0 / 50 = 0%: 100 × 0.1 = 10 → 0
    const none = withBasics({ budgetAdjusted: '50' });
    none.finance.expenditure[0]!.total = '0';
    expect(scoreOne(none, EXECUTION, 10).score).toBe(0);
  });
});

describe('stepDeduct', () => {
  const COMPLETION = { type: 'stepDeduct', metric: 'budgetCompletionRate', target: 100, direction: 'min', stepSize: 5, pointsPerStep: 2 };

  it('85.33 / 100 = 85.33%: 14.67 under = 2.934 steps of 5%', () => {
    const r = withBasics({ budgetAdjusted: '100' });
    // linear: 2.934 × 2 = 5.868 → 8 − 5.868 = 2.132 → 2.13
    expect(scoreOne(r, COMPLETION, 8, { deductMode: 'linear' }).score).toBe(2.13);
    // started: 3 steps × 2 = 6 → 2
    const started = scoreOne(r, COMPLETION, 8, { deductMode: 'perStartedPoint' });
    expect(started.score).toBe(2);
    expect(started.explanation).toContain('每低5个百分点扣2分');
    // whole: 2 steps × 2 = 4 → 4
    expect(scoreOne(r, COMPLETION, 8, { deductMode: 'perWholePoint' }).score).toBe(4);
  });

  it('at the target keeps full marks; far below floors at 0', () => {
    expect(scoreOne(withBasics({ budgetAdjusted: '85.33' }), COMPLETION, 8).score).toBe(8);
    // 85.33 / 170.66 = 50%: 10 steps × 2 = 20 > 8 → 0
    const low = scoreOne(withBasics({ budgetAdjusted: '170.66' }), COMPLETION, 8);
    expect(low.score).toBe(0);
    expect(low.deductions[0]?.points).toBe(8);
  });
});

describe('bands', () => {
  const KEY = {
    type: 'bands',
    metric: 'keySpendingRate',
    bands: [
      { min: 90, points: 5 },
      { min: 80, max: 90, points: 4 },
      { min: 70, max: 80, points: 3 },
      { min: 60, max: 70, points: 2 },
      { max: 60, points: 0 },
    ],
  };
  const ADJUST = {
    type: 'bands',
    metric: 'budgetAdjustmentRate',
    bands: [
      { min: 0, max: 0, minInclusive: true, maxInclusive: true, points: 3 },
      { min: 0, max: 10, minInclusive: false, maxInclusive: true, points: 2 },
      { min: 10, max: 20, minInclusive: false, maxInclusive: true, points: 1 },
      { min: 20, max: 30, minInclusive: false, maxInclusive: true, points: 0.5 },
      { min: 30, minInclusive: false, points: 0 },
    ],
  };
  const key = (k: string) => scoreOne(withBasics({ keyProjectSpending: k, projectBudget: '100' }), KEY, 5);
  const adjust = (a: string) => scoreOne(withBasics({ budgetAdjustment: a, budgetInitial: '100' }), ADJUST, 3);

  it('重点支出安排率 edges: [90, ∞) 5, [80, 90) 4, [60, 70) 2, < 60 0', () => {
    expect(key('90').score).toBe(5);
    expect(key('89.99').score).toBe(4);
    expect(key('80').score).toBe(4);
    expect(key('79.99').score).toBe(3);
    expect(key('60').score).toBe(2);
    expect(key('59.99').score).toBe(0);
    expect(key('120').score).toBe(5);
  });

  it('says which band and what was lost', () => {
    const item = key('85');
    expect(item.explanation).toBe('重点项目支出85万元 / 项目支出预算100万元 = 85.00%，属于“[80%, 90%)”档，该档4分：得4分（满分5分）');
    expect(item.deductions).toEqual([{ points: 1, reason: '重点项目支出85万元 / 项目支出预算100万元 = 85.00%，属于“[80%, 90%)”档，该档4分' }]);
  });

  it('预算调整率: =0 3, (0, 10%] 2, (10%, 20%] 1, (20%, 30%] 0.5, > 30% 0', () => {
    expect(adjust('0').score).toBe(3);
    expect(adjust('0').explanation).toContain('“=0%”档');
    expect(adjust('0.01').score).toBe(2);
    expect(adjust('10').score).toBe(2);
    expect(adjust('10.01').score).toBe(1);
    expect(adjust('20').score).toBe(1);
    expect(adjust('30').score).toBe(0.5);
    expect(adjust('30.01').score).toBe(0);
    expect(adjust('-5').score).toBe(2); // a cut of 5 is a 5% adjustment
  });

  it('initial budget 0: 0/0 is full marks, x/0 is 0', () => {
    expect(scoreOne(withBasics({ budgetAdjustment: '0', budgetInitial: '0' }), ADJUST, 3).score).toBe(3);
    expect(scoreOne(withBasics({ budgetAdjustment: '2', budgetInitial: '0' }), ADJUST, 3).score).toBe(0);
  });

  it('a value in no band gets 0 and says so', () => {
    const gap = { type: 'bands', metric: 'keySpendingRate', bands: [{ min: 90, points: 5 }] };
    const item = scoreOne(withBasics({ keyProjectSpending: '50', projectBudget: '100' }), gap, 5);
    expect(item.score).toBe(0);
    expect(item.explanation).toContain('不在评分标准的任何区间内');
  });

  it('never gives more than the weight even if a band says so', () => {
    const generous = { type: 'bands', metric: 'keySpendingRate', bands: [{ min: 0, points: 9 }] };
    expect(scoreOne(withBasics({ keyProjectSpending: '50', projectBudget: '100' }), generous, 5).score).toBe(5);
  });
});

describe('categorical', () => {
  const SURPLUS = {
    type: 'categorical',
    metric: 'surplusVsCarryOver',
    cases: [
      { when: 'none', label: '无结余', points: 3 },
      { when: 'withinCarryOver', label: '结余未超过上年结转', points: 2 },
      { when: 'overCarryOver', label: '结余超过上年结转', points: 0 },
    ],
  };

  it('seed: 1.89 over a blank 上年结转 → 0 of 3', () => {
    const item = scoreOne(seedReport(), SURPLUS, 3);
    expect(item.score).toBe(0);
    expect(item.explanation).toBe('年末累计结余1.89万元，上年结转0万元（空白，按0计），结余超过上年结转：得0分（满分3分）');
  });

  it('within 上年结转 → 2, no surplus → 3', () => {
    const r = seedReport();
    r.finance.income[0]!.carryOver = '5';
    expect(scoreOne(r, SURPLUS, 3).score).toBe(2);
    r.finance.expenditure[0]!.surplusCumulative = '0';
    expect(scoreOne(r, SURPLUS, 3).score).toBe(3);
  });

  it('a case the template does not list is the template\'s gap: unknown', () => {
    const partial = { ...SURPLUS, cases: SURPLUS.cases.slice(0, 2) };
    const item = scoreOne(seedReport(), partial, 3);
    expect(item.status).toBe('unknown');
    expect(item.score).toBeNull();
  });

  it('used on a numeric metric it is a template error, not a score', () => {
    const wrong = { type: 'categorical', metric: 'staffControlRate', cases: [{ when: 'none', label: 'x', points: 3 }] };
    expect(scoreOne(seedReport(), wrong, 3).status).toBe('unknown');
  });
});
