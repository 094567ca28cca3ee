// Static import map for Kysely's Migrator (a FileMigrationProvider would break once bundled).
import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../schema';
import * as m0001 from './0001-init';

export function migrationProvider(dialect: Dialect): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001-init': { up: (db) => m0001.up(db, dialect), down: () => m0001.down() },
  };
  return { getMigrations: async () => all };
}
