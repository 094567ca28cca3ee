// report_versions without a second full copy of every document (repositories/version-delta.ts): the
// current document lives in reports only; an older version holds `delta`, the edits that turn the next
// version back into it; `document` stays for full snapshots (every row written before this migration).
// The latest version's copy, which is the report's own document, is dropped here. SQLite cannot relax
// NOT NULL in place, so the table is rebuilt there.
import { sql, type Kysely } from 'kysely';
import { jsonType } from '../columns';
import type { Dialect } from '../schema';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table report_versions alter column document drop not null`.execute(db);
    await sql`alter table report_versions add column delta text`.execute(db);
    await sql`update report_versions v set document = null from reports r where r.id = v.report_id and r.version = v.version`.execute(db);
    return;
  }
  await db.schema.createTable('report_versions_next')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull()).addColumn('status', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()).addColumn('document', jsonType(dialect)).addColumn('delta', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull()).addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_versions_pk', ['report_id', 'version']).execute();
  await sql`insert into report_versions_next (report_id, version, status, action, document, delta, user_id, created_at)
    select v.report_id, v.version, v.status, v.action, case when r.version = v.version then null else v.document end, null, v.user_id, v.created_at
    from report_versions v join reports r on r.id = v.report_id`.execute(db);
  await db.schema.dropTable('report_versions').execute();
  await sql`alter table report_versions_next rename to report_versions`.execute(db);
}

export async function down(): Promise<void> {
  // Versions saved since hold deltas only; going back would need every document rebuilt first.
  throw new Error('0040-version-deltas 不可回滚');
}
