import { describe, expect, it } from 'vitest';
import type { Indicator, Report } from '../model/report';
import { indicatorGroup } from './indicator-group';
import { indicator, scoreOne, seedReport } from './test-reports';

const OUTPUT = { type: 'ratio', group: 'output' };

function num(
  level2: string,
  name: string,
  operator: Indicator['operator'],
  target: string,
  actual: string,
  weight: number | null = null,
): Indicator {
  return indicator('产出指标', level2, name, { operator, targetValue: target, actualValue: actual, unit: '次', weight });
}

function reportWith(...inds: Indicator[]): Report {
  const r = seedReport();
  r.performance.indicators = inds;
  return r;
}

describe('indicatorGroup', () => {
  it('normalises 一级/二级 as printed', () => {
    expect(indicatorGroup({ level1: '产出目标', level2: '质量指标' })).toBe('output');
    expect(indicatorGroup({ level1: '产出指标', level2: '成本指标' })).toBe('output');
    expect(indicatorGroup({ level1: '', level2: '数量指标' })).toBe('output');
    expect(indicatorGroup({ level1: '效益目标', level2: '社会效益' })).toBe('outcome');
    expect(indicatorGroup({ level1: '效益指标', level2: '可持续影响指标' })).toBe('outcome');
    expect(indicatorGroup({ level1: '', level2: '生态效益指标' })).toBe('outcome');
    expect(indicatorGroup({ level1: '满意度指标', level2: '服务对象满意度指标' })).toBe('satisfaction');
    expect(indicatorGroup({ level1: '', level2: '其他' })).toBeNull();
  });

  it('reads the Yueyang 效益目标 / 社会公众或服务对象满意度 row as satisfaction', () => {
    expect(indicatorGroup({ level1: '效益目标', level2: '社会公众或服务对象满意度' })).toBe('satisfaction');
  });
});

