// Organisation units can be renamed, moved and disabled by the system administrator (issue 11 §4). A unit is
// never deleted — reports, accounts and the audit log keep pointing at it — so "disabled" is a timestamp, and
// every change keeps its before and after in org_history, which the 组织机构 screen shows per unit.
import type { Kysely } from 'kysely';

const UNITS = ['bureaus', 'sections', 'departments'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const t of UNITS) await db.schema.alterTable(t).addColumn('disabled_at', 'text').execute();
  await db.schema
    .createTable('org_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('object_type', 'text', (c) => c.notNull()) // bureau | section | department
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull()) // name | region | section | disabled
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_username', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_history_object').on('org_history').columns(['object_type', 'object_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('org_history').execute();
  for (const t of UNITS) await db.schema.alterTable(t).dropColumn('disabled_at').execute();
}
