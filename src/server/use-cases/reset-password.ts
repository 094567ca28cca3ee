// 重置密码 (security administrator, who also manages roles, lockouts and second factors: issue 11 §4): a
// temporary password for a business account that lost its own or is locked out. It must be changed at the
// next login and expires unused (ASVS 6.4.1); the account's sessions end and its lockout clears. The 三员
// accounts are out of reach here (the deployer resets them from the CLI), so no administrator can take
// over another's account.
import type { Actor } from '../auth/actor';
import { passwordProblems } from '../auth/password';
import { AppError, forbidden, notFound } from '../errors';
import { nowIso, type Deps } from '../deps';
import { deleteUserSessions } from '../repositories/sessions';
import { clearThrottle } from '../repositories/throttle';
import { findUserById, updateUser } from '../repositories/users';
import { by, inTransaction } from './shared';
import { userView, type UserView } from './user-view';

export async function resetPassword(deps: Deps, o: { actor: Actor | null; userId: string; password: string }): Promise<UserView> {
  if (o.actor && o.actor.kind !== 'secadmin') throw forbidden('只有安全管理员可以重置密码');
  if (o.actor && o.actor.id === o.userId) throw forbidden('请在“修改密码”中修改自己的密码');
  const user = await findUserById(deps.db.kysely, o.userId);
  if (!user) throw notFound('用户');
  if (o.actor && user.kind !== 'business') throw forbidden('三员账户的密码不能在这里重置，请由部署人员通过命令行操作');
  const problems = passwordProblems(o.password, deps.config.password, user.username);
  if (problems.length > 0) throw new AppError('VALIDATION', problems.join('；'));
  const hash = await deps.passwords.hash(o.password);
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx, audit) => {
    await updateUser(trx, user.id, { password_hash: hash, password_changed_at: at, password_must_change: 1, updated_at: at });
    const ended = await deleteUserSessions(trx, user.id);
    await clearThrottle(trx, `user:${user.username}`);
    await audit({ ...(o.actor ? by(o.actor) : { actorUsername: 'cli' }), event: 'password_reset', objectType: 'user', objectId: user.id, detail: { username: user.username, endedSessions: ended } });
  });
  return userView((await findUserById(deps.db.kysely, user.id))!);
}
