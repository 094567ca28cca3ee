// 批量导出 jobs in the database (issue 9 §6, issue 12 §3): a job and the files it has made so far
// survive a restart and are seen by every app server. A running job is held by one server under a
// lease it renews after each file; when that server dies the lease runs out and another (or the
// restarted one) carries on from the next report.
import { sql, type Kysely } from 'kysely';
import { binaryType } from '../columns';
import type { Dialect } from '../schema';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('batch_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // the address of the request that started it: each file's export is audited as that user's, from there
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('pdf', 'docx')`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('running', 'done', 'failed')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // the reports to export, fixed when the job starts (JSON: [{ id, departmentName }])
    .addColumn('reports', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('failed', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('batch_exports_state').on('batch_exports').columns(['state', 'lease_until']).execute();
  await db.schema
    .createTable('batch_export_files')
    .addColumn('job_id', 'text', (c) => c.notNull().references('batch_exports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', binaryType(dialect), (c) => c.notNull())
    .addPrimaryKeyConstraint('batch_export_files_pk', ['job_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('batch_export_files').execute();
  await db.schema.dropTable('batch_exports').execute();
}
