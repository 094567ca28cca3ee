// 抽查: one stored sample per task (its parameters and seed) and its picks with their reasons; a pick
// added or dropped by hand keeps its row, with the note saying why.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('samples').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().unique().references('tasks.id'))
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('candidates', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s.createTable('sample_picks')
    .addColumn('sample_id', 'text', (c) => c.notNull().references('samples.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('report_id', 'text', (c) => c.references('reports.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('risk', 'random', 'manual')`))
    .addColumn('risk', 'double precision', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('dropped', 'integer', (c) => c.notNull().defaultTo(0).check(sql`dropped in (0, 1)`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sample_picks_pk', ['sample_id', 'department_id'])
    .execute();
  await s.createIndex('sample_picks_report').on('sample_picks').column('report_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sample_picks').execute();
  await db.schema.dropTable('samples').execute();
}
