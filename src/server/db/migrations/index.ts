// Static import map for Kysely's Migrator (a FileMigrationProvider would break once bundled).
import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../schema';
import * as m0001 from './0001-init';
import * as m0002 from './0002-org-admin';
import * as m0003 from './0003-read-indexes';
import * as m0010 from './0010-templates';
import * as m0015 from './0015-indicator-library';
import * as m0020 from './0020-tasks';
import * as m0021 from './0021-review';
import * as m0022 from './0022-sampling';
import * as m0023 from './0023-rectification';
import * as m0024 from './0024-copy-checks';
import * as m0060 from './0060-org-history';
import * as m0061 from './0061-report-sources';
import * as m0062 from './0062-batch-exports';
import * as m0063 from './0063-project-task-reports';
import * as m0064 from './0064-version-steps';
import * as m0030 from './0030-audit-chains';
import * as m0031 from './0031-auth';
import * as m0032 from './0032-security-events';
import * as m0033 from './0033-signature-once';
import * as m0040 from './0040-version-deltas';
import * as m0041 from './0041-list-filters';
import * as m0050 from './0050-publication';

export function migrationProvider(dialect: Dialect): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001-init': { up: (db) => m0001.up(db, dialect), down: () => m0001.down() },
    '0002-org-admin': { up: (db) => m0002.up(db), down: (db) => m0002.down(db) },
    '0003-read-indexes': { up: (db) => m0003.up(db), down: (db) => m0003.down(db) },
    '0010-templates': { up: (db) => m0010.up(db), down: (db) => m0010.down(db) },
    '0015-indicator-library': { up: (db) => m0015.up(db), down: (db) => m0015.down(db) },
    '0020-tasks': { up: (db) => m0020.up(db), down: (db) => m0020.down(db) },
    '0021-review': { up: (db) => m0021.up(db), down: (db) => m0021.down(db) },
    '0022-sampling': { up: (db) => m0022.up(db), down: (db) => m0022.down(db) },
    '0023-rectification': { up: (db) => m0023.up(db, dialect), down: (db) => m0023.down(db) },
    '0024-copy-checks': { up: (db) => m0024.up(db), down: (db) => m0024.down(db) },
    '0060-org-history': { up: (db) => m0060.up(db), down: (db) => m0060.down(db) },
    '0061-report-sources': { up: (db) => m0061.up(db), down: (db) => m0061.down(db) },
    '0062-batch-exports': { up: (db) => m0062.up(db, dialect), down: (db) => m0062.down(db) },
    '0063-project-task-reports': { up: (db) => m0063.up(db), down: () => m0063.down() },
    '0064-version-steps': { up: (db) => m0064.up(db), down: (db) => m0064.down(db) },
    '0030-audit-chains': { up: (db) => m0030.up(db, dialect), down: () => m0030.down() },
    '0031-auth': { up: (db) => m0031.up(db), down: (db) => m0031.down(db) },
    '0032-security-events': { up: (db) => m0032.up(db), down: (db) => m0032.down(db) },
    '0033-signature-once': { up: (db) => m0033.up(db), down: (db) => m0033.down(db) },
    '0040-version-deltas': { up: (db) => m0040.up(db, dialect), down: () => m0040.down() },
    '0041-list-filters': { up: (db) => m0041.up(db), down: (db) => m0041.down(db) },
    '0050-publication': { up: (db) => m0050.up(db), down: (db) => m0050.down(db) },
  };
  return { getMigrations: async () => all };
}
