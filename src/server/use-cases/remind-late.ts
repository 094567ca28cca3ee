// 催报 (jixiao task remind): the departments past their deadline — late to report or resubmit — and the
// reports finance is late to review or publish, with the people each reminder is for. Printing is the
// caller's; sending goes through Deps.reminders when one is configured, audited with what was sent. A
// 项目支出 task's board has a line per project: its department gets one reminder listing them.
import { ROSTER_STATE_LABEL } from '../../core/bureau/roster';
import { ROLE_LABEL, type Role } from '../../core/workflow/index';
import type { Deps } from '../deps';
import type { Reminder, ReminderRecipient } from '../notify';
import { assertPerfAdmin, auditBy, type BureauActor } from './bureau-shared';
import { inTransaction } from './shared';
import { taskBoard } from './task-board';

export interface RemindResult {
  taskTitle: string;
  late: Reminder[];
  /** null: no sender configured (only printed) */
  sent: number | null;
  sender: string | null;
}

async function recipients(db: Deps['db']['kysely'], where: { departmentId?: string; sectionId?: string | null }, roles: readonly Role[]): Promise<ReminderRecipient[]> {
  let q = db.selectFrom('users as u').innerJoin('user_roles as r', 'r.user_id', 'u.id').select(['u.id', 'u.display_name', 'r.role']).where('u.disabled', '=', 0).where('r.role', 'in', roles);
  if (where.departmentId) q = q.where('u.department_id', '=', where.departmentId);
  else if (where.sectionId) q = q.where('u.section_id', '=', where.sectionId);
  else return [];
  const rows = await q.orderBy('u.id').execute();
  return rows.map((r) => ({ userId: r.id, displayName: r.display_name, role: ROLE_LABEL[r.role as Role] }));
}

export async function remindLate(deps: Deps, o: { actor: BureauActor; taskId: string; send?: boolean }): Promise<RemindResult> {
  const board = await taskBoard(deps, { actor: o.actor, id: o.taskId });
  assertPerfAdmin(o.actor, board.task.bureauId);
  const db = deps.db.kysely;
  const late: Reminder[] = [];
  const project = board.task.kind === 'project';
  // one reminder per department and stage: a 部门整体 task has one line per department anyway
  const groups = new Map<string, Array<(typeof board.items)[number] & { due: string; daysLeft: number; stage: Reminder['stage'] }>>();
  for (const i of board.items) {
    if (!i.late || i.due == null || i.daysLeft == null || i.stage === 'done') continue;
    const key = project ? `${i.departmentId}\u0000${i.stage}` : `${groups.size}`;
    groups.set(key, [...(groups.get(key) ?? []), { ...i, due: i.due, daysLeft: i.daysLeft, stage: i.stage }]);
  }
  for (const lines of groups.values()) {
    const i = lines[0]!;
    const dept = i.stage === 'department';
    const who = dept ? await recipients(db, { departmentId: i.departmentId }, ['preparer', 'head']) : await recipients(db, { sectionId: i.sectionId }, ['reviewer']);
    const verb = i.stage === 'department' ? '报送' : i.stage === 'finance' ? '财政审核' : '公开';
    const daysLeft = Math.min(...lines.map((l) => l.daysLeft));
    const base = { taskId: board.task.id, departmentId: i.departmentId, departmentName: i.departmentName, stage: i.stage, due: i.due, daysLeft, recipients: who };
    if (!project) {
      const what = dept ? `${i.departmentName}的${board.task.year}年度绩效自评报告（${i.stateLabel}）` : `${i.departmentName}的报告（${ROSTER_STATE_LABEL[i.state]}）`;
      late.push({ ...base, text: `${what}已超过${verb}截止日（${i.due}）${-daysLeft} 天，请尽快办理。` });
      continue;
    }
    const projects = lines.filter((l) => l.reportId).map((l) => ({ reportId: l.reportId, projectName: l.projectName || '未填写项目名称', stateLabel: l.stateLabel }));
    const what = projects.length
      ? `${i.departmentName}的${board.task.year}年度项目支出绩效自评表${projects.map((p) => `“${p.projectName}”（${p.stateLabel}）`).join('、')}`
      : `${i.departmentName}的${board.task.year}年度项目支出绩效自评表（尚未新建或导入）`;
    late.push({ ...base, text: `${what}已超过${verb}截止日（${i.due}）${-daysLeft} 天，请尽快办理。`, projects });
  }
  const sender = deps.reminders ?? null;
  let sent: number | null = null;
  if (o.send && sender && late.length) sent = (await sender.send(late)).sent;
  await inTransaction(deps, (_trx, audit) =>
    audit({ ...auditBy(o.actor), event: 'task_remind', objectType: 'task', objectId: board.task.id, detail: { late: late.length, sender: sender?.name ?? null, sent } }),
  );
  return { taskTitle: board.task.title, late, sent, sender: sender?.name ?? null };
}
