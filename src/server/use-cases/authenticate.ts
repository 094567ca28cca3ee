// Resolves a session cookie to an actor on every request: idle timeout (等保 DB-AUTH-2b), absolute
// lifetime, disabled accounts. Roles are read fresh each time, so a change takes effect at once.
import { sha256Hex } from '../audit/canonical';
import { actorOf, type Actor } from '../auth/actor';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { deleteSession, touchSession } from '../repositories/sessions';
import { findSessionUser, type UserWithRoles } from '../repositories/users';
import { inTransaction } from './shared';
import { mustChangePassword, passwordExpiresAt } from './user-view';
import type { MfaStage } from '../db/schema';

export interface Authenticated {
  actor: Actor;
  tokenHash: string;
  /** the session's id (what the user's session list shows) */
  sessionId: string | null;
  mustChangePassword: boolean;
  /** where the second factor stands for this session */
  stage: MfaStage;
  passwordExpiresAt: string | null;
  totpEnabled: boolean;
}

/** Finance staff and administrators time out sooner than department users (security.md G9). */
export function idleMinutes(deps: Deps, u: Pick<UserWithRoles, 'kind' | 'roles'>): number {
  const privileged = u.kind !== 'business' || u.roles.some((r) => r === 'reviewer' || r === 'perf_admin');
  return privileged ? deps.config.session.adminIdleMinutes : deps.config.session.idleMinutes;
}

// last_seen_at is written at most once a minute: idle detection stays exact to the minute without a
// write on every request.
const TOUCH_MS = 60_000;

export async function authenticate(deps: Deps, opts: { token: string | undefined; ip: string }): Promise<Authenticated> {
  if (!opts.token) throw new AppError('UNAUTHENTICATED', '请先登录');
  const tokenHash = sha256Hex(opts.token);
  const db = deps.db.kysely;
  const found = await findSessionUser(db, tokenHash);
  if (!found) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
  const { session, user } = found;
  const now = deps.clock.now();
  const idleMs = user ? idleMinutes(deps, user) * 60_000 : 0;
  const idle = now.getTime() - Date.parse(session.last_seen_at) > idleMs;
  const expired = now.toISOString() >= session.expires_at;
  if (!user || user.disabled === 1 || idle || expired) {
    await inTransaction(deps, async (trx, audit) => {
      await deleteSession(trx, tokenHash);
      if (user && (idle || expired))
        await audit({ event: 'session_timeout', actorId: user.id, actorUsername: user.username, ip: opts.ip, objectType: 'user', objectId: user.id, detail: { idle, expired } });
    });
    throw new AppError('SESSION_EXPIRED', idle ? '长时间未操作，登录已超时，请重新登录' : '登录已失效，请重新登录');
  }
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_MS) await touchSession(db, tokenHash, now.toISOString());
  const actor = actorOf(user, opts.ip);
  return {
    actor, tokenHash, sessionId: session.id, mustChangePassword: mustChangePassword(deps, user), stage: session.mfa,
    passwordExpiresAt: passwordExpiresAt(deps, user), totpEnabled: user.totp_enabled_at != null,
  };
}
