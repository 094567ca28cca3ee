// 停用/启用账户 (system administrator). Disabling revokes every session of the account at once
// (ASVS 7.4.2); enabling also clears a lockout. The system administrator cannot disable the security or
// audit administrator (三员 keep each other in check); the deployer can, from the CLI.
import type { Actor } from '../auth/actor';
import { forbidden, notFound } from '../errors';
import { nowIso, type Deps } from '../deps';
import { deleteUserSessions } from '../repositories/sessions';
import { clearThrottle } from '../repositories/throttle';
import { findUserById, updateUser, type UserWithRoles } from '../repositories/users';
import { by, inTransaction } from './shared';
import { userView, type UserView } from './user-view';

export async function setUserDisabled(deps: Deps, o: { actor: Actor | null; userId: string; disabled: boolean }): Promise<UserView> {
  if (o.actor && o.actor.kind !== 'sysadmin') throw forbidden('只有系统管理员可以停用或启用账户');
  if (o.actor && o.actor.id === o.userId) throw forbidden('不能停用自己的账户');
  const db = deps.db.kysely;
  const user = await findUserById(db, o.userId);
  if (!user) throw notFound('用户');
  assertMayManage(o.actor, user);
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx, audit) => {
    await updateUser(trx, user.id, { disabled: o.disabled ? 1 : 0, updated_at: at });
    if (!o.disabled) await clearThrottle(trx, `user:${user.username}`);
    const revoked = o.disabled ? await deleteUserSessions(trx, user.id) : 0;
    const actor = o.actor ? by(o.actor) : { actorUsername: 'cli' };
    await audit({ ...actor, event: o.disabled ? 'user_disable' : 'user_enable', objectType: 'user', objectId: user.id, detail: { username: user.username, revokedSessions: revoked } });
  });
  return userView((await findUserById(db, user.id))!);
}

/** The system administrator manages business accounts and itself, never the security or audit administrator. */
export function assertMayManage(actor: Actor | null, target: Pick<UserWithRoles, 'kind'>): void {
  if (actor?.kind === 'sysadmin' && (target.kind === 'secadmin' || target.kind === 'auditor'))
    throw forbidden('系统管理员不能停用或修改安全管理员、审计管理员的账户（三员相互制约），请由部署人员通过命令行操作');
}
