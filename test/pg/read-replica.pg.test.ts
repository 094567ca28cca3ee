// DATABASE_READ_URL: the lists (reports, departments) read from the replica's pool, everything a write
// depends on (a report, its version, sessions) from the primary, and nothing ever writes through the
// replica's pool. The replica here is the same database reached read-only, with every query it
// receives recorded.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../src/server/db/schema';
import { postgresBackend, postgresUrl } from '../../src/server/testing/backends';
import { json, makeTestApp, type TestApp } from '../../src/server/testing/harness';
import { createDraft, save } from '../../src/server/testing/report-helpers';
import { onPostgres } from './backend';

await onPostgres(() => {
  describe('read replica pool (postgres)', () => {
    const seen: string[] = [];
    let replica: Kysely<Database>;
    let t: TestApp;
    beforeAll(async () => {
      const primary = postgresBackend(postgresUrl()!);
      t = await makeTestApp({
        name: 'postgres',
        open: async () => {
          const db = await primary.open();
          const pool = new pg.Pool({ connectionString: postgresUrl()!, max: 4, options: `-c search_path=${db.schema} -c default_transaction_read_only=on` });
          replica = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => void seen.push(e.query.sql) });
          return { ...db, reader: replica, destroy: async () => { await replica.destroy(); await db.destroy(); } } satisfies Db;
        },
      });
    });
    afterAll(() => t.close());

    it('serves lists from the replica and the rest from the primary', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      await save(t, prep, id, (r) => (r.overview.contact = '吴俊'));
      seen.length = 0;
      expect((await t.call(prep, 'GET', `/api/reports/${id}`)).statusCode).toBe(200);
      expect(seen).toEqual([]);
      const list = json(await t.call(prep, 'GET', '/api/reports'));
      expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
      expect(seen.some((q) => /from "reports"/.test(q))).toBe(true);
      seen.length = 0;
      const sys = await t.login('sys');
      expect((await t.call(sys, 'GET', '/api/org/departments')).statusCode).toBe(200);
      expect(seen.some((q) => /from "departments"/.test(q))).toBe(true);
      expect(seen.every((q) => /^select /i.test(q))).toBe(true);
      // the replica's pool cannot write at all
      await expect(replica.insertInto('bureaus').values({ id: 'x', name: 'x', region: '', created_at: '' }).execute()).rejects.toThrow(/read-only/);
    });
  });
});
