// 待办 and deadline warnings for the bell, for every business role: what this user must act on now
// (fill and submit, answer a return, sign, approve, review, re-score, rectify, accept a 整改 answer,
// publish, issue a task) and the deadlines that are near or past. Computed on each call from the data,
// so every app server gives the same answer. 三员 have no business 待办.
import { bureauDate, daysLeft, daysLeftText, deadlineState, WARN_DAYS } from '../../core/bureau/deadline';
import { stageOf, rosterState } from '../../core/bureau/roster';
import type { ReportStatus } from '../../core/workflow/index';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { sampledReportIds } from '../repositories/samples';
import { tasksOfDepartment } from '../repositories/tasks';
import { openDisputes } from './accept-check';

export interface InboxItem {
  kind: 'fill' | 'answer_return' | 'sign' | 'approve' | 'review' | 'rescore' | 'reply_dispute' | 'rectify' | 'accept_rectification' | 'publish' | 'issue_task' | 'deadline';
  title: string;
  detail: string;
  /** reports = the report list (to create or import one) */
  link: { type: 'report' | 'reports' | 'rectification' | 'task'; id: string };
  due?: string | null;
  daysLeft?: number | null;
  level?: 'overdue' | 'dueSoon';
}

export interface Inbox {
  todo: InboxItem[];
  warnings: InboxItem[];
}

type Row = { id: string; department_id: string; department_name: string; year: number | null; status: string; version: number; task_id: string | null; created_by: string };

