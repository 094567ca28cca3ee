// 下达整改通知: from findings, the 复核 or a 中/差 grade, the bureau sends a department a notice with items
// (problem, requirement, due date, responsible unit). 绩效管理科 for any department of the bureau, an
// 归口科室 for its own. The items come back in the department's 待办, on the board, and in next year's
// draft as 上年问题整改情况.
import { isDate } from '../../core/bureau/deadline';
import type { Actor } from '../auth/actor';
import type { RectificationNoticeTable } from '../db/schema-bureau';
import { nowIso, type Deps } from '../deps';
import { AppError, forbidden } from '../errors';
import { findDepartment } from '../repositories/org';
import { findReport } from '../repositories/reports';
import { insertNotice } from '../repositories/rectifications';
import { findTask } from '../repositories/tasks';
import { isFinanceOver, noticeViews, type NoticeView } from './rectification-shared';
import { by, inTransaction } from './shared';

export interface IssueRectificationOptions {
  actor: Actor;
  departmentId: string;
  reportId?: string | null;
  taskId?: string | null;
  year?: number;
  title?: string;
  basis: RectificationNoticeTable['basis'];
  items: Array<{ problem: string; requirement: string; dueDate?: string | null; responsible?: string }>;
}

export async function issueRectification(deps: Deps, o: IssueRectificationOptions): Promise<NoticeView> {
  const db = deps.db.kysely;
  const department = await findDepartment(db, o.departmentId);
  if (!department || !isFinanceOver(o.actor, department)) throw forbidden('只能向本局（本科室归口）的部门下达整改通知');
  const report = o.reportId ? await findReport(db, o.reportId) : undefined;
  if (o.reportId && (!report || report.department_id !== department.id || !report.finance_since)) throw new AppError('VALIDATION', '所依据的报告不属于该部门或尚未报送财政');
  const task = o.taskId ? await findTask(db, o.taskId) : undefined;
  if (o.taskId && (!task || task.bureau_id !== department.bureau_id)) throw new AppError('VALIDATION', '所依据的任务不存在');
  const year = o.year ?? report?.year ?? task?.year;
  if (year == null || !Number.isInteger(year)) throw new AppError('VALIDATION', '请指明问题所属的评价年度');
  if (!o.items.length) throw new AppError('VALIDATION', '整改通知至少要有一项问题');
  o.items.forEach((x, i) => {
    if (!x.problem.trim()) throw new AppError('VALIDATION', `第${i + 1}项：请写明问题`);
    if (!x.requirement.trim()) throw new AppError('VALIDATION', `第${i + 1}项：请写明整改要求`);
    if (x.dueDate && !isDate(x.dueDate)) throw new AppError('VALIDATION', `第${i + 1}项：整改期限“${x.dueDate}”不是有效日期`);
  });
  const at = nowIso(deps.clock);
  const notice: RectificationNoticeTable = {
    id: deps.random.uuid(), bureau_id: department.bureau_id, department_id: department.id, report_id: report?.id ?? null, task_id: task?.id ?? report?.task_id ?? null,
    year, title: o.title?.trim() || `关于${department.name}${year}年度绩效自评问题的整改通知`, basis: o.basis, status: 'open', issued_by: o.actor.id, issued_at: at, closed_at: null,
  };
  const items = o.items.map((x, i) => ({
    id: deps.random.uuid(), notice_id: notice.id, seq: i + 1, problem: x.problem.trim(), requirement: x.requirement.trim(), due_date: x.dueDate || null,
    responsible: x.responsible?.trim() || department.name, status: 'open' as const, answer: '', answered_by: null, answered_at: null, review_note: '', reviewed_by: null, reviewed_at: null, version: 1,
  }));
  await inTransaction(deps, async (trx, audit) => {
    await insertNotice(trx, notice, items);
    await audit({ ...by(o.actor), event: 'rectification_issue', objectType: 'rectification', objectId: notice.id, detail: { departmentId: department.id, reportId: notice.report_id, year, basis: o.basis, items: items.length } });
  });
  return (await noticeViews(db, [notice], new Map([[department.id, department.name]])))[0]!;
}
