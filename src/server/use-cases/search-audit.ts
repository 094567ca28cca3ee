// 审计日志查询与导出 (audit administrator only, 等保 安全管理中心: 审计管理员分析、查询审计记录). Newest first,
// filtered by time, actor, event, object, outcome, address or chain, paged by a cursor on seq. The export
// is the same query as CSV (UTF-8 with BOM, formula-safe) or JSON lines, at most `EXPORT_LIMIT` rows, with
// its SHA-256; both are audited.
import type { SelectQueryBuilder } from 'kysely';
import { fileDigests } from '../audit/canonical';
import type { Actor } from '../auth/actor';
import type { Database } from '../db/schema';
import { AppError, forbidden } from '../errors';
import type { Deps } from '../deps';
import { toCsv } from '../../io/export/opendata';
import { by, inTransaction } from './shared';

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  event?: string;
  objectType?: string;
  objectId?: string;
  outcome?: 'success' | 'failure';
  ip?: string;
  chain?: string;
}

export interface AuditEventView {
  seq: number;
  chain: string;
  chainSeq: number | null;
  ts: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  ip: string | null;
  event: string;
  objectType: string | null;
  objectId: string | null;
  outcome: 'success' | 'failure';
  detail: unknown;
  hash: string;
}

export const EXPORT_LIMIT = 100_000;

function assertAuditor(actor: Actor): void {
  if (actor.kind !== 'auditor') throw forbidden('只有审计管理员可以查询和导出审计日志');
}

function filtered(deps: Deps, f: AuditFilter): SelectQueryBuilder<Database, 'audit_log', object> {
  let q = deps.db.kysely.selectFrom('audit_log');
  if (f.from) q = q.where('ts', '>=', f.from);
  if (f.to) q = q.where('ts', '<=', f.to);
  if (f.actor) q = q.where('actor_username', '=', f.actor.trim().toLowerCase());
  if (f.event) q = q.where('event', '=', f.event);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.ip) q = q.where('ip', '=', f.ip);
  if (f.chain) q = q.where('chain', '=', f.chain);
  return q;
}

function view(r: { seq: number; chain: string; chain_seq: number | null; ts: string; actor_id: string | null; actor_username: string | null; actor_role: string | null; ip: string | null; event: string; object_type: string | null; object_id: string | null; outcome: 'success' | 'failure'; detail: string; hash: string }): AuditEventView {
  let detail: unknown = r.detail;
  try {
    detail = JSON.parse(r.detail);
  } catch {
    // a detail that is not JSON is shown as the text it is (a tampered row, found by the verifier)
  }
  return {
    seq: r.seq, chain: r.chain, chainSeq: r.chain_seq, ts: r.ts, actorId: r.actor_id, actorUsername: r.actor_username, actorRole: r.actor_role,
    ip: r.ip, event: r.event, objectType: r.object_type, objectId: r.object_id, outcome: r.outcome, detail, hash: r.hash,
  };
}

export async function searchAudit(deps: Deps, o: { actor: Actor; filter: AuditFilter; limit?: number; before?: number }): Promise<{ items: AuditEventView[]; nextBefore: number | null }> {
  assertAuditor(o.actor);
  const limit = Math.min(Math.max(o.limit ?? 100, 1), 1000);
  let q = filtered(deps, o.filter).selectAll();
  if (o.before != null) q = q.where('seq', '<', o.before);
  const rows = await q.orderBy('seq', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map(view);
  await inTransaction(deps, (_trx, audit) => audit({ ...by(o.actor), event: 'audit_search', objectType: 'audit_log', detail: { filter: { ...o.filter }, returned: items.length } }));
  return { items, nextBefore: rows.length > limit ? items.at(-1)!.seq : null };
}

const COLUMNS = ['seq', 'chain', 'chainSeq', 'ts', 'actorUsername', 'actorRole', 'ip', 'event', 'objectType', 'objectId', 'outcome', 'detail', 'hash'] as const;
const HEADERS = ['序号', '链', '链内序号', '时间（UTC）', '用户', '角色', '地址', '事件', '对象类型', '对象', '结果', '详情', '哈希'];

export async function exportAudit(deps: Deps, o: { actor: Actor; filter: AuditFilter; format: 'csv' | 'jsonl' }): Promise<{ bytes: Uint8Array; mime: string; fileName: string; sha256: string; count: number }> {
  assertAuditor(o.actor);
  const rows = await filtered(deps, o.filter).selectAll().orderBy('seq').limit(EXPORT_LIMIT + 1).execute();
  if (rows.length > EXPORT_LIMIT) throw new AppError('VALIDATION', `符合条件的记录超过 ${EXPORT_LIMIT} 条，请缩小时间范围后分批导出`);
  const items = rows.map(view);
  const text =
    o.format === 'csv'
      ? toCsv([HEADERS, ...items.map((e) => COLUMNS.map((c) => (c === 'detail' ? JSON.stringify(e.detail) : (e[c] as string | number | null))))])
      : items.map((e) => JSON.stringify(e)).join('\n') + (items.length ? '\n' : '');
  const bytes = new TextEncoder().encode(text);
  const digests = fileDigests(deps.crypto, bytes);
  const stamp = deps.clock.now().toISOString().slice(0, 19).replace(/[-:T]/g, '');
  const fileName = `审计日志-${stamp}.${o.format === 'csv' ? 'csv' : 'jsonl'}`;
  await inTransaction(deps, (_trx, audit) =>
    audit({ ...by(o.actor), event: 'audit_export', objectType: 'audit_log', detail: { filter: { ...o.filter }, format: o.format, count: items.length, ...digests, size: bytes.byteLength } }),
  );
  return { bytes, mime: o.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8', fileName, sha256: digests.sha256, count: items.length };
}
