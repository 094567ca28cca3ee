// 进度 (the roster board): every department of a task's roster with its state, the deadline that state is
// measured against and how far off it is, last activity, open errors and waivers, open 整改 items,
// whether it is sampled and re-scored, and copy flags. 绩效管理科 sees the whole roster, an 归口科室 its
// own departments, the CLI everything. Content figures (errors, waivers) only for reports that have
// reached finance: a department's draft stays its own. A 项目支出 task has a line per report, named by its
// project, and one for a department without any report; the summary counts both lines and departments.
import type { BoardRowFigures } from '../../core/bureau/board-columns';
import { daysLeftText } from '../../core/bureau/deadline';
import { ROSTER_STATE_LABEL, rosterSummary, rosterTiming, type RosterState, type Stage } from '../../core/bureau/roster';
import type { ReportStatus } from '../../core/workflow/index';
import type { Deps } from '../deps';
import { copyCounts } from '../repositories/copy-checks';
import { openItemCounts } from '../repositories/rectifications';
import { rescoreTotals } from '../repositories/review-extras';
import { sampledReportIds } from '../repositories/samples';
import { boardRows } from '../repositories/tasks';
import { deadlinesOf, financeScope, loadTask, taskView, type BureauActor, type TaskView } from './bureau-shared';
import { statsFor } from './report-stats';

export interface BoardItem extends BoardRowFigures {
  departmentId: string;
  sectionId: string | null;
  reportId: string | null;
  /** 项目名称 of a 项目支出 task's report ('' while unnamed); null for a 部门整体 task or a line without a report */
  projectName: string | null;
  /** the report has reached finance: the bureau may open it */
  canOpen: boolean;
  state: RosterState;
  stage: Stage;
  daysLeft: number | null;
  grade: string | null;
  warnings: number | null;
}

export interface Board {
  task: TaskView;
  generatedAt: string;
  summary: ReturnType<typeof rosterSummary>;
  items: BoardItem[];
}

async function latestWaiverCounts(db: Deps['db']['kysely'], reportIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, { version: number; n: number }>();
  for (let i = 0; i < reportIds.length; i += 500) {
    const rows = await db.selectFrom('waivers').select(['report_id', 'version', (eb) => eb.fn.countAll<number>().as('n')])
      .where('report_id', 'in', reportIds.slice(i, i + 500)).groupBy(['report_id', 'version']).execute();
    for (const r of rows) {
      const prev = out.get(r.report_id);
      if (!prev || prev.version < r.version) out.set(r.report_id, { version: r.version, n: Number(r.n) });
    }
  }
  return new Map([...out].map(([k, v]) => [k, v.n]));
}

export async function taskBoard(deps: Deps, o: { actor: BureauActor; id: string }): Promise<Board> {
  const t = await loadTask(deps, o.actor, o.id);
  const sectionId = o.actor ? financeScope(o.actor).sectionId : null;
  const db = deps.db.kysely;
  const rows = await boardRows(db, t.id, sectionId);
  const now = deps.clock.now();
  const deadlines = deadlinesOf(t);
  const visible = rows.filter((r) => r.report_id && r.finance_since);
  const visibleIds = visible.map((r) => r.report_id!);
  const reportIds = rows.flatMap((r) => (r.report_id ? [r.report_id] : []));
  const [stats, waivers, open, sampled, reviews, copies] = await Promise.all([
    statsFor(deps, visible.map((r) => ({ id: r.report_id!, version: r.version! }))),
    latestWaiverCounts(db, visibleIds),
    openItemCounts(db, t.bureau_id, rows.map((r) => r.department_id)),
    sampledReportIds(db, reportIds),
    rescoreTotals(db, visibleIds),
    copyCounts(db, t.id),
  ]);
  const items = rows.map((r): BoardItem => {
    const report = r.report_id ? { status: r.status as ReportStatus, version: r.version!, untouched: r.version === 1 && r.created_by === t.issued_by } : null;
    const timing = rosterTiming({ departmentId: r.department_id, report, extendedDue: r.extended_due }, deadlines, now);
    const canOpen = !!(r.report_id && r.finance_since);
    const s = r.report_id ? stats.get(r.report_id) : undefined;
    const c = r.report_id ? copies.get(r.report_id) : undefined;
    return {
      departmentId: r.department_id, departmentName: r.department_name, budgetCode: r.budget_code, sectionId: r.section_id, sectionName: r.section_name,
      reportId: r.report_id, projectName: t.kind === 'project' && r.report_id ? (r.project_name ?? '') : null, canOpen, ...timing, stateLabel: ROSTER_STATE_LABEL[timing.state], daysLeftText: timing.due ? daysLeftText(timing.daysLeft) : '—',
      extendedDue: r.extended_due, extensionReason: r.extension_reason,
      lastActivity: report && !report.untouched ? r.updated_at : null,
      selfScore: canOpen ? r.self_score : null, grade: canOpen ? r.grade || null : null,
      errors: s?.errors ?? null, warnings: s?.warnings ?? null, waivers: canOpen ? (waivers.get(r.report_id!) ?? 0) : null,
      openRectifications: open.get(r.department_id) ?? 0,
      sampled: !!r.report_id && sampled.has(r.report_id),
      reviewScore: r.report_id ? (reviews.get(r.report_id)?.total ?? null) : null,
      copyFlags: c?.passages ?? 0, wrongDepartment: c?.wrongDepartment ?? false,
    };
  });
  return { task: taskView(t), generatedAt: now.toISOString(), summary: rosterSummary(items), items };
}
