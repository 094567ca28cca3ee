// The audit log (审计日志): append-only rows in keyed hash chains, written inside the caller's
// transaction so a state change and its audit row commit or roll back together (DB-AUD-4).
//
// hash_n = HMAC(key, prev_hash ‖ "\n" ‖ canonical(entry_n)), the key held outside the database
// (crypto/keys.ts), so an administrator who edits rows cannot recompute the links. There is one chain per
// bureau plus the system chain: appends to different chains never wait for each other (PostgreSQL locks
// one head row per chain until commit; SQLite's BEGIN IMMEDIATE serialises all writers, in every process,
// anyway). Truncation at the end of a chain is caught by the head table and by the signed checkpoints
// (checkpoint.ts), which are kept outside the database.
import { sql, type Transaction } from 'kysely';
import type { CryptoProvider } from '../crypto/provider';
import type { AuditLogTable, Database, DB, Dialect } from '../db/schema';
import { canonicalJson, sha256Hex } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);
/** Rows from before keyed chains: verified with their original unkeyed SHA-256 links. */
export const LEGACY_CHAIN = 'legacy';
export const SYSTEM_CHAIN = 'sys';

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
  /** the bureau whose chain takes the row; none (三员, anonymous, CLI) → the system chain */
  bureauId?: string | null;
}

/** What appending needs besides the transaction: the dialect (locking) and the key (the MAC). */
export interface AuditWriter {
  dialect: Dialect;
  crypto: CryptoProvider;
}

type Row = Omit<AuditLogTable, 'seq' | 'hash'>;
type StoredRow = Omit<AuditLogTable, 'seq'> & { seq: number };

export function chainOf(e: Pick<AuditEntry, 'bureauId'>): string {
  return e.bureauId ? `b:${e.bureauId}` : SYSTEM_CHAIN;
}

function body(row: Row): string {
  return canonicalJson({
    chain: row.chain,
    chain_seq: row.chain_seq,
    alg: row.alg,
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
}

/** The link of a keyed row. */
export function keyedHash(crypto: CryptoProvider, row: Row): string {
  const alg = row.alg === 'hmac-sm3' ? 'hmac-sm3' : 'hmac-sha256';
  return crypto.mac('audit', `${row.prev_hash}\n${body(row)}`, alg);
}

/** The unkeyed link of a legacy row (0001-init's scheme): SHA-256(prev ‖ "\n" ‖ canonical(entry)). */
export function legacyHash(row: StoredRow): string {
  const b = canonicalJson({
    seq: row.seq, ts: row.ts, actor_id: row.actor_id, actor_username: row.actor_username, actor_role: row.actor_role, ip: row.ip,
    event: row.event, object_type: row.object_type, object_id: row.object_id, outcome: row.outcome, detail: row.detail,
  });
  return sha256Hex(`${row.prev_hash}\n${b}`);
}

/** The chain's head, locked for the rest of the transaction on PostgreSQL (created on first use). */
async function lockHead(trx: Transaction<Database> | DB, dialect: Dialect, chain: string, at: string): Promise<{ seq: number; hash: string }> {
  const read = () => {
    const q = trx.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain);
    return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
  };
  const head = await read();
  if (head) return head;
  await trx.insertInto('audit_heads').values({ chain, seq: 0, hash: GENESIS_HASH, updated_at: at }).onConflict((oc) => oc.column('chain').doNothing()).execute();
  return (await read()) ?? { seq: 0, hash: GENESIS_HASH };
}

/** Appends one row to its chain; returns its index in the chain. */
export async function appendAudit(trx: Transaction<Database> | DB, w: AuditWriter, ts: string, e: AuditEntry): Promise<number> {
  const chain = chainOf(e);
  const head = await lockHead(trx, w.dialect, chain, ts);
  const row: Row = {
    chain,
    chain_seq: head.seq + 1,
    alg: w.crypto.macAlg,
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
    prev_hash: head.hash,
  };
  const hash = keyedHash(w.crypto, row);
  await trx.insertInto('audit_log').values({ ...row, hash }).execute();
  await trx.updateTable('audit_heads').set({ seq: row.chain_seq!, hash, updated_at: ts }).where('chain', '=', chain).execute();
  return row.chain_seq!;
}

/** The legacy chain's rows are the first ones by seq; a dialect-neutral raw query keeps it simple. */
export async function chainNames(db: DB): Promise<string[]> {
  const rows = await sql<{ chain: string }>`select distinct chain from audit_log union select chain from audit_heads`.execute(db);
  return rows.rows.map((r) => r.chain).sort();
}
