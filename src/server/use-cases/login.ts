// 登录 (等保 DB-AUTH-2, issue 13 §2). Before any password is checked, the attempt claims a slot on the
// client address and on the account name (repositories/throttle.ts): a burst of parallel guesses gets at
// most the limit checked, and every app instance sees the same counters. Unknown names are claimed, checked
// (against a dummy hash) and locked exactly like real ones, and every failed answer waits until the same
// floor, so neither the status, the message nor the time tells locked, unknown and wrong apart.
import { performance } from 'node:perf_hooks';
import { sha256Hex } from '../audit/canonical';
import { recordSecurityEvent } from '../audit/security-events';
import { foldUsername } from '../auth/password';
import { secondFactorRequired } from '../auth/second-factor';
import { AppError } from '../errors';
import type { Deps, PasswordHasher } from '../deps';
import type { MfaStage } from '../db/schema';
import { insertSession, purgeStaleSessions, trimSessions } from '../repositories/sessions';
import { claimAttempt, pruneThrottle, recordFailure, recordSuccess, type ThrottlePolicy } from '../repositories/throttle';
import { findUserByUsername, type UserWithRoles } from '../repositories/users';
import { idleMinutes } from './authenticate';
import { inTransaction } from './shared';
import { mustChangePassword, passwordExpiresAt, userView, type UserView } from './user-view';

export interface LoginResult {
  token: string;
  user: UserView;
  mustChangePassword: boolean;
  /** 'pending': a TOTP or recovery code is still due; 'enrol': a second factor must be set up first */
  secondFactor: MfaStage;
  passwordExpiresAt: string | null;
  totpEnabled: boolean;
}

/** A pending second-factor step must be finished within this time. */
export const PENDING_MINUTES = 5;

const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();

/** A real hash to verify against when the name is unknown, so the work done does not tell names apart. */
function dummyHash(p: PasswordHasher): Promise<string> {
  let h = dummyHashes.get(p);
  if (!h) dummyHashes.set(p, (h = p.hash('dummy-password-for-timing-Aa1!')));
  return h;
}

