import { describe, expect, it } from 'vitest';
import type { Report, ScoreClaim } from '../model/report';
import { claim, scoreOne, seedReport } from './test-reports';

const CHECKLIST = {
  type: 'checklist',
  items: [
    { text: '已制定管理制度', points: 1 },
    { text: '制度合法、合规、完整', points: 1 },
    { text: '制度得到有效执行', points: 1 },
  ],
};

function claimed(fields: Partial<ScoreClaim>): Report {
  const r = seedReport();
  r.scoreSheet = [claim('other', { score: 1 }), claim('x', fields)];
  return r;
}

describe('checklist', () => {
  it('all three points met: 1 + 1 + 1 = 3', () => {
    const item = scoreOne(claimed({ checks: [true, true, true] }), CHECKLIST, 3);
    expect(item.score).toBe(3);
    expect(item.deductions).toEqual([]);
  });

  it('point ② unmet: 1 + 0 + 1 = 2, the deduction names it', () => {
    const item = scoreOne(claimed({ checks: [true, false, true], note: '制度不完整' }), CHECKLIST, 3);
    expect(item.score).toBe(2);
    expect(item.deductions).toEqual([{ points: 1, reason: '不符合评分要点②：制度合法、合规、完整' }]);
    expect(item.explanation).toBe('评分要点共3项，符合2项，不符合：②制度合法、合规、完整：得2分（满分3分）。说明：制度不完整');
  });

  it('nothing met gives 0', () => {
    expect(scoreOne(claimed({ checks: [false, false, false] }), CHECKLIST, 3).score).toBe(0);
  });

  it('no claim, or a claim without checks, is insufficient', () => {
    const none = scoreOne(seedReport(), CHECKLIST, 3);
    expect(none.status).toBe('insufficient');
    expect(none.score).toBeNull();
    expect(none.missing).toEqual(['评分表“测试项”逐项核对结果']);
    expect(scoreOne(claimed({ score: 3 }), CHECKLIST, 3).status).toBe('insufficient');
  });

  it('a check list of the wrong length is insufficient', () => {
    const item = scoreOne(claimed({ checks: [true, true] }), CHECKLIST, 3);
    expect(item.status).toBe('insufficient');
    expect(item.explanation).toContain('有3个评分要点，评分表填写了2项核对结果');
  });
});

describe('violationDeduct', () => {
  const COMPLIANCE = { type: 'violationDeduct', pointsPerViolation: 1 };
  const PAYMENT = { type: 'violationDeduct', pointsPerViolation: 0.5, metric: 'lateSpecialFunds' };

  it('from the claim: 0 → 3, 2 × 1 → 1, 5 × 1 = 5 > 3 → 0', () => {
    expect(scoreOne(claimed({ violations: 0 }), COMPLIANCE, 3).score).toBe(3);
    const two = scoreOne(claimed({ violations: 2 }), COMPLIANCE, 3);
    expect(two.score).toBe(1);
    expect(two.deductions).toEqual([{ points: 2, reason: '发现不符合规定的情形2处，每处扣1分，应扣2分' }]);
    const five = scoreOne(claimed({ violations: 5 }), COMPLIANCE, 3);
    expect(five.score).toBe(0);
    expect(five.deductions[0]?.points).toBe(3);
  });

  it('without a claimed count it is insufficient', () => {
    const item = scoreOne(claimed({ score: 3 }), COMPLIANCE, 3);
    expect(item.status).toBe('insufficient');
    expect(item.missing).toEqual(['评分表“测试项”违规情形数']);
  });

  it('from a metric (支付进度): 3 late × 0.5 = 1.5 → 1.5; 7 × 0.5 = 3.5 > 3 → 0', () => {
    const r = seedReport();
    r.basics.lateSpecialFunds = 0;
    expect(scoreOne(r, PAYMENT, 3).score).toBe(3);
    r.basics.lateSpecialFunds = 3;
    const three = scoreOne(r, PAYMENT, 3);
    expect(three.score).toBe(1.5);
    expect(three.explanation).toBe('未按进度拨付的专项3个，每个扣0.5分，应扣1.5分：得1.5分（满分3分）');
    r.basics.lateSpecialFunds = 7;
    expect(scoreOne(r, PAYMENT, 3).score).toBe(0);
  });

  it('from a metric, the claim does not stand in for a missing figure', () => {
    const item = scoreOne(claimed({ violations: 0 }), PAYMENT, 3);
    expect(item.status).toBe('insufficient');
    expect(item.missing).toEqual(['未按进度拨付的专项数']);
  });
});

