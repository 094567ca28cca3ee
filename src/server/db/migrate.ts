// Runs every pending migration; called on start and by tests.
import { Migrator } from 'kysely';
import { migrationProvider } from './migrations/index';
import type { Db } from './schema';

export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: migrationProvider(db.dialect),
    // Kysely looks for its bookkeeping tables in any schema unless told which: name ours, so two
    // schemas in one database (tests, or several installations) never see each other's.
    ...(db.dialect === 'postgres' ? { migrationTableSchema: db.schema ?? 'public' } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
