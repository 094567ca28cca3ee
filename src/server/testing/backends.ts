// Test databases: an in-memory SQLite per app, or a fresh schema per app in a real PostgreSQL, so the
// same API suites run on both and test files can run in parallel.
import pg from 'pg';
import { openPostgres, openSqlite } from '../db/connect';
import type { Db } from '../db/schema';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** opens a fresh, empty database (not yet migrated) */
  open(): Promise<Db>;
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  open: async () => openSqlite({ file: ':memory:' }),
};

export function postgresUrl(): string | null {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
}

/** Whether the PostgreSQL at `url` answers within a couple of seconds. */
export async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Each open() creates schema t_<random> and drops it again when the Db is destroyed. */
export function postgresBackend(url: string): Backend {
  return {
    name: 'postgres',
    open: async () => {
      const schema = `t_${Math.random().toString(36).slice(2, 10)}_${process.pid}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema "${schema}"`);
      await admin.end();
      const db = openPostgres({ url, schema, max: 12 });
      return {
        ...db,
        destroy: async () => {
          await db.destroy();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`drop schema "${schema}" cascade`);
          await c.end();
        },
      };
    },
  };
}
