// Re-authentication before a security change (ASVS 7.5.1: second factor, recovery codes, password):
// the current password, claimed against the same account counter as a login, so a stolen session cannot
// be used to guess it without locking the account.
import { performance } from 'node:perf_hooks';
import { recordSecurityEvent } from '../audit/security-events';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { claimAttempt, recordFailure, recordSuccess } from '../repositories/throttle';
import { findUserById, type UserWithRoles } from '../repositories/users';
import { accountLocked, accountPolicy, failureFloor } from './login';
import { by } from './shared';

export async function reauthenticate(deps: Deps, actor: Actor, password: string, event: string): Promise<UserWithRoles> {
  const started = performance.now();
  const now = deps.clock.now();
  const key = `user:${actor.username}`;
  const claim = await claimAttempt(deps.db.kysely, deps.db.dialect, key, accountPolicy(deps), now);
  if (!claim.ok) {
    await failureFloor(deps, started);
    throw accountLocked(claim.retryAfterMs);
  }
  const user = await findUserById(deps.db.kysely, actor.id);
  if (user && (await deps.passwords.verify(user.password_hash, password))) {
    await recordSuccess(deps.db.kysely, deps.db.dialect, key, now);
    return user;
  }
  const { locked, failures } = await recordFailure(deps.db.kysely, deps.db.dialect, key, accountPolicy(deps), now);
  await recordSecurityEvent(deps, { ...by(actor), event, objectType: 'user', objectId: actor.id, detail: { reason: 'password', failures } }, `user:${actor.id}`);
  await failureFloor(deps, started);
  if (locked) throw accountLocked(locked.getTime() - now.getTime());
  throw new AppError('VALIDATION', '当前密码不正确');
}
