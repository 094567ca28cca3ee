// 整改: notices to a department with their items, the department's answers and evidence files, and the
// bureau's accept / reopen. Evidence is stored in the database (bytea / blob) so that every app server
// sees the same files and a backup holds them.
import { sql, type Kysely } from 'kysely';
import { binaryType } from '../columns';
import type { Dialect } from '../schema';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const s = db.schema;
  await s.createTable('rectification_notices').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bureau_id', 'text', (c) => c.notNull().references('bureaus.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('report_id', 'text', (c) => c.references('reports.id'))
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('findings', 'rescore', 'grade', 'other')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('issued_by', 'text', (c) => c.notNull()).addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await s.createIndex('rectification_notices_department').on('rectification_notices').columns(['department_id', 'year']).execute();
  await s.createIndex('rectification_notices_task').on('rectification_notices').column('task_id').execute();

  await s.createTable('rectification_items').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull().references('rectification_notices.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull().check(sql`length(trim(problem)) > 0`))
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text').addColumn('responsible', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'answered', 'accepted', 'reopened')`))
    .addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answered_by', 'text').addColumn('answered_at', 'text')
    .addColumn('review_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reviewed_by', 'text').addColumn('reviewed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('rectification_items_seq', ['notice_id', 'seq'])
    .execute();

  await s.createTable('evidence_files').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('rectification_items.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', binaryType(dialect), (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull()).addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('evidence_files_item').on('evidence_files').column('item_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['evidence_files', 'rectification_items', 'rectification_notices']) await db.schema.dropTable(t).execute();
}
