// Static import map for Kysely's Migrator (a FileMigrationProvider would break once bundled).
import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../schema';
import * as m0001 from './0001-init';
import * as m0002 from './0002-org-admin';
import * as m0003 from './0003-read-indexes';
import * as m0015 from './0015-indicator-library';
import * as m0040 from './0040-version-deltas';
import * as m0041 from './0041-list-filters';

export function migrationProvider(dialect: Dialect): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001-init': { up: (db) => m0001.up(db, dialect), down: () => m0001.down() },
    '0002-org-admin': { up: (db) => m0002.up(db), down: (db) => m0002.down(db) },
    '0003-read-indexes': { up: (db) => m0003.up(db), down: (db) => m0003.down(db) },
    '0015-indicator-library': { up: (db) => m0015.up(db), down: (db) => m0015.down(db) },
    '0040-version-deltas': { up: (db) => m0040.up(db, dialect), down: () => m0040.down() },
    '0041-list-filters': { up: (db) => m0041.up(db), down: (db) => m0041.down(db) },
  };
  return { getMigrations: async () => all };
}
