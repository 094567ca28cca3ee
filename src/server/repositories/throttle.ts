// Failure counters for usernames that do not exist: lockout then looks the same for every name, so
// a 423 never tells an attacker that an account exists.
import type { DB, LoginThrottleTable } from '../db/schema';

export async function findThrottle(db: DB, username: string): Promise<LoginThrottleTable | undefined> {
  return db.selectFrom('login_throttle').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Atomic +1 (parallel guesses cannot under-count); returns the new count. */
export async function bumpThrottle(db: DB, username: string, at: string): Promise<number> {
  const r = await db
    .insertInto('login_throttle')
    .values({ username, failed_count: 1, locked_until: null, updated_at: at })
    .onConflict((oc) => oc.column('username').doUpdateSet((eb) => ({ failed_count: eb('login_throttle.failed_count', '+', 1), updated_at: at })))
    .returning('failed_count')
    .executeTakeFirstOrThrow();
  return Number(r.failed_count);
}

export async function lockThrottle(db: DB, username: string, until: string): Promise<void> {
  await db.updateTable('login_throttle').set({ failed_count: 0, locked_until: until }).where('username', '=', username).execute();
}