export async function getInbox(deps: Deps, o: { actor: Actor }): Promise<Inbox> {
  const a = o.actor;
  const inbox: Inbox = { todo: [], warnings: [] };
  if (a.kind !== 'business' || !a.roles.length) return inbox;
  const db = deps.db.kysely;
  const now = deps.clock.now();
  const has = (r: string) => a.roles.includes(r as never);
  const reportRows = (q: ReturnType<typeof base>) => q.execute() as Promise<Row[]>;
  const base = () => db.selectFrom('reports as r').innerJoin('departments as d', 'd.id', 'r.department_id').select(['r.id', 'r.department_id', 'r.department_name', 'r.year', 'r.status', 'r.version', 'r.task_id', 'r.created_by']);
  const label = (r: Row) => `${r.year ?? ''}年度 ${r.department_name}`;
  const push = (i: InboxItem) => inbox.todo.push(i);

  if (a.departmentId && a.roles.some((r) => ['preparer', 'evaluator', 'leader', 'head'].includes(r))) {
    const mine = await reportRows(base().where('r.department_id', '=', a.departmentId).where('r.status', 'in', ['draft', 'returned', 'dept_review']));
    // a signature counts for the version it was given on: a later save makes it a 待办 again
    const signed = new Set(
      mine.length ? (await db.selectFrom('signatures').select(['report_id', 'version']).where('user_id', '=', a.id).where('report_id', 'in', mine.map((r) => r.id)).execute()).map((x) => `${x.report_id}@${x.version}`) : [],
    );
    for (const r of mine) {
      if (has('preparer') && r.status === 'draft') push({ kind: 'fill', title: `填报并提交：${label(r)}`, detail: '草稿尚未提交部门审核', link: { type: 'report', id: r.id } });
      if (has('preparer') && r.status === 'returned') push({ kind: 'answer_return', title: `回应退回意见：${label(r)}`, detail: '报告已被退回，请逐条回应（同意或提出异议）并修改后重新提交', link: { type: 'report', id: r.id } });
      if ((has('evaluator') || has('leader')) && r.status !== 'returned' && !signed.has(`${r.id}@${r.version}`)) push({ kind: 'sign', title: `评价组签署：${label(r)}`, detail: '请评价组成员及组长确认评分并签署', link: { type: 'report', id: r.id } });
      if (has('head') && r.status === 'dept_review') push({ kind: 'approve', title: `签署部门意见并报送财政：${label(r)}`, detail: '等待部门（单位）负责人审核', link: { type: 'report', id: r.id } });
    }
    if (has('preparer') || has('head')) {
      const items = await db.selectFrom('rectification_items as i').innerJoin('rectification_notices as n', 'n.id', 'i.notice_id')
        .select(['n.id as notice_id', 'n.title', 'i.seq', 'i.problem', 'i.due_date', 'i.status']).where('n.department_id', '=', a.departmentId).where('i.status', 'in', ['open', 'reopened']).orderBy('i.due_date').execute();
      for (const i of items) {
        const days = i.due_date ? daysLeft(i.due_date, now) : null;
        push({ kind: 'rectify', title: `整改反馈：${i.title}`, detail: `第${i.seq}项“${i.problem}”${i.status === 'reopened' ? '（已退回重改）' : ''}`, link: { type: 'rectification', id: i.notice_id }, due: i.due_date, daysLeft: days, level: level(days) });
      }
    }
    // the department's deadline: each issued task covering it with a report still with the department (a
    // 项目支出 task: any of its project tables), or none yet
    for (const t of await tasksOfDepartment(db, a.departmentId)) {
      const rows = await db.selectFrom('reports').select(['id', 'status', 'version', 'created_by']).where('task_id', '=', t.id).where('department_id', '=', a.departmentId).orderBy('created_at').execute();
      const open = rows.filter((x) => stageOf(rosterState({ status: x.status as ReportStatus, version: x.version, untouched: x.version === 1 && x.created_by === t.issued_by })) === 'department');
      if (rows.length && !open.length) continue;
      const r = open[0];
      if (!r && has('preparer'))
        push({ kind: 'fill', title: `新建或导入报告：${t.title}`, detail: t.kind === 'project' ? '本部门还没有本年度任务的项目支出绩效自评表（每个项目新建或导入一份）' : '本部门还没有本年度任务的报告', link: { type: 'reports', id: '' } });
      const due = t.extended_due ?? t.self_eval_due;
      const days = daysLeft(due, now);
      const lv = level(days);
      if (lv) inbox.warnings.push({ kind: 'deadline', title: `${t.title}：${daysLeftText(days)}`, detail: `报送截止日 ${due}${t.extended_due ? '（已延期）' : ''}`, link: r ? { type: 'report', id: r.id } : { type: 'task', id: t.id }, due, daysLeft: days, level: lv });
    }
  }

  const finance = a.bureauId && (has('perf_admin') || (has('reviewer') && a.sectionId));
  if (finance) {
    const scoped = () => {
      let q = base().where('r.bureau_id', '=', a.bureauId!);
      if (!has('perf_admin')) q = q.where('d.section_id', '=', a.sectionId!);
      return q;
    };
    const inFinance = await reportRows(scoped().where('r.status', 'in', ['submitted', 'finance_review', 'accepted']));
    const sampled = await sampledReportIds(db, inFinance.map((r) => r.id));
    const rescored = new Set((inFinance.length ? await db.selectFrom('rescores').select('report_id').where('report_id', 'in', inFinance.map((r) => r.id)).where('total', 'is not', null).execute() : []).map((x) => x.report_id));
    for (const r of inFinance) {
      if (has('reviewer') && r.status === 'submitted') push({ kind: 'review', title: `审核：${label(r)}`, detail: '部门已报送，待开始审核', link: { type: 'report', id: r.id } });
      if (has('reviewer') && r.status === 'finance_review') push({ kind: 'review', title: `完成审核：${label(r)}`, detail: '审核中，待通过或退回', link: { type: 'report', id: r.id } });
      if (sampled.has(r.id) && !rescored.has(r.id)) push({ kind: 'rescore', title: `抽查复核：${label(r)}`, detail: '已被抽中，复核评分尚未完成', link: { type: 'report', id: r.id } });
      if (has('perf_admin') && r.status === 'accepted') push({ kind: 'publish', title: `公开：${label(r)}`, detail: '已审核通过，待公开', link: { type: 'report', id: r.id } });
    }
    for (const r of await reportRows(scoped().where('r.status', 'in', ['returned', 'dept_review', 'submitted', 'finance_review'])))
      if ((await openDisputes(db, r.id)) > 0) push({ kind: 'reply_dispute', title: `答复异议：${label(r)}`, detail: '部门对退回意见提出了异议', link: { type: 'report', id: r.id } });
    let answered = db.selectFrom('rectification_items as i').innerJoin('rectification_notices as n', 'n.id', 'i.notice_id').innerJoin('departments as d', 'd.id', 'n.department_id')
      .select(['n.id as notice_id', 'n.title', 'i.seq', 'i.problem']).where('n.bureau_id', '=', a.bureauId!).where('i.status', '=', 'answered');
    if (!has('perf_admin')) answered = answered.where('d.section_id', '=', a.sectionId!);
    for (const i of await answered.execute()) push({ kind: 'accept_rectification', title: `整改销号：${i.title}`, detail: `第${i.seq}项“${i.problem}”已反馈，待销号或退回重改`, link: { type: 'rectification', id: i.notice_id } });
    const tasks = await db.selectFrom('tasks').selectAll().where('bureau_id', '=', a.bureauId!).where('status', 'in', ['draft', 'issued']).execute();
    for (const t of tasks) {
      if (t.status === 'draft') {
        if (has('perf_admin')) push({ kind: 'issue_task', title: `下达任务：${t.title}`, detail: '任务尚未下达，各部门还没有草稿', link: { type: 'task', id: t.id } });
        continue;
      }
      const days = daysLeft(t.finance_review_due, now);
      const waiting = inFinance.filter((r) => r.task_id === t.id && (r.status === 'submitted' || r.status === 'finance_review')).length;
      if (waiting && level(days)) inbox.warnings.push({ kind: 'deadline', title: `${t.title}：财政审核${daysLeftText(days)}`, detail: `还有 ${waiting} 份报告待审核，截止日 ${t.finance_review_due}`, link: { type: 'task', id: t.id }, due: t.finance_review_due, daysLeft: days, level: level(days) });
      const selfDays = daysLeft(t.self_eval_due, now);
      if (has('perf_admin') && selfDays < 0) {
        const missing = await db.selectFrom('task_departments as td').leftJoin('reports as r', (j) => j.onRef('r.task_id', '=', 'td.task_id').onRef('r.department_id', '=', 'td.department_id'))
          // departments, not lines: a 项目支出 task's department may have several tables out
          .select((eb) => eb.fn.count<number>('td.department_id').distinct().as('n')).where('td.task_id', '=', t.id)
          .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.status', 'in', ['draft', 'dept_review', 'returned'])]))
          .where((eb) => eb.or([eb('td.extended_due', 'is', null), eb('td.extended_due', '<', bureauDate(now))]))
          .executeTakeFirst();
        const n = Number(missing?.n ?? 0);
        if (n) inbox.warnings.push({ kind: 'deadline', title: `${t.title}：${n} 个部门逾期未报送`, detail: `报送截止日 ${t.self_eval_due}，已过 ${-selfDays} 天`, link: { type: 'task', id: t.id }, due: t.self_eval_due, daysLeft: selfDays, level: 'overdue' });
      }
    }
  }
  return inbox;
}

function level(days: number | null): InboxItem['level'] {
  const s = deadlineState(days, WARN_DAYS);
  return s === 'overdue' || s === 'dueSoon' ? s : undefined;
}
