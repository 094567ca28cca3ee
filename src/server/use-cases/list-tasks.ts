// 任务列表: the tasks of the user's bureau with their roster summary (an 归口科室 counts its own departments).
import { rosterSummary, rosterTiming } from '../../core/bureau/roster';
import type { ReportStatus } from '../../core/workflow/index';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { boardRows, listTasks as tasksOf } from '../repositories/tasks';
import { deadlinesOf, financeScope, taskView, type BureauActor, type TaskView } from './bureau-shared';

export interface TaskListItem extends TaskView {
  summary: ReturnType<typeof rosterSummary>;
}

export async function listTasks(deps: Deps, o: { actor: BureauActor; bureauId?: string }): Promise<TaskListItem[]> {
  const scope = o.actor ? financeScope(o.actor) : null;
  const bureauId = scope?.bureauId ?? o.bureauId;
  if (!bureauId) throw new AppError('VALIDATION', '请指定财政局');
  const now = deps.clock.now();
  const tasks = await tasksOf(deps.db.kysely, bureauId);
  return Promise.all(
    tasks.map(async (t) => {
      const rows = await boardRows(deps.db.kysely, t.id, scope?.sectionId ?? null);
      const timings = rows.map((r) => ({
        departmentId: r.department_id, reportId: r.report_id,
        ...rosterTiming({ departmentId: r.department_id, extendedDue: r.extended_due, report: r.report_id ? { status: r.status as ReportStatus, version: r.version!, untouched: r.version === 1 && r.created_by === t.issued_by } : null }, deadlinesOf(t), now),
      }));
      return { ...taskView(t), summary: rosterSummary(timings) };
    }),
  );
}
