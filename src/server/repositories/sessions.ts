// Server-side sessions: only the SHA-256 of the cookie token is stored (a DB leak yields no live tokens);
// each has a separate id for the user's own session list.
import type { DB, MfaStage, SessionTable } from '../db/schema';

export async function insertSession(db: DB, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

// Looking a session up goes with its user: users.ts findSessionUser (one query per request).

export async function touchSession(db: DB, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function setSessionStage(db: DB, tokenHash: string, mfa: MfaStage, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ mfa, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: DB, tokenHash: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteUserSessions(db: DB, userId: string, opts: { except?: string } = {}): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (opts.except) q = q.where('token_hash', '!=', opts.except);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteSessionById(db: DB, userId: string, id: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Sessions of a user that can no longer be used (expired or idle too long): cleared at each login. */
export async function purgeStaleSessions(db: DB, userId: string, now: string, idleBefore: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
    .execute();
}

export async function listUserSessions(db: DB, userId: string): Promise<SessionTable[]> {
  return db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('last_seen_at', 'desc').execute();
}

/** Ends the least recently used sessions so that at most `keep` remain; returns how many ended. */
export async function trimSessions(db: DB, userId: string, keep: number): Promise<number> {
  const rows = await listUserSessions(db, userId);
  const drop = rows.slice(keep).map((r) => r.token_hash);
  if (drop.length === 0) return 0;
  await db.deleteFrom('sessions').where('token_hash', 'in', drop).execute();
  return drop.length;
}
