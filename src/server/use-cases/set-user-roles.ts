// 授予/撤销角色 (security administrator only, DB-AC-5). Takes effect on the user's next request.
import { checkRoleSet } from '../../core/workflow/duties';
import type { Role } from '../../core/workflow/index';
import type { Actor } from '../auth/actor';
import { AppError, forbidden, notFound } from '../errors';
import { nowIso, type Deps } from '../deps';
import { findUserById, setUserRoles, updateUser } from '../repositories/users';
import { by, inTransaction } from './shared';
import { resolveAttachments } from './user-attachments';
import { userView, type UserView } from './user-view';

export interface SetRolesOptions {
  actor: Actor;
  userId: string;
  roles: Role[];
  departmentId?: string | null;
  sectionId?: string | null;
}

export async function setRoles(deps: Deps, o: SetRolesOptions): Promise<UserView> {
  if (o.actor.kind !== 'secadmin') throw forbidden('只有安全管理员可以授予或撤销角色');
  const db = deps.db.kysely;
  const user = await findUserById(db, o.userId);
  if (!user) throw notFound('用户');
  if (user.kind !== 'business') throw new AppError('VALIDATION', '三员账户不能拥有业务角色');
  const roles = [...new Set(o.roles)].sort();
  const separation = checkRoleSet(user.kind, roles);
  if (!separation.ok) throw new AppError('SEPARATION_OF_DUTIES', separation.message);
  const a = await resolveAttachments(db, user.kind, roles, {
    bureauId: user.bureau_id,
    departmentId: o.departmentId === undefined ? user.department_id : o.departmentId,
    sectionId: o.sectionId === undefined ? user.section_id : o.sectionId,
  });
  await inTransaction(deps, async (trx, audit) => {
    await setUserRoles(trx, user.id, roles);
    await updateUser(trx, user.id, { bureau_id: a.bureauId, department_id: a.departmentId, section_id: a.sectionId, updated_at: nowIso(deps.clock) });
    await audit({ ...by(o.actor), event: 'role_change', objectType: 'user', objectId: user.id, detail: { before: user.roles, after: roles, departmentId: a.departmentId, sectionId: a.sectionId } });
  });
  return userView((await findUserById(db, user.id))!);
}
