// 登录: argon2id verification, lockout after N failures (等保 DB-AUTH-2), a new server-side session.
// Every failure looks the same from outside: unknown names are counted and locked like real ones.
import { sha256Hex } from '../audit/canonical';
import { foldUsername } from '../auth/password';
import { AppError } from '../errors';
import type { Deps, PasswordHasher } from '../deps';
import { bumpThrottle, findThrottle, lockThrottle } from '../repositories/throttle';
import { bumpFailures, findUserByUsername, updateUser, type UserWithRoles } from '../repositories/users';
import { insertSession, purgeStaleSessions } from '../repositories/sessions';
import { idleMinutes } from './authenticate';
import { inTransaction } from './shared';
import { mustChangePassword, userView, type UserView } from './user-view';

export interface LoginResult {
  token: string;
  user: UserView;
  mustChangePassword: boolean;
}

const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();

/** A real hash to verify against when the name is unknown, so timing does not tell names apart. */
function dummyHash(p: PasswordHasher): Promise<string> {
  let h = dummyHashes.get(p);
  if (!h) dummyHashes.set(p, (h = p.hash('dummy-password-for-timing-Aa1!')));
  return h;
}

const wrong = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
const locked = (minutes: number) =>
  new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`);

export async function login(deps: Deps, opts: { username: string; password: string; ip: string }): Promise<LoginResult> {
  const username = foldUsername(opts.username);
  const now = deps.clock.now();
  const at = now.toISOString();
  const { maxFailures, lockMinutes } = deps.config.lockout;
  const lockUntil = new Date(now.getTime() + lockMinutes * 60_000).toISOString();
  const base = { actorUsername: username, ip: opts.ip, objectType: 'user' };
  const user = await findUserByUsername(deps.db.kysely, username);

  if (!user) {
    await deps.passwords.verify(await dummyHash(deps.passwords), opts.password);
    const t = await findThrottle(deps.db.kysely, username);
    if (t?.locked_until && t.locked_until > at) {
      await inTransaction(deps, (_trx, audit) => audit({ ...base, event: 'login_failed', outcome: 'failure', detail: { reason: 'locked' } }));
      throw locked(lockMinutes);
    }
    const lockNow = await inTransaction(deps, async (trx, audit) => {
      const count = await bumpThrottle(trx, username, at);
      const lock = count >= maxFailures;
      if (lock) await lockThrottle(trx, username, lockUntil);
      await audit({ ...base, event: lock ? 'lockout' : 'login_failed', outcome: 'failure', detail: { reason: 'unknown_user', failures: count } });
      return lock;
    });
    throw lockNow ? locked(lockMinutes) : wrong();
  }

  const who = { ...base, actorId: user.id, objectId: user.id };
  if (user.locked_until && user.locked_until > at) {
    await inTransaction(deps, (_trx, audit) => audit({ ...who, event: 'login_failed', outcome: 'failure', detail: { reason: 'locked' } }));
    throw locked(lockMinutes);
  }
  const ok = await deps.passwords.verify(user.password_hash, opts.password);
  if (!ok || user.disabled === 1) {
    const lockNow = await recordFailure(deps, user, ok, at, lockUntil, who);
    throw lockNow ? locked(lockMinutes) : wrong();
  }

  const token = deps.random.token();
  const expires = new Date(now.getTime() + deps.config.session.absoluteHours * 3_600_000).toISOString();
  await inTransaction(deps, async (trx, audit) => {
    await updateUser(trx, user.id, { failed_count: 0, locked_until: null });
    await purgeStaleSessions(trx, user.id, at, new Date(now.getTime() - idleMinutes(deps, user) * 60_000).toISOString());
    await insertSession(trx, { token_hash: sha256Hex(token), user_id: user.id, created_at: at, last_seen_at: at, expires_at: expires, ip: opts.ip });
    await audit({ ...who, actorRole: user.kind === 'business' ? user.roles.join(',') : user.kind, event: 'login' });
  });
  deps.logger.info({ user: user.id }, 'login');
  return { token, user: userView(user), mustChangePassword: mustChangePassword(deps, user) };
}

/** A wrong password counts towards the lock; a disabled account is refused without counting. */
async function recordFailure(
  deps: Deps,
  user: UserWithRoles,
  passwordOk: boolean,
  at: string,
  lockUntil: string,
  who: Record<string, string>,
): Promise<boolean> {
  return inTransaction(deps, async (trx, audit) => {
    if (passwordOk) {
      await audit({ ...who, event: 'login_failed', outcome: 'failure', detail: { reason: 'disabled' } });
      return false;
    }
    const count = await bumpFailures(trx, user.id, at);
    const lockNow = count >= deps.config.lockout.maxFailures;
    if (lockNow) await updateUser(trx, user.id, { failed_count: 0, locked_until: lockUntil });
    await audit({ ...who, event: lockNow ? 'lockout' : 'login_failed', outcome: 'failure', detail: { reason: 'password', failures: count } });
    return lockNow;
  });
}
