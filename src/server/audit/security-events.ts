// Security events (refusals, failed logins and password changes, throttling, CSRF refusals) are audited
// like everything else, but rate-limited: per source (event + address or account) the first `eventBurst`
// of a window are written in full, and at most `eventGlobalBurst` per event over all sources; beyond
// that they are only counted, and the window ends with one summary row (security_events_suppressed)
// naming how many were folded. A flood therefore grows the log by a bounded number of rows per window.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Deps } from '../deps';
import { appendAudit, type AuditEntry } from './chain';
import { canonicalJson } from './canonical';

type SecurityDeps = Pick<Deps, 'db' | 'crypto' | 'config' | 'clock'>;

function windowStart(deps: SecurityDeps, now: Date): string {
  const w = deps.config.audit.eventWindowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / w) * w).toISOString();
}

async function bump(trx: Transaction<Database>, key: string, window: string, at: string, sample: string): Promise<number> {
  const r = await trx
    .insertInto('event_buckets')
    .values({ key, window_start: window, count: 1, first_at: at, last_at: at, sample })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('event_buckets.count', '+', 1), last_at: at })))
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(r.count);
}

/** Writes the summary of every closed window that suppressed events, and forgets closed windows. */
async function flushClosed(trx: Transaction<Database>, deps: SecurityDeps, current: string, at: string, limit = 50): Promise<void> {
  const closed = await trx.selectFrom('event_buckets').selectAll().where('window_start', '<', current).orderBy('window_start').limit(limit).execute();
  for (const b of closed) {
    const gone = await trx.deleteFrom('event_buckets').where('key', '=', b.key).where('window_start', '=', b.window_start).executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) continue; // another instance took it
    if (b.key.startsWith('rate:')) continue; // a rate counter (use-cases/rate-limit.ts), not a security event
    const global = b.key.startsWith('*:');
    const burst = global ? deps.config.audit.eventGlobalBurst : deps.config.audit.eventBurst;
    if (b.count <= burst) continue;
    const sample = JSON.parse(b.sample) as AuditEntry;
    await appendAudit(trx, { dialect: deps.db.dialect, crypto: deps.crypto }, at, {
      event: 'security_events_suppressed', outcome: 'failure', actorUsername: sample.actorUsername ?? null, ip: sample.ip ?? null,
      objectType: 'security_event', objectId: sample.event, bureauId: sample.bureauId ?? null,
      detail: { key: b.key, window: b.window_start, total: b.count, written: burst, suppressed: b.count - burst, firstAt: b.first_at, lastAt: b.last_at },
    });
  }
}

/**
 * Records one security event under `source` (e.g. the client address, or the account), in its own
 * transaction: the refusal it reports has already happened, whatever the request does next.
 */
export async function recordSecurityEvent(deps: SecurityDeps, e: AuditEntry, source: string): Promise<void> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const window = windowStart(deps, now);
  const sample = canonicalJson({ event: e.event, actorUsername: e.actorUsername ?? null, ip: e.ip ?? null, bureauId: e.bureauId ?? null });
  await deps.db.kysely.transaction().execute(async (trx) => {
    const mine = await bump(trx, `${e.event}:${source}`, window, at, sample);
    const all = await bump(trx, `*:${e.event}`, window, at, sample);
    if (mine <= deps.config.audit.eventBurst && all <= deps.config.audit.eventGlobalBurst)
      await appendAudit(trx, { dialect: deps.db.dialect, crypto: deps.crypto }, at, { outcome: 'failure', ...e });
    await flushClosed(trx, deps, window, at, 5);
  });
}

/** The periodic flush (so the last window of a flood is summarised even if the flood stops). */
export async function flushSecurityEvents(deps: SecurityDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.db.kysely.transaction().execute((trx) => flushClosed(trx, deps, windowStart(deps, now), now.toISOString()));
}
