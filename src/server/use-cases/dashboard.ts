// 绩效看板 on real data: completion against each task's roster (drafts counted, never opened), grades in
// one vocabulary, self vs computed vs 复核, 偏离度 by 归口科室, score vs 预算执行率, anomalies and year over
// year (core/bureau/dashboard.ts). 绩效管理科 sees the bureau, an 归口科室 its own departments. The rows
// behind the figures come along, so every chart opens the reports it counts.
import { buildDashboard, type Dashboard, type DashboardReport, type RosterEntry } from '../../core/bureau/dashboard';
import { rosterTiming } from '../../core/bureau/roster';
import type { ReportStatus } from '../../core/workflow/index';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { rescoreTotals } from '../repositories/review-extras';
import { boardRows, listTasks } from '../repositories/tasks';
import { deadlinesOf, financeScope } from './bureau-shared';
import { statsFor } from './report-stats';

export interface DashboardView extends Dashboard {
  reports: DashboardReport[];
}

export async function getDashboard(deps: Deps, o: { actor: Actor; year?: number }): Promise<DashboardView> {
  const scope = financeScope(o.actor);
  const db = deps.db.kysely;
  let q = db.selectFrom('reports as r').innerJoin('departments as d', 'd.id', 'r.department_id').leftJoin('sections as s', 's.id', 'd.section_id')
    .select(['r.id', 'r.version', 'r.department_id', 'r.department_name', 'd.section_id', 's.name as section_name', 'r.year', 'r.status', 'r.template_id', 'r.self_score', 'r.grade'])
    .where('r.bureau_id', '=', scope.bureauId).where('r.finance_since', 'is not', null).where('r.year', 'is not', null);
  if (scope.sectionId) q = q.where('d.section_id', '=', scope.sectionId);
  const rows = await q.orderBy('r.year', 'desc').orderBy('d.budget_code').execute();
  const [stats, reviews] = await Promise.all([statsFor(deps, rows.map((r) => ({ id: r.id, version: r.version }))), rescoreTotals(db, rows.map((r) => r.id))]);
  const reports: DashboardReport[] = rows.map((r) => {
    const s = stats.get(r.id);
    return {
      reportId: r.id, departmentId: r.department_id, departmentName: r.department_name, sectionId: r.section_id, sectionName: r.section_name ?? '',
      year: r.year!, status: r.status as ReportStatus, templateId: r.template_id, selfScore: r.self_score, claimedGrade: r.grade,
      computedScore: s?.computed_total ?? null, basis: (s?.basis as DashboardReport['basis']) ?? null, reviewScore: reviews.get(r.id)?.total ?? null, executionRate: s?.execution_rate ?? null,
    };
  });
  const now = deps.clock.now();
  const roster: RosterEntry[] = [];
  for (const t of await listTasks(db, scope.bureauId)) {
    // completion is of departments: a 项目支出 task's board has a line per project table, which would count
    // a department several times over (its tables are among the reports above all the same)
    if (t.status === 'draft' || t.kind !== 'overall') continue;
    for (const b of await boardRows(db, t.id, scope.sectionId)) {
      const report = b.report_id ? { status: b.status as ReportStatus, version: b.version!, untouched: b.version === 1 && b.created_by === t.issued_by } : null;
      const timing = rosterTiming({ departmentId: b.department_id, report, extendedDue: b.extended_due }, deadlinesOf(t), now);
      // a draft's id stays back: finance cannot open it
      roster.push({ year: t.year, departmentId: b.department_id, departmentName: b.department_name, state: timing.state, late: timing.late, reportId: b.finance_since ? b.report_id : null });
    }
  }
  return { ...buildDashboard(reports, roster, o.year ?? null), reports };
}
