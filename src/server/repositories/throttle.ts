// Failure counters claimed before the expensive check (issue 13 §2). A claim is one short transaction on
// the key's row (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers), so a burst of parallel
// guesses, over any number of app instances, gets at most `limit` checks before the key locks. Every lock
// lasts twice as long as the one before (backoff) up to a maximum; a quiet period resets the level.
import type { Dialect, DB } from '../db/schema';

export interface ThrottlePolicy {
  /** checks allowed before the key locks */
  limit: number;
  /** failures older than this no longer count (null: until a success or a lock) */
  windowMs: number | null;
  /** the first lock; each further lock doubles it */
  lockMs: number;
  maxLockMs: number;
}

export type Claim =
  | { ok: true; /** this attempt's number, 1 … limit */ attempt: number }
  | { ok: false; retryAfterMs: number };

async function row(trx: DB, dialect: Dialect, key: string, at: string) {
  const read = () => {
    const q = trx.selectFrom('auth_throttle').selectAll().where('key', '=', key);
    return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
  };
  const found = await read();
  if (found) return found;
  await trx.insertInto('auth_throttle').values({ key, failures: 0, window_start: at, locked_until: null, lock_level: 0, updated_at: at })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await read())!;
}

/** Claims one check for `key`: refused while locked or while `limit` checks are already claimed. */
export async function claimAttempt(db: DB, dialect: Dialect, key: string, p: ThrottlePolicy, now: Date): Promise<Claim> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const r = await row(trx, dialect, key, at);
    if (r.locked_until && r.locked_until > at) return { ok: false, retryAfterMs: Date.parse(r.locked_until) - now.getTime() };
    const expired = p.windowMs != null && now.getTime() - Date.parse(r.window_start) > p.windowMs;
    const quiet = now.getTime() - Date.parse(r.updated_at) > p.maxLockMs;
    const failures = expired ? 0 : r.failures;
    if (failures >= p.limit) return { ok: false, retryAfterMs: p.lockMs };
    await trx.updateTable('auth_throttle')
      .set({ failures: failures + 1, window_start: expired ? at : r.window_start, lock_level: quiet ? 0 : r.lock_level, updated_at: at })
      .where('key', '=', key).execute();
    return { ok: true, attempt: failures + 1 };
  });
}

/** After a claimed check failed: at the limit the key locks, for longer each time. Returns the lock's end. */
export async function recordFailure(db: DB, dialect: Dialect, key: string, attempt: number, p: ThrottlePolicy, now: Date): Promise<Date | null> {
  if (attempt < p.limit) return null;
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const r = await row(trx, dialect, key, at);
    const ms = Math.min(p.maxLockMs, p.lockMs * 2 ** Math.min(r.lock_level, 20));
    const until = new Date(now.getTime() + ms);
    await trx.updateTable('auth_throttle')
      .set({ failures: 0, window_start: at, locked_until: until.toISOString(), lock_level: r.lock_level + 1, updated_at: at })
      .where('key', '=', key).execute();
    return until;
  });
}

/** After a claimed check succeeded: the key's failures are forgiven (`refund` gives back just this one). */
export async function recordSuccess(db: DB, key: string, now: Date, opts: { refund?: boolean } = {}): Promise<void> {
  const at = now.toISOString();
  const q = db.updateTable('auth_throttle').where('key', '=', key);
  if (opts.refund) await q.set((eb) => ({ failures: eb.case().when('failures', '>', 0).then(eb('failures', '-', 1)).else(0).end(), updated_at: at })).execute();
  else await q.set({ failures: 0, locked_until: null, updated_at: at }).execute();
}

/** An administrator's unlock: the key starts afresh. */
export async function clearThrottle(db: DB, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}

/** Rows nobody needs any more (no lock running, nothing recent): the table stays bounded under floods. */
export async function pruneThrottle(db: DB, before: Date, now: Date): Promise<number> {
  const r = await db.deleteFrom('auth_throttle')
    .where('updated_at', '<', before.toISOString())
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
