import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report';
import { getTemplate } from '../templates';
import { scoreReport } from './engine';
import { claim, indicator, seedReport, templateOf } from './test-reports';

const byId = (card: ReturnType<typeof scoreReport>, id: string) => {
  const item = card.items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};

describe('the seed (党群工作部 2021) against yueyang-overall', () => {
  const card = scoreReport(seedReport(), getTemplate('yueyang-overall'));

  it('财政供养人员控制率: 6 / 3 = 200% → 0 of 5', () => {
    const item = byId(card, 'input.allocation.staffControl');
    expect(item.path).toEqual(['投入', '预算配置', '财政供养人员控制率']);
    expect(item.status).toBe('scored');
    expect(item.score).toBe(0);
    expect(item.weight).toBe(5);
    expect(item.explanation).toBe(
      '实有人数6人 / 人员编制3人 = 200.00%，超过标准100个百分点，每超1个百分点扣0.5分，扣完为止：得0分（满分5分）',
    );
  });

  it('资金结余: 1.89 exceeds 上年结转 0 → 0 of 3', () => {
    const item = byId(card, 'process.execution.surplus');
    expect(item.status).toBe('scored');
    expect(item.score).toBe(0);
    expect(item.weight).toBe(3);
    expect(item.explanation).toContain('结余超过上年结转');
  });

  it('every other line is insufficient (report lacks inputs) or unknown (template placeholder)', () => {
    const status = Object.fromEntries(card.items.map((i) => [i.id, i.status]));
    expect(status).toEqual({
      'input.allocation.staffControl': 'scored',
      'input.allocation.threePublicChange': 'insufficient',
      'input.allocation.keySpending': 'insufficient',
      'process.execution.adjustment': 'insufficient',
      'process.execution.paymentProgress': 'insufficient',
      'process.execution.surplus': 'scored',
      'process.execution.threePublicControl': 'insufficient',
      'process.management.systems': 'insufficient',
      'process.management.compliance': 'insufficient',
      'process.management.disclosure': 'unknown',
      'process.management.other': 'unknown',
      'process.assets.placeholder': 'unknown',
      'outputOutcome.placeholder.items': 'unknown',
    });
    for (const i of card.items) if (i.status !== 'scored') expect(i.score).toBeNull();
    expect(byId(card, 'input.allocation.threePublicChange').missing).toEqual(['上年度三公经费']);
    expect(byId(card, 'process.execution.threePublicControl').missing).toEqual(['三公经费预算安排数']);
  });

  it('has no total or grade, a partial basis of 8 weight scoring 0, and the claim 97 优秀', () => {
    expect(card.total).toBeNull();
    expect(card.grade).toBeNull();
    expect(card.basis).toBe('partial');
    expect(card.computable).toEqual({ weight: 8, score: 0 });
    expect(card.claimed).toEqual({ score: 97, grade: '优秀' });
    expect(card.templateId).toBe('yueyang-overall');
    expect(card.items.reduce((s, i) => s + i.weight, 0)).toBe(100);
  });
});

describe('the seed against mof-10-project', () => {
  const card = scoreReport(seedReport(), getTemplate('mof-10-project'));

  it('is insufficient on every group and names the indicators', () => {
    expect(card.items.map((i) => i.status)).toEqual(['insufficient', 'insufficient', 'insufficient', 'insufficient']);
    expect(byId(card, 'execution').missing).toEqual(['调整后预算数']);
    const output = byId(card, 'output');
    expect(output.missing).toHaveLength(9);
    expect(output.missing?.[0]).toContain('质量指标「指标1：围绕建党100周年开展系列主题党…」');
    expect(output.missing?.every((m) => m.includes('的目标值和完成值（完成情况写作“已完成”）'))).toBe(true);
    expect(byId(card, 'outcome').missing).toHaveLength(4);
    expect(byId(card, 'satisfaction').missing).toEqual([
      '社会公众或服务对象满意度「服务对象满意率高于99%」的目标值和完成值（完成情况写作“已完成”）',
    ]);
    expect(card.basis).toBe('none');
    expect(card.computable).toEqual({ weight: 0, score: 0 });
    expect(card.total).toBeNull();
  });
});

/** The seed with the inputs a 10号 sheet needs. */
function mofReport(spent = '85.33', budget = '90', satisfactionActual = '95'): Report {
  const r = seedReport();
  r.finance.expenditure[0]!.total = spent;
  r.basics.budgetAdjusted = budget;
  const q = (level1: string, level2: string, name: string, target: string, actual: string) =>
    indicator(level1, level2, name, { operator: '≥', targetValue: target, actualValue: actual });
  r.performance.indicators = [
    q('产出目标', '数量指标', '开展活动次数', '100', '100'),
    q('产出目标', '质量指标', '培训场次', '10', '9'),
    q('效益目标', '社会效益', '惠及人数', '1', '1'),
    q('效益目标', '社会公众或服务对象满意度', '服务对象满意率', '90', satisfactionActual),
  ];
  return r;
}

