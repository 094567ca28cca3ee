import { describe, expect, it } from 'vitest';
import { buildDashboard, trendOf, type DashboardReport, type RosterEntry } from './dashboard';

const base: Omit<DashboardReport, 'reportId' | 'departmentId' | 'departmentName' | 'year'> = {
  sectionId: 's1', sectionName: '行政政法科', status: 'accepted', templateId: 'yueyang-overall',
  selfScore: 90, claimedGrade: '优秀', computedScore: null, basis: 'partial', reviewScore: null, executionRate: 90,
};
const rep = (id: string, year: number, over: Partial<DashboardReport> = {}): DashboardReport => ({ ...base, reportId: id, departmentId: `d-${id[1]}`, departmentName: `部门${id[1]}`, year, ...over });

const reports: DashboardReport[] = [
  rep('r1a', 2021, { selfScore: 97, claimedGrade: '优秀', basis: 'none', reviewScore: 80, executionRate: 55 }),
  rep('r2a', 2021, { selfScore: 85, claimedGrade: '良', reviewScore: 85, sectionId: 's2', sectionName: '经济建设科' }),
  rep('r3a', 2021, { selfScore: 70, claimedGrade: '合格', computedScore: 68 }),
  rep('r1b', 2020, { selfScore: 92, claimedGrade: '优', reviewScore: 88 }),
  rep('r2b', 2020, { selfScore: 80, claimedGrade: '', reviewScore: null }),
];
const roster: RosterEntry[] = [
  { year: 2021, departmentId: 'd-1', departmentName: '部门1', state: 'accepted', late: false, reportId: 'r1a' },
  { year: 2021, departmentId: 'd-2', departmentName: '部门2', state: 'submitted', late: false, reportId: 'r2a' },
  { year: 2021, departmentId: 'd-3', departmentName: '部门3', state: 'filling', late: true, reportId: 'r3a' },
  { year: 2021, departmentId: 'd-4', departmentName: '部门4', state: 'not_started', late: true, reportId: null },
];

describe('dashboard figures', () => {
  const d = buildDashboard(reports, roster, null);

  it('counts completion against the roster, drafts included', () => {
    expect(d.year).toBe(2021);
    expect(d.years).toEqual([2021, 2020]);
    expect(d.completion).toMatchObject({ total: 4, reported: 2, late: 2 });
    const ns = d.completion!.byState.find((s) => s.state === 'not_started')!;
    expect(ns).toMatchObject({ count: 1, departmentIds: ['d-4'], reportIds: [] });
    expect(d.completion!.byState.find((s) => s.state === 'filling')!.reportIds).toEqual(['r3a']);
  });

  it('counts grades in one vocabulary, claimed and 复核, with the reports behind each', () => {
    const g = Object.fromEntries(d.grades.map((x) => [x.grade, x]));
    expect(g['优']!.self.reportIds).toEqual(['r1a']);
    expect(g['良']!.self.reportIds).toEqual(['r2a']);
    expect(g['中']!.self.reportIds).toEqual(['r3a']);
    expect(g['良']!.review.reportIds).toEqual(['r1a', 'r2a']);
    expect(d.grades.map((x) => x.grade)).toEqual(['优', '良', '中', '差', '未评等次']);
  });

  it('puts self, computed and 复核 side by side, 偏离度 by section, and the anomalies', () => {
    expect(d.scatter.find((p) => p.reportId === 'r3a')).toEqual({ reportId: 'r3a', departmentName: '部门3', self: 70, computed: 68, review: null });
    expect(d.deviationBySection).toEqual([
      { sectionId: 's1', sectionName: '行政政法科', count: 1, pooled: 0.2125, meanAbsolute: 0.2125, reportIds: ['r1a'] },
      { sectionId: 's2', sectionName: '经济建设科', count: 1, pooled: 0, meanAbsolute: 0, reportIds: ['r2a'] },
    ]);
    expect(d.execution.find((e) => e.reportId === 'r1a')).toMatchObject({ rate: 55, score: 80, grade: '优' });
    expect(d.anomalies.map((a) => [a.reportId, a.code])).toEqual([['r1a', 'NO_BASIS_HIGH'], ['r1a', 'LOW_EXECUTION_TOP_GRADE'], ['r1a', 'HIGH_DEVIATION']]);
    expect(d.anomalies[1]!.message).toBe('预算执行率55.00%，自评等次却为“优秀”');
  });

  it('follows the bureau and one department year over year', () => {
    expect(d.trend).toEqual([
      { year: 2020, count: 2, avgSelf: 86, avgReview: 88, pooledDeviation: 0.0455, reportIds: ['r1b', 'r2b'] },
      { year: 2021, count: 3, avgSelf: 84, avgReview: 82.5, pooledDeviation: 0.103, reportIds: ['r1a', 'r2a', 'r3a'] },
    ]);
    expect(trendOf(reports.filter((r) => r.departmentId === 'd-1')).map((t) => [t.year, t.avgSelf, t.pooledDeviation])).toEqual([[2020, 92, 0.0455], [2021, 97, 0.2125]]);
  });
});
