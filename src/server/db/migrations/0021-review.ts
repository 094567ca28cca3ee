// 复核 beside the self-score, the thread under each return (异议 and replies), 撤回公开 with its reason,
// and the per-version figures the board and dashboard read without re-checking every report.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('rescores').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().unique().references('reports.id'))
    .addColumn('report_version', 'integer', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reviewer_kind', 'text', (c) => c.notNull().check(sql`reviewer_kind in ('reviewer', 'perf_admin', 'third_party')`))
    .addColumn('third_party', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision').addColumn('grade', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s.createTable('return_replies').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('return_id', 'text', (c) => c.notNull().references('returns.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('path', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('department', 'finance')`))
    .addColumn('stance', 'text', (c) => c.notNull().check(sql`stance in ('accept', 'dispute', 'reply')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('return_replies_report').on('return_replies').columns(['report_id', 'created_at']).execute();

  await s.createTable('revocations').addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('revocations_report').on('revocations').column('report_id').execute();

  await s.createTable('report_stats')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull()).addColumn('warnings', 'integer', (c) => c.notNull())
    .addColumn('computed_total', 'double precision').addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('computable_weight', 'double precision', (c) => c.notNull())
    .addColumn('execution_rate', 'double precision').addColumn('budget_fen', 'bigint')
    .addPrimaryKeyConstraint('report_stats_pk', ['report_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['report_stats', 'revocations', 'return_replies', 'rescores']) await db.schema.dropTable(t).execute();
}
