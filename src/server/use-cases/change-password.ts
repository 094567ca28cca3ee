// 修改密码: needs the current password (ASVS 6.2.3); other sessions of the user are revoked.
import type { Actor } from '../auth/actor';
import { passwordProblems } from '../auth/password';
import { AppError } from '../errors';
import { nowIso, type Deps } from '../deps';
import { findUserById, updateUser } from '../repositories/users';
import { by, inTransaction } from './shared';

export async function changePassword(
  deps: Deps,
  opts: { actor: Actor; tokenHash: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(deps.db.kysely, opts.actor.id);
  if (!user || !(await deps.passwords.verify(user.password_hash, opts.currentPassword)))
    throw new AppError('VALIDATION', '当前密码不正确');
  const problems = passwordProblems(opts.newPassword, deps.config.password, user.username);
  if (opts.newPassword === opts.currentPassword) problems.push('新密码不能与当前密码相同');
  if (problems.length > 0) throw new AppError('VALIDATION', problems.join('；'));
  const hash = await deps.passwords.hash(opts.newPassword);
  const at = nowIso(deps.clock);
  await inTransaction(deps, async (trx, audit) => {
    await updateUser(trx, user.id, { password_hash: hash, password_changed_at: at, updated_at: at });
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('token_hash', '!=', opts.tokenHash).execute();
    await audit({ ...by(opts.actor), event: 'password_change', objectType: 'user', objectId: user.id });
  });
}
