// Server-side sessions: only the SHA-256 of the cookie token is stored (a DB leak yields no live tokens).
import type { DB, SessionTable } from '../db/schema';

export async function insertSession(db: DB, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

// Looking a session up goes with its user: users.ts findSessionUser (one query per request).

export async function touchSession(db: DB, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: DB, tokenHash: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteUserSessions(db: DB, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
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
