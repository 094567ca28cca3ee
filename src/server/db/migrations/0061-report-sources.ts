// Where an imported report came from — its file's name and when it was imported — for the report lists
// (issue 11 §3). A table of its own rather than columns on reports: a list page reads these for its rows by
// primary key without touching report rows (whose documents are large) or the lists' covering indexes.
// Reports imported before this migration get theirs from import_meta and their creation time.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_sources')
    .addColumn('report_id', 'text', (c) => c.primaryKey().references('reports.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('imported_by', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  const old = await db.selectFrom('reports').select(['id', 'import_meta', 'created_by', 'created_at']).where('import_meta', 'is not', null).execute();
  for (const r of old) {
    let meta: { fileName?: unknown; sha256?: unknown } = {};
    try {
      meta = typeof r.import_meta === 'string' ? JSON.parse(r.import_meta) : (r.import_meta ?? {});
    } catch {
      continue;
    }
    if (typeof meta.fileName !== 'string') continue;
    await db.insertInto('report_sources').values({
      report_id: r.id, file_name: meta.fileName, sha256: typeof meta.sha256 === 'string' ? meta.sha256 : null, imported_by: r.created_by, imported_at: r.created_at,
    }).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_sources').execute();
}
