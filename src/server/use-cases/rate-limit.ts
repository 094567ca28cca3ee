// Anti-automation on costly functions (ASVS 2.4.1): imports and exports one user may start per minute,
// counted in the database (event_buckets, shared by every app instance); beyond it, 429 with Retry-After
// and a rate-limited security event.
import { recordSecurityEvent } from '../audit/security-events';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { by } from './shared';

export async function assertWithinRate(deps: Deps, actor: Actor, what: 'export' | 'import'): Promise<void> {
  const limit = what === 'export' ? deps.config.rate.exportsPerMinute : deps.config.rate.importsPerMinute;
  if (limit <= 0) return;
  const now = deps.clock.now();
  const window = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const at = now.toISOString();
  const r = await deps.db.kysely
    .insertInto('event_buckets')
    .values({ key: `rate:${what}:${actor.id}`, window_start: window.toISOString(), count: 1, first_at: at, last_at: at, sample: '{}' })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('event_buckets.count', '+', 1), last_at: at })))
    .returning('count')
    .executeTakeFirstOrThrow();
  if (Number(r.count) <= limit) return;
  await recordSecurityEvent(deps, { ...by(actor), event: 'rate_limited', objectType: what, detail: { limit, perMinute: true } }, `user:${actor.id}`);
  const retryAfter = Math.max(1, Math.ceil((window.getTime() + 60_000 - now.getTime()) / 1000));
  throw new AppError('RATE_LIMITED', `${what === 'export' ? '导出' : '导入'}过于频繁（每分钟最多 ${limit} 次），请 ${retryAfter} 秒后再试`, { retryAfter });
}
