// 指标库: the bureau's 共性指标 and each department's 部门指标 (library_indicators), and which reports quote
// which entry (library_usage: one row per entry and report, rewritten when a save changes the report's
// set of library ids), so the library counts its use without reading report documents.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('library_indicators').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bureau_id', 'text', (c) => c.notNull().references('bureaus.id'))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('common', 'department')`))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    // '' for a 共性指标, else the department: one name per owner, whatever the scope (a unique index cannot take NULL as a value)
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('level1', 'text', (c) => c.notNull()).addColumn('level2', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull()).addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('定量', '定性')`))
    .addColumn('operator', 'text')
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo('')).addColumn('suggested_target', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scoring_rule', 'text', (c) => c.notNull().defaultTo('')).addColumn('explanation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('valid_from', 'integer').addColumn('valid_to', 'integer')
    .addColumn('usable_by', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'retired')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull()).addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('library_indicators_owner', sql`(scope = 'common' and department_id is null and owner_key = '') or (scope = 'department' and department_id is not null and owner_key = department_id)`)
    .execute();
  await s.createIndex('library_indicators_owner_name').on('library_indicators').columns(['bureau_id', 'owner_key', 'level2', 'name']).unique().execute();
  await s.createIndex('library_indicators_department').on('library_indicators').column('department_id').execute();

  await s.createTable('library_usage')
    .addColumn('library_id', 'text', (c) => c.notNull().references('library_indicators.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addPrimaryKeyConstraint('library_usage_pk', ['library_id', 'report_id']).execute();
  await s.createIndex('library_usage_report').on('library_usage').column('report_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('library_usage').execute();
  await db.schema.dropTable('library_indicators').execute();
}
