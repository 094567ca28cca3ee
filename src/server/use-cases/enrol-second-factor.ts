// 绑定动态验证码: a new TOTP secret (sealed with the data key) is shown once as an otpauth:// URI; the
// first correct code confirms it, turns it on and returns ten recovery codes (shown once, kept as HMACs).
// Setting it up from a normal session needs the current password (ASVS 7.5.1); from the enrolment step
// right after a password login it does not.
import { newRecoveryCodes, newTotpSecret, totpUri, checkTotp, recoveryCodeHash } from '../auth/totp';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { setSessionStage } from '../repositories/sessions';
import { findUserById, updateUser } from '../repositories/users';
import type { Authenticated } from './authenticate';
import { reauthenticate } from './reauthenticate';
import { by, inTransaction } from './shared';

export async function startEnrolment(deps: Deps, o: { auth: Authenticated; password?: string }): Promise<{ secret: string; uri: string }> {
  const { actor } = o.auth;
  if (o.auth.totpEnabled) throw new AppError('CONFLICT', '已启用动态验证码；如需更换，请先停用再重新绑定');
  if (o.auth.stage === 'ok') await reauthenticate(deps, actor, o.password ?? '', 'second_factor_reauth_failed');
  const secret = newTotpSecret();
  await updateUser(deps.db.kysely, actor.id, { totp_secret: deps.crypto.seal(secret), totp_enabled_at: null, totp_last_step: null });
  return { secret, uri: totpUri(secret, deps.config.twoFactor.issuer, actor.username) };
}

export async function confirmEnrolment(deps: Deps, o: { auth: Authenticated; code: string }): Promise<{ recoveryCodes: string[] }> {
  const { actor, tokenHash } = o.auth;
  const user = await findUserById(deps.db.kysely, actor.id);
  if (!user?.totp_secret || user.totp_enabled_at) throw new AppError('INVALID_STATE', '请先开始绑定动态验证码');
  const step = await checkTotp(deps.crypto.open(user.totp_secret), o.code, deps.clock, null);
  if (step == null) throw new AppError('VALIDATION', '动态验证码不正确，请确认手机时间准确并输入验证器中当前显示的 6 位数字');
  const codes = newRecoveryCodes();
  const at = deps.clock.now().toISOString();
  await inTransaction(deps, async (trx, audit) => {
    await updateUser(trx, user.id, { totp_enabled_at: at, totp_last_step: step, updated_at: at });
    await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
    await trx.insertInto('recovery_codes').values(codes.map((c) => ({ user_id: user.id, code_hash: recoveryCodeHash(deps.crypto, c), created_at: at, used_at: null }))).execute();
    if (o.auth.stage === 'enrol') await setSessionStage(trx, tokenHash, 'ok', new Date(deps.clock.now().getTime() + deps.config.session.absoluteHours * 3_600_000).toISOString());
    await audit({ ...by(actor), event: 'second_factor_enabled', objectType: 'user', objectId: user.id, detail: { method: 'totp', recoveryCodes: codes.length } });
  });
  return { recoveryCodes: codes };
}

/** New recovery codes (the old ones stop working), after the current password. */
export async function regenerateRecoveryCodes(deps: Deps, o: { auth: Authenticated; password: string }): Promise<{ recoveryCodes: string[] }> {
  const { actor } = o.auth;
  if (!o.auth.totpEnabled) throw new AppError('INVALID_STATE', '尚未启用动态验证码');
  await reauthenticate(deps, actor, o.password, 'second_factor_reauth_failed');
  const codes = newRecoveryCodes();
  const at = deps.clock.now().toISOString();
  await inTransaction(deps, async (trx, audit) => {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', actor.id).execute();
    await trx.insertInto('recovery_codes').values(codes.map((c) => ({ user_id: actor.id, code_hash: recoveryCodeHash(deps.crypto, c), created_at: at, used_at: null }))).execute();
    await audit({ ...by(actor), event: 'recovery_codes_regenerated', objectType: 'user', objectId: actor.id, detail: { count: codes.length } });
  });
  return { recoveryCodes: codes };
}
