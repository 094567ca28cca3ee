// Reads that a province-sized database made slow (bench/server-load.ts; see the server README).
// Report lists without touching report rows: a row holds its document (tens of KB, in SQLite's overflow
// pages, and the list columns after it in the row cannot be read without walking them), so the lists are
// served from covering indexes in their own order — a department's reports, and the reports that have
// reached finance in a bureau (partial: drafts never show there). And a report's latest waivers and
// returns by index, however often it went back and forth.
import { sql, type Kysely } from 'kysely';

const LIST = ['status', 'version', 'self_score', 'grade', 'template_id', 'updated_at'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createIndex('reports_department_list').on('reports')
    .columns(['department_id', 'year desc', 'department_name', 'id', ...LIST]).execute();
  // its prefix (department_id, year) serves every lookup the old index did
  await s.dropIndex('reports_department').execute();
  await s.createIndex('reports_finance_list').on('reports')
    // finance_since again as a column: SQLite re-checks the query's own `is not null` from the index
    .columns(['bureau_id', 'year desc', 'department_name', 'id', 'department_id', ...LIST, 'finance_since'])
    .where(sql.ref('finance_since'), 'is not', null).execute();
  await s.createIndex('waivers_report_version').on('waivers').columns(['report_id', 'version']).execute();
  await s.dropIndex('waivers_report').execute();
  await s.createIndex('returns_report_created').on('returns').columns(['report_id', 'created_at']).execute();
  await s.dropIndex('returns_report').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('returns_report').on('returns').column('report_id').execute();
  await db.schema.dropIndex('returns_report_created').execute();
  await db.schema.createIndex('waivers_report').on('waivers').column('report_id').execute();
  await db.schema.dropIndex('waivers_report_version').execute();
  await db.schema.dropIndex('reports_finance_list').execute();
  await db.schema.createIndex('reports_department').on('reports').columns(['department_id', 'year']).execute();
  await db.schema.dropIndex('reports_department_list').execute();
}
