// 绩效自评任务: the bureau's annual task with its deadlines as data, the roster of departments it covers
// (each with its own extension), the task a report answers and what its draft carried over. "One report per department and task"
// is a unique index, not a habit of the UI.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('tasks').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bureau_id', 'text', (c) => c.notNull().references('bureaus.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notice', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('self_eval_due', 'text', (c) => c.notNull())
    .addColumn('finance_review_due', 'text', (c) => c.notNull())
    .addColumn('publish_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'issued', 'closed')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull()).addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text').addColumn('issued_at', 'text')
    .addUniqueConstraint('tasks_bureau_year_kind', ['bureau_id', 'year', 'kind'])
    .execute();

  await s.createTable('task_departments')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('extended_due', 'text').addColumn('extension_reason', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_departments_pk', ['task_id', 'department_id'])
    .execute();
  await s.createIndex('task_departments_department').on('task_departments').column('department_id').execute();

  await s.alterTable('reports').addColumn('task_id', 'text', (c) => c.references('tasks.id')).execute();
  // JSON text: what a new draft took over from last year's report (shown in the editor)
  await s.alterTable('reports').addColumn('carried', 'text').execute();
  await s.createIndex('reports_task_department').on('reports').columns(['task_id', 'department_id']).unique()
    .where(sql.ref('task_id'), 'is not', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reports_task_department').execute();
  await db.schema.alterTable('reports').dropColumn('carried').execute();
  await db.schema.alterTable('reports').dropColumn('task_id').execute();
  await db.schema.dropTable('task_departments').execute();
  await db.schema.dropTable('tasks').execute();
}