describe('ratio', () => {
  it('正向 98 of ≥100 and 反向 4 within ≤5, no weights: 25 × 0.98 + 25 = 49.5', () => {
    const r = reportWith(num('数量指标', '活动次数', '≥', '100', '98'), num('成本指标', '单次成本', '≤', '5', '4'));
    const item = scoreOne(r, OUTPUT, 50);
    expect(item.status).toBe('scored');
    expect(item.score).toBe(49.5);
    expect(item.explanation).toContain('指标未填分值，按满分50分等分，每项25分');
    expect(item.explanation).toContain('数量指标「活动次数」目标≥100次，完成98次（正向），完成比例98.00%，得24.5分');
    expect(item.deductions).toEqual([{ points: 0.5, reason: '数量指标「活动次数」目标≥100次，完成98次（正向），完成比例98.00%' }]);
  });

  it('反向 over target: ≤5 actual 8 → 5 / 8 = 62.5% × 25 = 15.625, + 25 = 40.625 → 40.63', () => {
    const r = reportWith(num('数量指标', 'A', '≥', '10', '10'), num('成本指标', 'B', '<', '5', '8'));
    expect(scoreOne(r, OUTPUT, 50).score).toBe(40.63);
  });

  it("'=' is full when equal, else read as 正向: 90 of =100 → 0.9 × 50 = 45", () => {
    expect(scoreOne(reportWith(num('质量指标', '合格率', '=', '100', '100')), OUTPUT, 50).score).toBe(50);
    expect(scoreOne(reportWith(num('质量指标', '合格率', '=', '100', '90')), OUTPUT, 50).score).toBe(45);
  });

  it('over-completion is capped at the indicator weight: 150 of ≥100 → 50', () => {
    expect(scoreOne(reportWith(num('数量指标', 'A', '≥', '100', '150')), OUTPUT, 50).score).toBe(50);
  });

  it('zero edges: ≥0 met by 0; ≤5 with actual 0 is met; ≤0 with actual 3 earns 0', () => {
    expect(scoreOne(reportWith(num('数量指标', 'A', '≥', '0', '0')), OUTPUT, 50).score).toBe(50);
    expect(scoreOne(reportWith(num('成本指标', 'B', '≤', '5', '0')), OUTPUT, 50).score).toBe(50);
    expect(scoreOne(reportWith(num('成本指标', 'C', '≤', '0', '3')), OUTPUT, 50).score).toBe(0);
  });

  it('no operator is read as 正向 and says so', () => {
    const item = scoreOne(reportWith(num('数量指标', 'A', null, '10', '8')), OUTPUT, 50);
    expect(item.score).toBe(40);
    expect(item.explanation).toContain('未注明方向，按正向');
  });

  it('uses indicator weights when all have one: 30 × 50/100 + 20 = 35', () => {
    const r = reportWith(num('数量指标', 'A', '≥', '100', '50', 30), num('质量指标', 'B', '≥', '1', '1', 20));
    const item = scoreOne(r, OUTPUT, 50);
    expect(item.score).toBe(35);
    expect(item.explanation).toContain('按各指标分值计');
  });

  it('scales indicator weights that do not add up: 15 + 10 = 25 → ×2: 30 × 0.5 + 20 = 35', () => {
    const r = reportWith(num('数量指标', 'A', '≥', '100', '50', 15), num('质量指标', 'B', '≥', '1', '1', 10));
    const item = scoreOne(r, OUTPUT, 50);
    expect(item.score).toBe(35);
    expect(item.explanation).toContain('各指标分值合计25分，按满分50分等比折算');
  });

  it('splits equally when only some indicators carry a weight', () => {
    // 25 × 0.5 + 25 = 37.5
    const r = reportWith(num('数量指标', 'A', '≥', '100', '50', 40), num('质量指标', 'B', '≥', '1', '1'));
    const item = scoreOne(r, OUTPUT, 50);
    expect(item.score).toBe(37.5);
    expect(item.explanation).toContain('部分指标未填分值');
  });

  it('equal thirds add up without drift: 3 × 50/3 = 50', () => {
    const r = reportWith(num('数量指标', 'A', '≥', '1', '1'), num('数量指标', 'B', '≥', '1', '1'), num('数量指标', 'C', '≥', '1', '1'));
    expect(scoreOne(r, OUTPUT, 50).score).toBe(50);
  });

  it('cap below 1 limits the item: 50 × 0.9 = 45', () => {
    expect(scoreOne(reportWith(num('数量指标', 'A', '≥', '1', '1')), { ...OUTPUT, cap: 0.9 }, 50).score).toBe(45);
  });

  it('scores only its own group', () => {
    const outcome = indicator('效益指标', '社会效益', 'X', { operator: '≥', targetValue: '1', actualValue: '1' });
    const r = reportWith(num('数量指标', 'A', '≥', '100', '50'), outcome);
    expect(scoreOne(r, { type: 'ratio', group: 'outcome' }, 30).score).toBe(30);
    expect(scoreOne(r, OUTPUT, 50).score).toBe(25);
  });

  it('an indicator without numeric values makes the item insufficient and is named', () => {
    const bad = indicator('产出指标', '时效指标', '按月安排', { operator: '≥', targetValue: '12' });
    const item = scoreOne(reportWith(num('数量指标', 'A', '≥', '1', '1'), bad), OUTPUT, 50);
    expect(item.status).toBe('insufficient');
    expect(item.score).toBeNull();
    expect(item.missing).toEqual(['时效指标「按月安排」的完成值（完成情况写作“已完成”）']);
    expect(item.explanation).toContain('产出类指标共2项，其中1项缺少数值型目标值或完成值');
  });

  it('a group with no indicators is insufficient', () => {
    const item = scoreOne(reportWith(), { type: 'ratio', group: 'satisfaction' }, 10);
    expect(item.status).toBe('insufficient');
    expect(item.missing).toEqual(['满意度类绩效指标']);
  });
});
