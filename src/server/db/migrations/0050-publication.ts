// 公开设置: per bureau, whether the public site hides personal names other than the signers'
// (telephone numbers are always hidden).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('publication_settings')
    .addColumn('bureau_id', 'text', (c) => c.primaryKey().references('bureaus.id'))
    .addColumn('redact_names', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('publication_settings').execute();
}
