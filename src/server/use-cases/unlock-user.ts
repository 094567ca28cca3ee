// 解除锁定 (security administrator): ends a login lockout before it runs out, for a user who called in
// (security.md DB-AUTH-2: locked "until an admin unlocks it"). The lock by address stays: it guards
// against guessing from one place, not one account.
import type { Actor } from '../auth/actor';
import { forbidden, notFound } from '../errors';
import type { Deps } from '../deps';
import { clearThrottle } from '../repositories/throttle';
import { findUserById } from '../repositories/users';
import { by, inTransaction } from './shared';
import { accountLocks, userView, type UserView } from './user-view';

export async function unlockUser(deps: Deps, o: { actor: Actor; userId: string }): Promise<UserView> {
  if (o.actor.kind !== 'secadmin') throw forbidden('只有安全管理员可以解除账户锁定');
  const user = await findUserById(deps.db.kysely, o.userId);
  if (!user) throw notFound('用户');
  const locked = (await accountLocks(deps, [user.username])).get(user.username) ?? null;
  await inTransaction(deps, async (trx, audit) => {
    await clearThrottle(trx, `user:${user.username}`);
    await audit({ ...by(o.actor), event: 'account_unlock', objectType: 'user', objectId: user.id, detail: { username: user.username, lockedUntil: locked } });
  });
  return userView(user, null);
}