describe('qualitative3', () => {
  const Q = { type: 'qualitative3' };

  it('达成 without a score: the level floor, 80% × 10 = 8', () => {
    const item = scoreOne(claimed({ level: '达成' }), Q, 10);
    expect(item.score).toBe(8);
    expect(item.explanation).toContain('未填写具体得分，按该等次下限计');
  });

  it('a score inside the level range is taken: 达成 9.5 of [8, 10]', () => {
    expect(scoreOne(claimed({ level: '达成', score: 9.5 }), Q, 10).score).toBe(9.5);
    expect(scoreOne(claimed({ level: '部分达成', score: 7 }), Q, 10).score).toBe(7);
  });

  it('a score outside the level range is clamped to it', () => {
    // 部分达成 is [6, 8]: 9 → 8, 5 → 6; 未达成 is [0, 6]: 7 → 6
    expect(scoreOne(claimed({ level: '部分达成', score: 9 }), Q, 10).score).toBe(8);
    expect(scoreOne(claimed({ level: '部分达成', score: 5 }), Q, 10).score).toBe(6);
    const over = scoreOne(claimed({ level: '未达成', score: 7 }), Q, 10);
    expect(over.score).toBe(6);
    expect(over.explanation).toContain('超出该等次区间，按6分计');
  });

  it('custom level shares from the template: 达成 [0.9, 1] of 5 → floor 4.5', () => {
    const rule = { type: 'qualitative3', levels: { 达成: [0.9, 1], 部分达成: [0.5, 0.9], 未达成: [0, 0.5] } };
    expect(scoreOne(claimed({ level: '达成' }), rule, 5).score).toBe(4.5);
  });

  it('no level is insufficient', () => {
    const item = scoreOne(claimed({ score: 9 }), Q, 10);
    expect(item.status).toBe('insufficient');
    expect(item.score).toBeNull();
  });
});

describe('manual', () => {
  const M = { type: 'manual' };

  it('takes the typed score with its justification', () => {
    const item = scoreOne(claimed({ score: 8, note: '问卷满意率92%' }), M, 10);
    expect(item.score).toBe(8);
    expect(item.claimed).toBe(8);
    expect(item.explanation).toBe('人工评分：自评得分8分，评分依据：问卷满意率92%：得8分（满分10分）');
    expect(item.deductions).toEqual([{ points: 2, reason: '人工评分扣分，评分依据：问卷满意率92%' }]);
  });

  it('without a justification, or without a score, it is insufficient', () => {
    expect(scoreOne(claimed({ score: 8, note: '  ' }), M, 10).status).toBe('insufficient');
    expect(scoreOne(claimed({ note: '依据' }), M, 10).status).toBe('insufficient');
    expect(scoreOne(seedReport(), M, 10).missing).toEqual(['评分表“测试项”自评得分及评分依据']);
  });

  it('clamps to [0, weight]', () => {
    const high = scoreOne(claimed({ score: 12, note: '依据' }), M, 10);
    expect(high.score).toBe(10);
    expect(high.explanation).toContain('超出0～10分，按10分计');
    expect(scoreOne(claimed({ score: -1, note: '依据' }), M, 10).score).toBe(0);
  });
});
