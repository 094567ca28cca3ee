// 我的登录会话: the user's own sessions (where, when, which browser), the current one marked.
import type { Deps } from '../deps';
import { listUserSessions } from '../repositories/sessions';
import type { Authenticated } from './authenticate';

export interface SessionItem {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string;
  userAgent: string;
  current: boolean;
}

export async function listSessions(deps: Deps, o: { auth: Authenticated }): Promise<SessionItem[]> {
  const now = deps.clock.now().toISOString();
  const rows = await listUserSessions(deps.db.kysely, o.auth.actor.id);
  return rows
    .filter((s) => s.expires_at > now && s.mfa === 'ok' && s.id)
    .map((s) => ({ id: s.id!, createdAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at, ip: s.ip, userAgent: s.user_agent, current: s.token_hash === o.auth.tokenHash }));
}
