// 延期: a later 报送 date for one department of a task, with a reason; clearing it (due null) returns the
// department to the task's own deadline. Audited with the dates before and after.
import { daysBetween, isDate } from '../../core/bureau/deadline';
import { nowIso, type Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { findTaskDepartment, setExtension } from '../repositories/tasks';
import { assertPerfAdmin, auditBy, loadTask, type BureauActor } from './bureau-shared';
import { inTransaction } from './shared';

export interface ExtendOptions {
  actor: BureauActor;
  taskId: string;
  departmentId: string;
  due: string | null;
  reason: string;
}

export async function extendDeadline(deps: Deps, o: ExtendOptions): Promise<{ departmentId: string; extendedDue: string | null; reason: string | null }> {
  const t = await loadTask(deps, o.actor, o.taskId);
  assertPerfAdmin(o.actor, t.bureau_id);
  if (t.status !== 'issued') throw new AppError('INVALID_STATE', '只有已下达的任务可以延期');
  const reason = o.reason.trim();
  if (!reason) throw new AppError('VALIDATION', '延期须填写理由');
  if (o.due !== null) {
    if (!isDate(o.due)) throw new AppError('VALIDATION', `延期日期“${o.due}”不是有效日期（格式 YYYY-MM-DD）`);
    if (daysBetween(t.self_eval_due, o.due) <= 0) throw new AppError('VALIDATION', `延期日期须晚于任务的报送截止日（${t.self_eval_due}）`);
  }
  return inTransaction(deps, async (trx, audit) => {
    const td = await findTaskDepartment(trx, t.id, o.departmentId);
    if (!td) throw notFound('任务中的部门');
    await setExtension(trx, t.id, o.departmentId, o.due, o.due === null ? null : reason);
    await audit({ ...auditBy(o.actor), event: 'task_extend', objectType: 'task', objectId: t.id, detail: { departmentId: o.departmentId, before: td.extended_due, after: o.due, reason, at: nowIso(deps.clock) } });
    return { departmentId: o.departmentId, extendedDue: o.due, reason: o.due === null ? null : reason };
  });
}
