// Report lists filtered by status (待审核 and the like) read a page from an index in list order, as the
// unfiltered lists do with 0003's: the 绩效管理科's "submitted in 2025" no longer scans every status of
// the year to fill a page. A 归口科室 list checks each report's department section: from an index
// that holds it, not the department row. A report's latest returns and waivers come out of their
// indexes in the order they are shown, without a sort.
import { sql, type Kysely } from 'kysely';

const LIST = ['version', 'self_score', 'grade', 'template_id', 'updated_at'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('reports_finance_status_list').on('reports')
    .columns(['bureau_id', 'status', 'year desc', 'department_name', 'id', 'department_id', ...LIST, 'finance_since'])
    .where(sql.ref('finance_since'), 'is not', null).execute();
  await db.schema.createIndex('departments_id_section').on('departments').columns(['id', 'section_id']).execute();
  await db.schema.createIndex('returns_report_list').on('returns').columns(['report_id', 'created_at desc', 'id']).execute();
  await db.schema.dropIndex('returns_report_created').execute();
  await db.schema.createIndex('waivers_report_list').on('waivers').columns(['report_id', 'version', 'path']).execute();
  await db.schema.dropIndex('waivers_report_version').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('waivers_report_version').on('waivers').columns(['report_id', 'version']).execute();
  await db.schema.dropIndex('waivers_report_list').execute();
  await db.schema.createIndex('returns_report_created').on('returns').columns(['report_id', 'created_at']).execute();
  await db.schema.dropIndex('returns_report_list').execute();
  await db.schema.dropIndex('departments_id_section').execute();
  await db.schema.dropIndex('reports_finance_status_list').execute();
}
