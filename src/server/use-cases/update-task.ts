// 修改任务: title, notice and deadlines at any time (deadlines are data the bureau may move, audited with
// before and after); the scope only while the task is a draft (after issuing, the roster is fixed).
import type { Deadlines } from '../../core/bureau/deadline';
import { nowIso, type Deps } from '../deps';
import { AppError } from '../errors';
import { findTask, updateTask as writeTask } from '../repositories/tasks';
import { assertPerfAdmin, auditBy, deadlinesOf, loadTask, staleTask, taskView, type BureauActor, type TaskScope, type TaskView } from './bureau-shared';
import { checkDeadlines, checkScope } from './create-task';
import { inTransaction } from './shared';

export interface UpdateTaskOptions {
  actor: BureauActor;
  id: string;
  ifMatch: number;
  title?: string;
  notice?: string;
  deadlines?: Deadlines;
  scope?: TaskScope;
}

export async function updateTask(deps: Deps, o: UpdateTaskOptions): Promise<TaskView> {
  const t = await loadTask(deps, o.actor, o.id);
  assertPerfAdmin(o.actor, t.bureau_id);
  if (t.version !== o.ifMatch) throw staleTask();
  if (o.scope && t.status !== 'draft') throw new AppError('INVALID_STATE', '任务已下达，不能再修改范围；如需增减部门请联系管理员');
  if (t.status === 'closed') throw new AppError('INVALID_STATE', '任务已结束，不能修改');
  if (o.deadlines) checkDeadlines(o.deadlines);
  const scope = o.scope ? await checkScope(deps, t.bureau_id, o.scope) : undefined;
  const at = nowIso(deps.clock);
  const set = {
    ...(o.title != null ? { title: o.title.trim() || t.title } : {}),
    ...(o.notice != null ? { notice: o.notice.trim() } : {}),
    ...(o.deadlines ? { self_eval_due: o.deadlines.selfEvalDue, finance_review_due: o.deadlines.financeReviewDue, publish_by: o.deadlines.publishBy } : {}),
    ...(scope ? { scope: JSON.stringify(scope) } : {}),
    updated_by: o.actor?.id ?? 'cli',
    updated_at: at,
  };
  await inTransaction(deps, async (trx, audit) => {
    if (!(await writeTask(trx, t.id, t.version, set))) throw staleTask();
    await audit({
      ...auditBy(o.actor), event: 'task_update', objectType: 'task', objectId: t.id,
      detail: { ...(o.deadlines ? { deadlinesBefore: deadlinesOf(t), deadlines: o.deadlines } : {}), ...(scope ? { scope } : {}), ...(o.title != null ? { title: set.title } : {}), ...(o.notice != null ? { notice: true } : {}) },
    });
  });
  return taskView((await findTask(deps.db.kysely, t.id))!);
}
