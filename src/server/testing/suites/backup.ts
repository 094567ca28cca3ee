// Backups and restore (等保 DB-BK-1, issue 13 §7): an online backup taken while users keep saving holds
// every save acknowledged before it began, passes the integrity check and verifies its audit chains; a
// backup altered afterwards is refused; a restore brings the data back, is audited, and starts the
// checkpoints again; personal data stays sealed inside the backup file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCheckpointFile } from '../../audit/checkpoint';
import { verifyChain } from '../../audit/verify';
import { backup, restore } from '../../backup/index';
import { createServer } from '../../app';
import type { ServerConfig } from '../../config';
import { loadCryptoProvider } from '../../crypto/keys';
import { openPostgres, openSqlite } from '../../db/connect';
import type { Db } from '../../db/schema';
import type { Backend } from '../backends';
import { json, makeTestApp, testConfig, type TestApp } from '../harness';
import { createDraft, getView, save } from '../report-helpers';
import { tempDir } from '../temp';

export function backupSuite(backend: Backend): void {
  describe(`backup and restore (${backend.name})`, () => {
    let t: TestApp;
    let config: ServerConfig;
    let db: Db;
    let dbName: string | null = null;
    let open = false;
    const shutDown = async () => {
      if (open) await t.close();
      open = false;
    };
    beforeEach(async () => {
      const dir = tempDir('jixiao-backup-');
      if (backend.name === 'sqlite') {
        config = testConfig({ sqliteFile: join(dir, 'data', 'j.sqlite'), dataDir: join(dir, 'data'), databaseUrl: null });
        db = openSqlite({ file: config.sqliteFile });
      } else {
        // pg_dump takes a whole database: each test gets its own
        const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL!;
        dbName = `jx_bk_${Math.random().toString(36).slice(2, 8)}`;
        const admin = new pg.Client({ connectionString: base });
        await admin.connect();
        await admin.query(`create database ${dbName}`);
        await admin.end();
        const url = new URL(base);
        url.pathname = `/${dbName}`;
        config = testConfig({ databaseUrl: url.toString(), dataDir: dir });
        db = openPostgres({ url: config.databaseUrl! });
      }
      config = { ...config, audit: { ...config.audit, checkpointFile: join(dir, 'checkpoints.log') } };
      t = await makeTestApp({ name: backend.name, open: async () => db }, { config });
      open = true;
    });
    afterEach(async () => {
      await shutDown();
      if (dbName) {
        const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL! });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName}`);
        await admin.end();
      }
    });

    it('takes a verified backup under write load, and restores it with every save acknowledged before it began', async () => {
      const crypto = loadCryptoProvider(config);
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      await save(t, prep, id, (r) => (r.overview.phone = '13912345678'));
      const before = await getView(t, prep, id);
      // saves keep coming while the backup runs
      let writes = 0;
      let stop = false;
      const load = (async () => {
        for (let v = before.version; !stop && writes < 200; writes++) {
          const res = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: { ...before.report, overview: { ...before.report.overview, tasks: [`第${writes}次`] } } }, { 'if-match': `"${v}"` });
          if (res.statusCode !== 200) throw new Error(res.body);
          v = json(res).version;
        }
      })();
      const out = join(config.dataDir, 'b.backup');
      const m = await backup(config, crypto, { out });
      stop = true;
      await load;
      expect(writes).toBeGreaterThan(0);
      expect(m).toMatchObject({ integrity: expect.stringMatching(/^ok/), chain: { ok: true } });
      expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(m.rows.versions).toBeGreaterThanOrEqual(before.version);
      if (backend.name === 'sqlite') expect(readFileSync(out).includes(Buffer.from('13912345678'))).toBe(false);
      const events = await t.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'backup').execute();
      expect(events).toHaveLength(1);

      // the app goes away (SQLite: a restore needs the server stopped), the backup comes back
      await shutDown();
      const r = await restore(config, crypto, out);
      expect(r).toMatchObject({ integrity: expect.stringMatching(/^ok/), chain: { ok: true }, manifestMatches: true });
      const back = backend.name === 'sqlite' ? openSqlite({ file: config.sqliteFile }) : openPostgres({ url: config.databaseUrl! });
      try {
        const row = await back.kysely.selectFrom('reports').select('version').where('id', '=', id).executeTakeFirstOrThrow();
        expect(row.version).toBeGreaterThanOrEqual(before.version);
        const chain = await verifyChain(back.kysely, crypto, { checkpoints: readCheckpointFile(config.audit.checkpointFile, crypto) });
        expect(chain.ok, JSON.stringify(chain.firstBroken)).toBe(true);
        expect((await back.kysely.selectFrom('audit_log').select('event').where('event', '=', 'restore').execute())).toHaveLength(1);
        // the restored server serves the report, the phone opened again
        const app = await createServer(config, { db: back, deps: { crypto, clock: t.clock } });
        const login = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'prep1', password: 'Test-pass-2026' } });
        const cookie = `jixiao_sid=${login.cookies[0]!.value}`;
        const got = await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: { cookie } });
        expect(got.statusCode, got.body.slice(0, 300)).toBe(200);
        expect(JSON.parse(got.body).report.overview.phone).toBe('13912345678');
        await app.close();
      } finally {
        await back.destroy();
      }
    }, 120_000);

    it('refuses a backup that was altered after it was taken', async () => {
      const crypto = loadCryptoProvider(config);
      await createDraft(t, await t.login('prep1'));
      const out = join(config.dataDir, 'c.backup');
      await backup(config, crypto, { out });
      const bytes = readFileSync(out);
      const at = bytes.length - 100;
      bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
      writeFileSync(out, bytes);
      await shutDown();
      await expect(restore(config, crypto, out)).rejects.toThrow(/被改动过/);
    }, 120_000);
  });
}