export const wrongCredentials = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
export const accountLocked = (retryAfterMs: number) =>
  new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账户已锁定，请 ${Math.max(1, Math.ceil(retryAfterMs / 60_000))} 分钟后再试或联系管理员解锁`);
const tooManyFromHere = (retryAfterMs: number) =>
  new AppError('TOO_MANY_ATTEMPTS', `此地址登录失败次数过多，请 ${Math.max(1, Math.ceil(retryAfterMs / 60_000))} 分钟后再试`, { retryAfter: Math.ceil(retryAfterMs / 1000) });

export function accountPolicy(deps: Deps): ThrottlePolicy {
  const l = deps.config.lockout;
  return { limit: l.maxFailures, windowMs: null, lockMs: l.lockMinutes * 60_000, maxLockMs: Math.max(l.lockMinutes, l.maxLockMinutes) * 60_000 };
}

function addressPolicy(deps: Deps): ThrottlePolicy {
  const l = deps.config.lockout;
  return { limit: l.ipMaxFailures, windowMs: l.ipWindowMinutes * 60_000, lockMs: l.lockMinutes * 60_000, maxLockMs: Math.max(l.lockMinutes, l.maxLockMinutes) * 60_000 };
}

/** Waits out the rest of the failure floor: every failed answer takes at least this long. */
export async function failureFloor(deps: Deps, startedAt: number): Promise<void> {
  const left = deps.config.lockout.failureFloorMs - (performance.now() - startedAt);
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}

const lastPrune = new WeakMap<object, number>();

/** Once a minute per process: throttle rows with nothing left to say are removed. */
async function maybePrune(deps: Deps, now: Date): Promise<void> {
  const last = lastPrune.get(deps.db) ?? 0;
  if (now.getTime() - last < 60_000) return;
  lastPrune.set(deps.db, now.getTime());
  const keepMs = Math.max(deps.config.lockout.ipWindowMinutes, deps.config.lockout.maxLockMinutes) * 60_000;
  await pruneThrottle(deps.db.kysely, new Date(now.getTime() - keepMs), now);
}

/** An administrator-set password that was never changed expires (ASVS 6.4.1). */
function initialPasswordExpired(deps: Deps, u: UserWithRoles, now: Date): boolean {
  return u.password_must_change === 1 && now.getTime() - Date.parse(u.password_changed_at) > deps.config.password.initialMaxHours * 3_600_000;
}

export async function login(deps: Deps, opts: { username: string; password: string; ip: string; userAgent?: string }): Promise<LoginResult> {
  const started = performance.now();
  try {
    return await attempt(deps, opts);
  } catch (err) {
    await failureFloor(deps, started);
    throw err;
  }
}

async function attempt(deps: Deps, opts: { username: string; password: string; ip: string; userAgent?: string }): Promise<LoginResult> {
  const db = deps.db.kysely;
  const dialect = deps.db.dialect;
  const username = foldUsername(opts.username);
  const now = deps.clock.now();
  const at = now.toISOString();
  await maybePrune(deps, now);
  const base = { actorUsername: username, ip: opts.ip, objectType: 'user' };
  const ipKey = `ip:${opts.ip}`;
  const userKey = `user:${username}`;

  const fromHere = await claimAttempt(db, dialect, ipKey, addressPolicy(deps), now);
  if (!fromHere.ok) {
    await recordSecurityEvent(deps, { ...base, event: 'login_throttled', detail: { reason: 'address' } }, opts.ip);
    throw tooManyFromHere(fromHere.retryAfterMs);
  }
  const claim = await claimAttempt(db, dialect, userKey, accountPolicy(deps), now);
  if (!claim.ok) {
    await recordSecurityEvent(deps, { ...base, event: 'login_failed', detail: { reason: 'locked' } }, opts.ip);
    throw accountLocked(claim.retryAfterMs);
  }

  const user = await findUserByUsername(db, username);
  const ok = await deps.passwords.verify(user?.password_hash ?? (await dummyHash(deps.passwords)), opts.password);
  const who = user ? { ...base, actorId: user.id, objectId: user.id, bureauId: user.kind === 'business' ? user.bureau_id : null } : base;
  const reason = !user ? 'unknown_user' : !ok ? 'password' : user.disabled === 1 ? 'disabled' : initialPasswordExpired(deps, user, now) ? 'initial_expired' : null;
  if (reason) {
    const { locked: lockedUntil, failures } = await recordFailure(db, dialect, userKey, accountPolicy(deps), now);
    await recordFailure(db, dialect, ipKey, addressPolicy(deps), now);
    await recordSecurityEvent(deps, { ...who, event: lockedUntil ? 'lockout' : 'login_failed', detail: { reason, failures } }, opts.ip);
    if (lockedUntil) throw accountLocked(lockedUntil.getTime() - now.getTime());
    // the password was right: saying that the initial one expired gives nothing away
    if (reason === 'initial_expired') throw new AppError('INVALID_CREDENTIALS', '管理员设置的初始密码已过期，请联系系统管理员重新设置');
    throw wrongCredentials();
  }
  const u = user!;
  await recordSuccess(db, dialect, userKey, now);
  await recordSuccess(db, dialect, ipKey, now, { refund: true });

  const stage: MfaStage = u.totp_enabled_at ? 'pending' : secondFactorRequired(deps.config, u) ? 'enrol' : 'ok';
  const token = deps.random.token();
  const lifetime = stage === 'pending' ? PENDING_MINUTES * 60_000 : deps.config.session.absoluteHours * 3_600_000;
  await inTransaction(deps, async (trx, audit) => {
    await purgeStaleSessions(trx, u.id, at, new Date(now.getTime() - idleMinutes(deps, u) * 60_000).toISOString());
    // at most maxPerUser sessions: the least recently used make room for this one
    const ended = await trimSessions(trx, u.id, deps.config.session.maxPerUser - 1);
    await insertSession(trx, {
      token_hash: sha256Hex(token), id: deps.random.uuid(), user_id: u.id, created_at: at, last_seen_at: at,
      expires_at: new Date(now.getTime() + lifetime).toISOString(), ip: opts.ip, mfa: stage, user_agent: (opts.userAgent ?? '').slice(0, 200),
    });
    await audit({ ...who, actorRole: u.kind === 'business' ? u.roles.join(',') : u.kind, event: 'login', detail: { secondFactor: stage, ...(ended ? { endedSessions: ended } : {}) } });
  });
  deps.logger.info({ user: u.id }, 'login');
  return { token, user: userView(u), mustChangePassword: mustChangePassword(deps, u), secondFactor: stage, passwordExpiresAt: passwordExpiresAt(deps, u), totpEnabled: u.totp_enabled_at != null };
}