describe('a complete 10号 report', () => {
  it('totals 9.48 + 47.5 + 30 + 10 = 96.98 → 优', () => {
    // 执行率 85.33 / 90 = 94.8111% → 9.48; 产出 25 + 25 × 0.9 = 47.5; 效益 30; 满意度 95 ≥ 90 → 10
    const card = scoreReport(mofReport(), getTemplate('mof-10-project'));
    expect(card.items.map((i) => i.score)).toEqual([9.48, 47.5, 30, 10]);
    expect(card.total).toBe(96.98);
    expect(card.grade).toBe('优');
    expect(card.basis).toBe('complete');
    expect(card.computable).toEqual({ weight: 100, score: 96.98 });
  });

  it('grade band edges on the total: 89.99 is 良, 90 is 优', () => {
    // 执行率 99.9% → 10 − 0.1 × 0.1 = 9.99; 产出 both met → 50; 效益 30; 满意度 0 of ≥90 → 0
    // 9.99 + 50 + 30 + 0 = 89.99
    const almost = mofReport('99.9', '100', '0');
    almost.performance.indicators[1]!.actualValue = '10';
    const a = scoreReport(almost, getTemplate('mof-10-project'));
    expect(a.total).toBe(89.99);
    expect(a.grade).toBe('良');
    const exact = mofReport('100', '100', '0');
    exact.performance.indicators[1]!.actualValue = '10';
    const b = scoreReport(exact, getTemplate('mof-10-project'));
    expect(b.total).toBe(90);
    expect(b.grade).toBe('优');
  });

  it("naPolicy 'rescale': 满意度 不适用 → (9.48 + 47.5 + 30) × 100 / 90 = 96.64", () => {
    const r = mofReport();
    r.scoreSheet = [claim('satisfaction', { notApplicable: true, note: '项目无直接服务对象' })];
    const card = scoreReport(r, getTemplate('mof-10-project'));
    const sat = byId(card, 'satisfaction');
    expect(sat.status).toBe('notApplicable');
    expect(sat.score).toBeNull();
    expect(sat.explanation).toContain('项目无直接服务对象');
    expect(card.total).toBe(96.64);
    expect(card.basis).toBe('complete');
    expect(card.computable).toEqual({ weight: 90, score: 86.98 });
  });
});

describe('engine semantics', () => {
  const STAFF = { type: 'capDeduct', metric: 'staffControlRate', target: 100, direction: 'max', deductPerPoint: 0.5 };
  const PAYMENT = { type: 'violationDeduct', pointsPerViolation: 0.5, metric: 'lateSpecialFunds' };

  it("naPolicy 'fullMarks': a 不适用 line earns its weight and counts in the total", () => {
    const t = templateOf(
      [
        { id: 'staff', name: '财政供养人员控制率', weight: 50, rule: STAFF },
        { id: 'pay', name: '支付进度', weight: 50, rule: PAYMENT },
      ],
      { naPolicy: 'fullMarks' },
    );
    const r = seedReport();
    r.scoreSheet = [claim('pay', { notApplicable: true, note: '本部门无专项资金分配' })];
    const card = scoreReport(r, t);
    expect(card.items[1]).toMatchObject({ status: 'notApplicable', score: 50 });
    // 0 (staff 200%) + 50 = 50 → 不合格
    expect(card.total).toBe(50);
    expect(card.grade).toBe('不合格');
    expect(card.basis).toBe('complete');
  });

  it('an unknown group makes its children unknown, whatever the claims say', () => {
    const t = templateOf([
      {
        id: 'g',
        name: '资产管理',
        weight: 10,
        status: 'unknown',
        children: [{ id: 'c', name: '固定资产利用率', weight: 10, rule: { type: 'manual' } }],
      },
    ]);
    const r = seedReport();
    r.scoreSheet = [claim('c', { score: 10, note: '依据', notApplicable: true })];
    const item = scoreReport(r, t).items[0]!;
    expect(item.status).toBe('unknown');
    expect(item.score).toBeNull();
    expect(item.claimed).toBe(10);
  });

  it('a known line without a rule is unknown, not zero', () => {
    const item = scoreReport(seedReport(), templateOf([{ id: 'x', name: '某指标', weight: 5 }])).items[0]!;
    expect(item.status).toBe('unknown');
    expect(item.explanation).toBe('模板未规定“某指标”的评分规则，暂不计分');
  });

  it('keeps the claimed score beside the computed one', () => {
    const r = seedReport();
    r.scoreSheet = [claim('input.allocation.staffControl', { score: 5 })];
    const card = scoreReport(r, getTemplate('yueyang-overall'));
    expect(byId(card, 'input.allocation.staffControl')).toMatchObject({ score: 0, claimed: 5 });
    expect(byId(card, 'input.allocation.keySpending').claimed).toBeUndefined();
  });

  it('nests quotes in names: “‘三公经费’变动率”', () => {
    const card = scoreReport(seedReport(), getTemplate('yueyang-overall'));
    expect(byId(card, 'input.allocation.threePublicChange').explanation).toBe(
      '缺少上年度三公经费，无法计算“‘三公经费’变动率”，暂不计分（数据不足，不等于0分）',
    );
  });

  it('is pure: same answer twice, report untouched, flattened paths shared and frozen', () => {
    const r = seedReport();
    const before = structuredClone(r);
    const t = getTemplate('yueyang-overall');
    const a = scoreReport(r, t);
    const b = scoreReport(r, t);
    expect(b).toEqual(a);
    expect(r).toEqual(before);
    expect(b.items[0]!.path).toBe(a.items[0]!.path);
    expect(Object.isFrozen(a.items[0]!.path)).toBe(true);
  });

  it('an empty template scores nothing and has no total', () => {
    const card = scoreReport(seedReport(), templateOf([]));
    expect(card).toMatchObject({ total: null, grade: null, basis: 'none', items: [] });
  });
});
