// 整改通知列表 and one notice: a department sees the notices addressed to it, an 归口科室 those of its
// departments, 绩效管理科 the bureau's (filtered by task, department, year, status).
import { isDepartmentMember } from '../auth/access';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { forbidden } from '../errors';
import { listNotices, type NoticeFilter } from '../repositories/rectifications';
import { financeScope } from './bureau-shared';
import { loadNotice, noticeViews, type NoticeView } from './rectification-shared';

export interface ListRectificationsOptions {
  actor: Actor;
  taskId?: string;
  departmentId?: string;
  year?: number;
  status?: 'open' | 'closed';
}

export async function listRectifications(deps: Deps, o: ListRectificationsOptions): Promise<NoticeView[]> {
  if (o.actor.kind !== 'business') throw forbidden('系统管理员、安全管理员和审计管理员不能查看整改通知');
  const filter: NoticeFilter = { bureauId: o.actor.bureauId ?? '', taskId: o.taskId, year: o.year, status: o.status, departmentId: o.departmentId };
  const finance = o.actor.roles.some((r) => r === 'reviewer' || r === 'perf_admin');
  if (finance) filter.sectionId = financeScope(o.actor).sectionId ?? undefined;
  else {
    if (!o.actor.departmentId || !isDepartmentMember(o.actor, { department_id: o.actor.departmentId })) throw forbidden('当前角色不能查看整改通知');
    filter.departmentId = o.actor.departmentId;
  }
  return noticeViews(deps.db.kysely, await listNotices(deps.db.kysely, filter));
}

export async function getRectification(deps: Deps, o: { actor: Actor; id: string }): Promise<NoticeView> {
  const { notice, department, side } = await loadNotice(deps, o.actor, o.id);
  const [view] = await noticeViews(deps.db.kysely, [notice], new Map([[department.id, department.name]]));
  return { ...view!, side };
}
