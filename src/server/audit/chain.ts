// The audit log (审计日志): append-only rows chained by SHA-256, written inside the caller's
// transaction so a state change and its audit row commit or roll back together (DB-AUD-4).
import { sql, type Transaction } from 'kysely';
import type { AuditLogTable, Database, Db, DB } from '../db/schema';
import { canonicalJson, sha256Hex } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  event: string;
  outcome?: 'success' | 'failure';
  actorId?: string | null;
  actorUsername?: string | null;
  actorRole?: string | null;
  ip?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  detail?: Record<string, unknown>;
}

type Row = Omit<AuditLogTable, 'hash'>;

/** hash_n = SHA-256(prev_hash ‖ "\n" ‖ canonical(entry_n)) over every column but the hash itself. */
export function hashRow(row: Row): string {
  const body = canonicalJson({
    seq: row.seq,
    ts: row.ts,
    actor_id: row.actor_id,
    actor_username: row.actor_username,
    actor_role: row.actor_role,
    ip: row.ip,
    event: row.event,
    object_type: row.object_type,
    object_id: row.object_id,
    outcome: row.outcome,
    detail: row.detail,
  });
  return sha256Hex(`${row.prev_hash}\n${body}`);
}

/**
 * Appends one row. On PostgreSQL a transaction-scoped advisory lock serialises appenders so two
 * transactions never chain onto the same head; SQLite transactions are already serial (BEGIN IMMEDIATE).
 */
export async function appendAudit(trx: Transaction<Database> | DB, dialect: Db['dialect'], ts: string, e: AuditEntry): Promise<number> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(72620001)`.execute(trx);
  const head = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row: Row = {
    seq: (head?.seq ?? 0) + 1,
    ts,
    actor_id: e.actorId ?? null,
    actor_username: e.actorUsername ?? null,
    actor_role: e.actorRole ?? null,
    ip: e.ip ?? null,
    event: e.event,
    object_type: e.objectType ?? null,
    object_id: e.objectId ?? null,
    outcome: e.outcome ?? 'success',
    detail: canonicalJson(e.detail ?? {}),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  await trx.insertInto('audit_log').values({ ...row, hash: hashRow(row) }).execute();
  return row.seq;
}

export interface ChainReport {
  ok: boolean;
  count: number;
  headHash: string;
  /** the first row that does not verify, with why (Chinese) */
  firstBroken: { seq: number; reason: string } | null;
}

/** Walks the whole chain in order and names the first broken link. */
export async function verifyChain(db: DB, batch = 1000): Promise<ChainReport> {
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute();
    for (const r of rows) {
      const broken = (reason: string): ChainReport => ({ ok: false, count, headHash: prev, firstBroken: { seq: expectedSeq, reason } });
      if (r.seq !== expectedSeq) return broken(`缺少第 ${expectedSeq} 条记录（下一条为第 ${r.seq} 条），记录可能被删除`);
      if (r.prev_hash !== prev) return broken(`第 ${r.seq} 条记录的前一哈希与链不符，前面的记录可能被改动或删除`);
      if (hashRow(r) !== r.hash) return broken(`第 ${r.seq} 条记录的内容与其哈希不符，记录已被篡改`);
      prev = r.hash;
      count += 1;
      expectedSeq += 1;
    }
    if (rows.length < batch) return { ok: true, count, headHash: prev, firstBroken: null };
  }
}
