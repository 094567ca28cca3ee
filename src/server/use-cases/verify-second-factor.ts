// 登录第二步: the TOTP code (or a recovery code) that turns a pending session into a full one. Attempts
// are claimed against the account's second-factor counter; at the limit the pending session ends and the
// account's code entry locks, like a password lockout. A TOTP code is accepted once (the time step only
// moves forward); a recovery code once ever.
import { performance } from 'node:perf_hooks';
import { recordSecurityEvent } from '../audit/security-events';
import { checkTotp, recoveryCodeHash } from '../auth/totp';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { deleteSession, setSessionStage } from '../repositories/sessions';
import { claimAttempt, recordFailure, recordSuccess } from '../repositories/throttle';
import { advanceTotpStep, findUserById } from '../repositories/users';
import type { Authenticated } from './authenticate';
import { accountLocked, accountPolicy, failureFloor } from './login';
import { by, inTransaction } from './shared';

export async function verifySecondFactor(deps: Deps, o: { auth: Authenticated; code?: string; recoveryCode?: string }): Promise<{ recoveryCodesLeft: number | null }> {
  const started = performance.now();
  const { actor, tokenHash } = o.auth;
  if (o.auth.stage !== 'pending') throw new AppError('INVALID_STATE', '当前登录不需要输入动态验证码');
  const db = deps.db.kysely;
  const now = deps.clock.now();
  const key = `totp:${actor.id}`;
  const claim = await claimAttempt(db, deps.db.dialect, key, accountPolicy(deps), now);
  if (!claim.ok) {
    await deleteSession(db, tokenHash);
    await failureFloor(deps, started);
    throw accountLocked(claim.retryAfterMs);
  }
  const user = await findUserById(db, actor.id);
  let accepted = false;
  let left: number | null = null;
  if (user?.totp_secret && o.code) {
    const step = await checkTotp(deps.crypto.open(user.totp_secret), o.code, deps.clock, user.totp_last_step);
    accepted = step != null && (await advanceTotpStep(db, user.id, step));
  } else if (user && o.recoveryCode) {
    const r = await db.updateTable('recovery_codes').set({ used_at: now.toISOString() })
      .where('user_id', '=', user.id).where('code_hash', '=', recoveryCodeHash(deps.crypto, o.recoveryCode)).where('used_at', 'is', null).executeTakeFirst();
    accepted = Number(r.numUpdatedRows) === 1;
    if (accepted) {
      const rest = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', user.id).where('used_at', 'is', null).executeTakeFirstOrThrow();
      left = Number(rest.n);
    }
  }
  if (!accepted) {
    const { locked, failures } = await recordFailure(db, deps.db.dialect, key, accountPolicy(deps), now);
    await recordSecurityEvent(deps, { ...by(actor), event: 'second_factor_failed', objectType: 'user', objectId: actor.id, detail: { method: o.recoveryCode ? 'recovery' : 'totp', failures } }, `user:${actor.id}`);
    if (locked) await deleteSession(db, tokenHash);
    await failureFloor(deps, started);
    if (locked) throw accountLocked(locked.getTime() - now.getTime());
    throw new AppError('INVALID_CREDENTIALS', o.recoveryCode ? '恢复码不正确或已使用' : '动态验证码不正确或已使用，请输入验证器中当前显示的 6 位数字');
  }
  await recordSuccess(db, deps.db.dialect, key, now);
  await inTransaction(deps, async (trx, audit) => {
    await setSessionStage(trx, tokenHash, 'ok', new Date(now.getTime() + deps.config.session.absoluteHours * 3_600_000).toISOString());
    await audit({ ...by(actor), event: 'second_factor_verified', objectType: 'user', objectId: actor.id, detail: { method: o.recoveryCode ? 'recovery' : 'totp', ...(left != null ? { recoveryCodesLeft: left } : {}) } });
  });
  return { recoveryCodesLeft: left };
}
