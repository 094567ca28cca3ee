// Templates a bureau's 绩效管理科 uploads (评分表 and form as one JSON file, versioned: a version never
// changes once stored) and the template each bureau has activated per report kind, which new reports take.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('templates')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('bureau_id', 'text', (c) => c.notNull().references('bureaus.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('templates_pk', ['id', 'version'])
    .execute();
  await s.createIndex('templates_bureau').on('templates').column('bureau_id').execute();
  await s.createTable('bureau_templates')
    .addColumn('bureau_id', 'text', (c) => c.notNull().references('bureaus.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('activated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('activated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bureau_templates_pk', ['bureau_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bureau_templates').execute();
  await db.schema.dropTable('templates').execute();
}
