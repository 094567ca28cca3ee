// Organisation administration on a fresh installation: the names people type (a bureau's name, a
// section's name inside its bureau) become unique, so the CLI and the UI can find them by name; and the
// lookups the administration and the 归口 review lists make get their indexes.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createIndex('bureaus_name').on('bureaus').column('name').unique().execute();
  await s.createIndex('sections_bureau_name').on('sections').columns(['bureau_id', 'name']).unique().execute();
  await s.createIndex('departments_section').on('departments').column('section_id').execute();
  await s.createIndex('departments_parent').on('departments').column('parent_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['departments_parent', 'departments_section', 'sections_bureau_name', 'bureaus_name']) await db.schema.dropIndex(name).execute();
}
