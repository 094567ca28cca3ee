// 停用/启用账户 (system administrator). Disabling revokes every session of the account at once
// (ASVS 7.4.2); enabling also clears a lockout.
import type { Actor } from '../auth/actor';
import { forbidden, notFound } from '../errors';
import { nowIso, type Deps } from '../deps';
import { deleteUserSessions } from '../repositories/sessions';
import { findUserById, updateUser } from '../repositories/users';
import { by, inTransaction } from './shared';
import { userView, type UserView } from './user-view';

export async function setUserDisabled(deps: Deps, o: { actor: Actor | null; userId: string; disabled: boolean }): Promise<UserView> {
  if (o.actor && o.actor.kind !== 'sysadmin') throw forbidden('只有系统管理员可以停用或启用账户');
  if (o.actor && o.actor.id === o.userId) throw forbidden('不能停用自己的账户');
  const db = deps.db.kysely;
  const user = await findUserById(db, o.userId);
  if (!user) throw notFound('用户');
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx, audit) => {
    await updateUser(trx, user.id, o.disabled ? { disabled: 1, updated_at: at } : { disabled: 0, failed_count: 0, locked_until: null, updated_at: at });
    const revoked = o.disabled ? await deleteUserSessions(trx, user.id) : 0;
    const actor = o.actor ? by(o.actor) : { actorUsername: 'cli' };
    await audit({ ...actor, event: o.disabled ? 'user_disable' : 'user_enable', objectType: 'user', objectId: user.id, detail: { username: user.username, revokedSessions: revoked } });
  });
  return userView((await findUserById(db, user.id))!);
}
