// 修改密码: needs the current password (ASVS 6.2.3), claimed like a login attempt; the new one must pass
// the policy and differ from the old; an administrator-set password stops having to be changed; other
// sessions of the user are revoked. A failed attempt is a security event.
import { passwordProblems } from '../auth/password';
import { recordSecurityEvent } from '../audit/security-events';
import { AppError } from '../errors';
import { nowIso, type Deps } from '../deps';
import { deleteUserSessions } from '../repositories/sessions';
import { updateUser } from '../repositories/users';
import type { Authenticated } from './authenticate';
import { reauthenticate } from './reauthenticate';
import { by, inTransaction } from './shared';

export async function changePassword(deps: Deps, o: { auth: Authenticated; currentPassword: string; newPassword: string }): Promise<void> {
  const { actor, tokenHash } = o.auth;
  const user = await reauthenticate(deps, actor, o.currentPassword, 'password_change_failed');
  const problems = passwordProblems(o.newPassword, deps.config.password, user.username);
  if (o.newPassword === o.currentPassword) problems.push('新密码不能与当前密码相同');
  if (problems.length > 0) {
    await recordSecurityEvent(deps, { ...by(actor), event: 'password_change_failed', objectType: 'user', objectId: actor.id, detail: { reason: 'policy' } }, `user:${actor.id}`);
    throw new AppError('VALIDATION', problems.join('；'));
  }
  const hash = await deps.passwords.hash(o.newPassword);
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx, audit) => {
    await updateUser(trx, user.id, { password_hash: hash, password_changed_at: at, password_must_change: 0, updated_at: at });
    const ended = await deleteUserSessions(trx, user.id, { except: tokenHash });
    await audit({ ...by(actor), event: 'password_change', objectType: 'user', objectId: user.id, detail: { endedSessions: ended } });
  });
}
