// 文本雷同: a task's last copy-detection run and what it found (passages copied from other departments'
// reports, whole reports copied, reports filed under the wrong department).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('copy_runs')
    .addColumn('task_id', 'text', (c) => c.primaryKey().references('tasks.id'))
    .addColumn('ran_by', 'text', (c) => c.notNull()).addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('stats', 'text', (c) => c.notNull())
    .execute();
  await s.createTable('copy_matches').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('passage', 'whole', 'wrong_department')`))
    .addColumn('path', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('passage', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('other_report_id', 'text').addColumn('other_department_id', 'text')
    .addColumn('other_department_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('other_year', 'integer').addColumn('other_path', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('other_passage', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('similarity', 'double precision')
    .execute();
  await s.createIndex('copy_matches_task').on('copy_matches').columns(['task_id', 'report_id']).execute();
  await s.createIndex('copy_matches_report').on('copy_matches').column('report_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('copy_matches').execute();
  await db.schema.dropTable('copy_runs').execute();
}
