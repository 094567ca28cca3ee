// The audit log becomes a set of keyed chains (issue 13 §4): one per bureau plus a system chain, each
// with its own head row, so appends to different chains never wait for one another (PostgreSQL locks the
// head row of one chain; SQLite serialises writers anyway). Rows written before this migration keep
// their unkeyed SHA-256 links as the frozen "legacy" chain; every new row is an HMAC (SHA-256 or SM3)
// under a key held outside the database. The global seq stays as the order of insertion.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const s = db.schema;
  // ADD COLUMN with a default rewrites no row, so the append-only triggers are never involved
  await s.alterTable('audit_log').addColumn('chain', 'text', (c) => c.notNull().defaultTo('legacy')).execute();
  await s.alterTable('audit_log').addColumn('chain_seq', 'integer').execute();
  await s.alterTable('audit_log').addColumn('alg', 'text', (c) => c.notNull().defaultTo('sha256')).execute();
  await s.createIndex('audit_log_chain_seq').on('audit_log').columns(['chain', 'chain_seq']).unique().execute();
  // search by time, actor and event (the auditor's API)
  await s.createIndex('audit_log_ts').on('audit_log').column('ts').execute();
  await s.createIndex('audit_log_actor').on('audit_log').columns(['actor_username', 'ts']).execute();
  if (dialect === 'postgres') {
    // seq was computed as head + 1 under one global lock; it is now assigned by the database
    await sql`create sequence if not exists audit_log_seq_seq owned by audit_log.seq`.execute(db);
    await sql`select setval('audit_log_seq_seq', greatest((select coalesce(max(seq), 0) from audit_log), 1), (select count(*) > 0 from audit_log))`.execute(db);
    await sql`alter table audit_log alter column seq set default nextval('audit_log_seq_seq')`.execute(db);
  }
  // SQLite: seq is INTEGER PRIMARY KEY, i.e. the rowid, assigned max + 1 when omitted (rows are never deleted)
  await s.createTable('audit_heads')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0030-audit-chains 不可回滚：审计链不能退回到无密钥的形式');
}
