// Failure counters claimed before the expensive check (issue 13 §2). A claim is one short transaction on
// the key's row (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers), so a burst of parallel
// guesses, over any number of app instances, gets at most `limit` checks: a claim counts as a failure
// from the moment it is taken, and a success forgives the count only when no other check was in flight
// (a right password inside a burst frees no slot for the rest of the burst, and the burst still locks).
// Each lock lasts twice as long as the one before (backoff) up to a maximum; a quiet period resets the level.
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

export type Claim = { ok: true } | { ok: false; retryAfterMs: number };

/** Checks in flight longer than this were ended by a crash: they no longer hold their place as pending. */
const STALE_PENDING_MS = 60_000;

async function row(trx: DB, dialect: Dialect, key: string, at: string) {
  const read = () => {
    const q = trx.selectFrom('auth_throttle').selectAll().where('key', '=', key);
    return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
  };
  const found = await read();
  if (found) return found;
  await trx.insertInto('auth_throttle').values({ key, failures: 0, pending: 0, window_start: at, locked_until: null, lock_level: 0, updated_at: at })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await read())!;
}

/** Claims one check for `key`: refused while locked or while `limit` claims are counted. */
export async function claimAttempt(db: DB, dialect: Dialect, key: string, p: ThrottlePolicy, now: Date): Promise<Claim> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const r = await row(trx, dialect, key, at);
    if (r.locked_until && r.locked_until > at) return { ok: false, retryAfterMs: Date.parse(r.locked_until) - now.getTime() };
    const idle = now.getTime() - Date.parse(r.updated_at);
    const expired = p.windowMs != null && now.getTime() - Date.parse(r.window_start) > p.windowMs && r.pending === 0;
    const failures = expired ? 0 : r.failures;
    if (failures >= p.limit) return { ok: false, retryAfterMs: p.lockMs };
    await trx.updateTable('auth_throttle')
      .set({
        failures: failures + 1,
        pending: (idle > STALE_PENDING_MS ? 0 : r.pending) + 1,
        window_start: expired ? at : r.window_start,
        lock_level: idle > p.maxLockMs ? 0 : r.lock_level,
        updated_at: at,
      })
      .where('key', '=', key).execute();
    return { ok: true };
  });
}

/** A claimed check failed. When the count reaches the limit with nothing in flight, the key locks, for longer each time. */
export async function recordFailure(db: DB, dialect: Dialect, key: string, p: ThrottlePolicy, now: Date): Promise<{ locked: Date | null; failures: number }> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const r = await row(trx, dialect, key, at);
    const pending = Math.max(0, r.pending - 1);
    if (r.locked_until && r.locked_until > at) {
      // locked by another check of the same burst: this one only settles
      await trx.updateTable('auth_throttle').set({ pending, updated_at: at }).where('key', '=', key).execute();
      return { locked: new Date(r.locked_until), failures: r.failures };
    }
    if (r.failures < p.limit || pending > 0) {
      await trx.updateTable('auth_throttle').set({ pending, updated_at: at }).where('key', '=', key).execute();
      // the others of the burst are still being checked: the lock comes with the last of them, but the
      // answer to this one already says locked when the count is at the limit
      return { locked: r.failures >= p.limit ? new Date(now.getTime() + p.lockMs) : null, failures: r.failures };
    }
    const ms = Math.min(p.maxLockMs, p.lockMs * 2 ** Math.min(r.lock_level, 20));
    const until = new Date(now.getTime() + ms);
    await trx.updateTable('auth_throttle')
      .set({ failures: 0, pending: 0, window_start: at, locked_until: until.toISOString(), lock_level: r.lock_level + 1, updated_at: at })
      .where('key', '=', key).execute();
    return { locked: until, failures: r.failures };
  });
}

/**
 * A claimed check succeeded: the count is forgiven (once nothing else is in flight), or with `refund`
 * only this one claim is given back (an address shared by many honest users).
 */
export async function recordSuccess(db: DB, dialect: Dialect, key: string, now: Date, opts: { refund?: boolean } = {}): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const r = await row(trx, dialect, key, at);
    const pending = Math.max(0, r.pending - 1);
    const patch = opts.refund
      ? { pending, failures: Math.max(0, r.failures - 1) }
      : r.pending <= 1
        ? { pending, failures: 0, locked_until: null }
        : { pending };
    await trx.updateTable('auth_throttle').set({ ...patch, updated_at: at }).where('key', '=', key).execute();
  });
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
