// 停用 / 重置动态验证码. A user may turn off an optional second factor (with the current password); where
// the policy requires one, only the security administrator can reset it (a lost phone), which also ends
// the user's sessions: the next login sets a new one up.
import type { Actor } from '../auth/actor';
import { secondFactorRequired } from '../auth/second-factor';
import { AppError, forbidden, notFound } from '../errors';
import type { Deps } from '../deps';
import { deleteUserSessions } from '../repositories/sessions';
import { findUserById, updateUser } from '../repositories/users';
import type { Authenticated } from './authenticate';
import { reauthenticate } from './reauthenticate';
import { by, inTransaction } from './shared';
import { userView, type UserView } from './user-view';

const cleared = { totp_secret: null, totp_enabled_at: null, totp_last_step: null };

export async function disableSecondFactor(deps: Deps, o: { auth: Authenticated; password: string }): Promise<void> {
  const { actor } = o.auth;
  if (!o.auth.totpEnabled) throw new AppError('INVALID_STATE', '尚未启用动态验证码');
  if (secondFactorRequired(deps.config, actor)) throw forbidden('您的账户必须使用双因素认证，不能停用；更换手机请联系安全管理员重置');
  await reauthenticate(deps, actor, o.password, 'second_factor_reauth_failed');
  await inTransaction(deps, async (trx, audit) => {
    await updateUser(trx, actor.id, { ...cleared, updated_at: deps.clock.now().toISOString() });
    await trx.deleteFrom('recovery_codes').where('user_id', '=', actor.id).execute();
    await audit({ ...by(actor), event: 'second_factor_disabled', objectType: 'user', objectId: actor.id });
  });
}

export async function resetSecondFactor(deps: Deps, o: { actor: Actor; userId: string }): Promise<UserView> {
  if (o.actor.kind !== 'secadmin') throw forbidden('只有安全管理员可以重置他人的双因素认证');
  const user = await findUserById(deps.db.kysely, o.userId);
  if (!user) throw notFound('用户');
  await inTransaction(deps, async (trx, audit) => {
    await updateUser(trx, user.id, { ...cleared, updated_at: deps.clock.now().toISOString() });
    await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
    const ended = await deleteUserSessions(trx, user.id);
    await audit({ ...by(o.actor), event: 'second_factor_reset', objectType: 'user', objectId: user.id, detail: { username: user.username, endedSessions: ended } });
  });
  return userView((await findUserById(deps.db.kysely, user.id))!);
}
