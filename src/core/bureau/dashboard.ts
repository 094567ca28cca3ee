// The dashboard's figures (绩效看板) from the reports and rosters behind them. Every figure carries the
// report ids it counts, so each bar, slice and point of a chart opens the reports it stands for.
import { Dec } from '../scoring/decimal';
import type { ReportStatus } from '../workflow/index';
import { deviation, deviationText, summarize, summarizeBy } from './deviation';
import { commonGrade, commonGradeOfScore, commonGrades } from './grades';
import { ROSTER_STATES, ROSTER_STATE_LABEL, type RosterState } from './roster';

export interface DashboardReport {
  reportId: string;
  departmentId: string;
  departmentName: string;
  sectionId: string | null;
  sectionName: string;
  year: number;
  status: ReportStatus;
  templateId: string;
  selfScore: number | null;
  claimedGrade: string;
  /** the 评分表 total Jixiao computes, when every line is computable */
  computedScore: number | null;
  basis: 'complete' | 'partial' | 'none' | null;
  /** the finished 复核 total */
  reviewScore: number | null;
  /** 预算执行率, percent */
  executionRate: number | null;
}

export interface RosterEntry {
  year: number;
  departmentId: string;
  departmentName: string;
  state: RosterState;
  late: boolean;
  reportId: string | null;
}

export const UNGRADED = '未评等次';

export interface Bucket {
  reportIds: string[];
  count: number;
}

export interface Dashboard {
  year: number | null;
  years: number[];
  completion: { total: number; reported: number; late: number; byState: Array<{ state: RosterState; label: string; departmentIds: string[]; reportIds: string[]; count: number }> } | null;
  grades: Array<{ grade: string; self: Bucket; review: Bucket }>;
  scatter: Array<{ reportId: string; departmentName: string; self: number | null; computed: number | null; review: number | null }>;
  deviationBySection: Array<{ sectionId: string | null; sectionName: string; count: number; pooled: number | null; meanAbsolute: number | null; reportIds: string[] }>;
  execution: Array<{ reportId: string; departmentName: string; rate: number; score: number; grade: string | null }>;
  anomalies: Array<{ reportId: string; departmentName: string; code: 'NO_BASIS_HIGH' | 'LOW_EXECUTION_TOP_GRADE' | 'HIGH_DEVIATION'; message: string }>;
  trend: Array<{ year: number; count: number; avgSelf: number | null; avgReview: number | null; pooledDeviation: number | null; reportIds: string[] }>;
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s.plus(x), new Dec(0)).div(xs.length).toDecimalPlaces(2).toNumber() : null);
const bucket = (ids: string[]): Bucket => ({ reportIds: ids, count: ids.length });
const nums = (xs: Array<number | null>) => xs.filter((x): x is number => x != null);

export function buildDashboard(reports: readonly DashboardReport[], roster: readonly RosterEntry[], year: number | null): Dashboard {
  const years = [...new Set([...reports.map((r) => r.year), ...roster.map((r) => r.year)])].sort((a, b) => b - a);
  const y = year ?? years[0] ?? null;
  const now = reports.filter((r) => r.year === y);
  const rosterNow = roster.filter((r) => r.year === y);

  const completion = rosterNow.length
    ? {
        total: rosterNow.length,
        reported: rosterNow.filter((r) => ['submitted', 'finance_review', 'accepted', 'published'].includes(r.state)).length,
        late: rosterNow.filter((r) => r.late).length,
        byState: ROSTER_STATES.map((s) => {
          const rows = rosterNow.filter((r) => r.state === s);
          return { state: s, label: ROSTER_STATE_LABEL[s], count: rows.length, departmentIds: rows.map((r) => r.departmentId), reportIds: rows.flatMap((r) => (r.reportId ? [r.reportId] : [])) };
        }),
      }
    : null;

  const gradeNames = [...commonGrades(), UNGRADED];
  const selfGrade = (r: DashboardReport) => commonGrade(r.claimedGrade, r.templateId) ?? UNGRADED;
  const reviewGrade = (r: DashboardReport) => (r.reviewScore == null ? null : (commonGradeOfScore(r.reviewScore) ?? UNGRADED));
  const grades = gradeNames.map((g) => ({
    grade: g,
    self: bucket(now.filter((r) => selfGrade(r) === g).map((r) => r.reportId)),
    review: bucket(now.filter((r) => reviewGrade(r) === g).map((r) => r.reportId)),
  }));

  const scatter = now.filter((r) => r.selfScore != null).map((r) => ({ reportId: r.reportId, departmentName: r.departmentName, self: r.selfScore, computed: r.computedScore, review: r.reviewScore }));

  const deviationBySection = summarizeBy(now.map((r) => ({ ...r, self: r.selfScore, review: r.reviewScore })), (r) => r.sectionId ?? '')
    .filter((g) => g.count > 0)
    .map((g) => ({ sectionId: g.key || null, sectionName: g.rows[0]!.sectionName || '未设归口科室', count: g.count, pooled: g.pooled, meanAbsolute: g.meanAbsolute, reportIds: g.rows.filter((r) => r.self != null && r.review != null).map((r) => r.reportId) }));

  const execution = now
    .filter((r) => r.executionRate != null && (r.reviewScore ?? r.selfScore) != null)
    .map((r) => ({ reportId: r.reportId, departmentName: r.departmentName, rate: r.executionRate!, score: (r.reviewScore ?? r.selfScore)!, grade: selfGrade(r) === UNGRADED ? null : selfGrade(r) }));

  const anomalies: Dashboard['anomalies'] = [];
  const top = commonGrades()[0];
  for (const r of now) {
    if (r.selfScore != null && r.selfScore >= 95 && r.basis === 'none')
      anomalies.push({ reportId: r.reportId, departmentName: r.departmentName, code: 'NO_BASIS_HIGH', message: `自评${r.selfScore}分，但评分表没有一项可由报告数据计算` });
    if (r.executionRate != null && r.executionRate < 60 && selfGrade(r) === top)
      anomalies.push({ reportId: r.reportId, departmentName: r.departmentName, code: 'LOW_EXECUTION_TOP_GRADE', message: `预算执行率${new Dec(r.executionRate).toFixed(2)}%，自评等次却为“${r.claimedGrade}”` });
    const d = deviation(r.selfScore, r.reviewScore);
    if (d != null && Math.abs(d) >= 0.2)
      anomalies.push({ reportId: r.reportId, departmentName: r.departmentName, code: 'HIGH_DEVIATION', message: `自评${r.selfScore}分，复核${r.reviewScore}分，偏离度${deviationText(d)}` });
  }

  return { year: y, years, completion, grades, scatter, deviationBySection, execution, anomalies, trend: trendOf(reports) };
}

/** Year over year, for the bureau or (given one department's rows) for a department. */
export function trendOf(rows: ReadonlyArray<Pick<DashboardReport, 'reportId' | 'year' | 'selfScore' | 'reviewScore'>>): Dashboard['trend'] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const g = rows.filter((r) => r.year === year);
    return {
      year,
      count: g.length,
      avgSelf: avg(nums(g.map((r) => r.selfScore))),
      avgReview: avg(nums(g.map((r) => r.reviewScore))),
      pooledDeviation: summarize(g.map((r) => ({ self: r.selfScore, review: r.reviewScore }))).pooled,
      reportIds: g.map((r) => r.reportId),
    };
  });
}
