// The audit log: one row per state change and security event, append-only (triggers), in keyed hash
// chains (one per bureau + the system chain), written in the same transaction as the change (a failing
// audit insert fails the action). Tampering, recomputation without the key and truncation are found.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, keyedHash, type AuditWriter } from '../../audit/chain';
import { appendCheckpoint, readCheckpointFile, takeCheckpoint } from '../../audit/checkpoint';
import { verifyChain } from '../../audit/verify';
import { softwareProvider } from '../../crypto/provider';
import { openPostgres, openSqlite } from '../../db/connect';
import { migrate } from '../../db/migrate';
import type { Backend } from '../backends';
import { json, makeTestApp, PASSWORD, type TestApp } from '../harness';
import { createDraft, getView, reportIn, save } from '../report-helpers';
import { tempFile } from '../temp';

export function auditSuite(backend: Backend): void {
  describe(`audit log (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend);
    });
    afterEach(async () => {
      await t.close();
    });

    const dropGuards = async () => {
      if (t.db.dialect === 'sqlite') {
        await sql`drop trigger audit_log_no_update`.execute(t.db.kysely);
        await sql`drop trigger audit_log_no_delete`.execute(t.db.kysely);
      } else await sql`drop trigger audit_log_no_update_delete on audit_log`.execute(t.db.kysely);
    };
    const writer = (): AuditWriter => ({ dialect: t.db.dialect, crypto: t.crypto });
    const rowsOf = (chain: string) => t.db.kysely.selectFrom('audit_log').selectAll().where('chain', '=', chain).orderBy('chain_seq').execute();

    it('writes one complete, keyed row per security event and state change', async () => {
      await t.call(null, 'POST', '/api/session', { username: 'prep1', password: 'Wrong-pass-1' });
      const prep = await t.login('prep1');
      await createDraft(t, prep);
      await t.call(prep, 'DELETE', '/api/session');
      const rows = await t.db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      expect(rows.map((r) => [r.event, r.outcome])).toEqual([['login_failed', 'failure'], ['login', 'success'], ['report_create', 'success'], ['logout', 'success']]);
      for (const [i, r] of rows.entries()) {
        expect(r.ts).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
        expect(r.actor_username).toBe('prep1');
        expect(r.ip).toBeTruthy();
        expect(r).toMatchObject({ chain: 'b:b1', chain_seq: i + 1, alg: 'hmac-sha256' });
        expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(keyedHash(t.crypto, r)).toBe(r.hash);
      }
      expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
      expect(rows[2]!.actor_role).toBe('preparer');
      expect(JSON.stringify(rows)).not.toContain(PASSWORD);
      // 三员 and the anonymous go to the system chain
      await t.login('aud');
      expect((await rowsOf('sys')).map((r) => r.event)).toEqual(['login']);
    });

    it('lets only the audit administrator verify the chain', async () => {
      await reportIn(t, 'accepted');
      for (const h of ['prep1', 'revA', 'perf', 'sys', 'sec']) expect((await t.call(await t.login(h), 'GET', '/api/audit/verify')).statusCode, h).toBe(403);
      const res = await t.call(await t.login('aud'), 'GET', '/api/audit/verify');
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({ ok: true, firstBroken: null });
      expect(json(res).count).toBeGreaterThan(10);
      expect(json(res).chains.map((c: { chain: string }) => c.chain)).toEqual(['b:b1', 'sys']);
    });

    it('finds who changed a report yesterday: filters, cursor pages, names of events and objects, the same query exported as CSV and XLSX', async () => {
      const { id } = await createDraft(t, await t.login('prep1'));
      t.clock.advanceMinutes(24 * 60);
      const prep = await t.login('prep1');
      const from = t.clock.now().toISOString();
      for (const phone of ['0730-1', '0730-2', '0730-3']) await save(t, prep, id, (r) => void (r.overview.phone = phone));
      const aud = await t.login('aud');
      const query = `event=report_save&objectId=${id}&from=${encodeURIComponent(from)}`;
      const first = await t.call(aud, 'GET', `/api/audit/events?${query}&limit=2`);
      expect(first.statusCode, first.body).toBe(200);
      const page1 = json(first);
      expect(page1.items).toHaveLength(2);
      expect(page1.items[0]).toMatchObject({ event: 'report_save', eventLabel: '保存报告', actorUsername: 'prep1', objectType: 'report', objectId: id, objectLabel: expect.stringMatching(/ · 2025 年度报告$/), version: 4 });
      expect(page1.items[1].version).toBe(3);
      const page2 = json(await t.call(aud, 'GET', `/api/audit/events?${query}&limit=2&before=${page1.nextBefore}`));
      expect(page2.items.map((e: { version: number }) => e.version)).toEqual([2]);
      expect(page2.nextBefore).toBeNull();
      // the creation the day before is outside the range; by actor it is there
      const byActor = json(await t.call(aud, 'GET', `/api/audit/events?actor=PREP1&objectId=${id}`)).items.map((e: { event: string }) => e.event);
      expect(byActor).toEqual(['report_save', 'report_save', 'report_save', 'report_create']);
      const bad = await t.call(aud, 'GET', '/api/audit/events?from=yesterday');
      expect(bad.statusCode).toBe(400);
      expect(json(bad).error.message).toMatch(/时间格式应为/);

      const csv = await t.call(aud, 'GET', `/api/audit/export?${query}&format=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['x-record-count']).toBe('3');
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toContain('事件名称');
      expect(lines.slice(1).every((l) => l.includes('保存报告') && l.includes('prep1'))).toBe(true);
      const xlsx = await t.call(aud, 'GET', `/api/audit/export?${query}&format=xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('审计日志')!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(lines[0]!.split(','));
      expect(ws.rowCount).toBe(4);
      expect(ws.getRow(2).getCell(header.indexOf('版本') + 1).value).toBe(2);
      // each search and export is itself audited
      const own = await t.db.kysely.selectFrom('audit_log').select('event').where('actor_username', '=', 'aud').where('event', 'like', 'audit_%').execute();
      expect(own.map((r) => r.event).sort()).toEqual(['audit_export', 'audit_export', 'audit_search', 'audit_search', 'audit_search']);
      expect((await t.call(prep, 'GET', `/api/audit/events?${query}`)).statusCode).toBe(403);
    });

    it('sends an Excel export of more than 10,000 entries to CSV, saying so', async () => {
      const rows = Array.from({ length: 10_001 }, (_, i) => ({
        chain: 'legacy', chain_seq: null, alg: 'sha256', ts: '2026-03-01T08:00:00.000Z', actor_id: null, actor_username: 'bulk', actor_role: null, ip: null,
        event: 'probe', object_type: null, object_id: null, outcome: 'success' as const, detail: `{"i":${i}}`, prev_hash: '', hash: String(i),
      }));
      for (let i = 0; i < rows.length; i += 1000) await t.db.kysely.insertInto('audit_log').values(rows.slice(i, i + 1000)).execute();
      const aud = await t.login('aud');
      const xlsx = await t.call(aud, 'GET', '/api/audit/export?actor=bulk&format=xlsx');
      expect(xlsx.statusCode).toBe(400);
      expect(json(xlsx).error.message).toBe('符合条件的记录有 10001 条，Excel 导出最多 10000 条：请缩小时间范围，或导出为 CSV');
      const csv = await t.call(aud, 'GET', '/api/audit/export?actor=bulk&format=csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['x-record-count']).toBe('10001');
    });

    it('refuses UPDATE and DELETE on audit rows at the database level', async () => {
      await t.login('prep1');
      await expect(t.db.kysely.updateTable('audit_log').set({ event: 'x' }).where('seq', '=', 1).execute()).rejects.toThrow(/只追加/);
      await expect(t.db.kysely.deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(/只追加/);
      if (t.db.dialect === 'postgres') await expect(sql`truncate audit_log`.execute(t.db.kysely)).rejects.toThrow(/只追加/);
      expect((await verifyChain(t.db.kysely, t.crypto)).ok).toBe(true);
    });

    it('names the first broken link after an edit or a deletion through a side channel', async () => {
      await reportIn(t, 'submitted');
      expect((await verifyChain(t.db.kysely, t.crypto)).ok).toBe(true);
      await dropGuards();
      const target = (await rowsOf('b:b1'))[3]!;
      await t.db.kysely.updateTable('audit_log').set({ detail: '{"forged":true}' }).where('seq', '=', target.seq).execute();
      const edited = await verifyChain(t.db.kysely, t.crypto);
      expect(edited).toMatchObject({ ok: false, firstBroken: { chain: 'b:b1', seq: 4 } });
      expect(edited.firstBroken!.reason).toContain('篡改');
      const aud = await t.login('aud');
      const res = await t.call(aud, 'GET', '/api/audit/verify');
      expect(json(res)).toMatchObject({ ok: false, firstBroken: { chain: 'b:b1', seq: 4 } });
      // the viewer reads around the break: that chain, up to the broken entry, newest first
      const around = json(await t.call(aud, 'GET', '/api/audit/events?chain=b%3Ab1&chainSeqTo=4&limit=2'));
      expect(around.items.map((e: { chainSeq: number; detail: unknown }) => [e.chainSeq, e.detail])).toEqual([[4, { forged: true }], [3, expect.anything()]]);
      await t.db.kysely.deleteFrom('audit_log').where('chain', '=', 'b:b1').where('chain_seq', '=', 2).execute();
      const deleted = await verifyChain(t.db.kysely, t.crypto);
      expect(deleted.firstBroken).toMatchObject({ chain: 'b:b1', seq: 2 });
      expect(deleted.firstBroken!.reason).toContain('删除');
    });

    it('detects a chain recomputed with the project’s own hash but without the key', async () => {
      await reportIn(t, 'submitted');
      await dropGuards();
      // the attacker edits row 3 and recomputes every later link, with a key of their own
      const forger = softwareProvider({ suite: t.crypto.suite, auditSecret: Buffer.alloc(32, 7), dataSecret: Buffer.alloc(32, 7) });
      const rows = await rowsOf('b:b1');
      let prev = rows[1]!.hash;
      for (const r of rows.slice(2)) {
        const row = { ...r, prev_hash: prev, ...(r.chain_seq === 3 ? { detail: '{"forged":true}' } : {}) };
        const hash = keyedHash(forger, row);
        await t.db.kysely.updateTable('audit_log').set({ prev_hash: row.prev_hash, detail: row.detail, hash }).where('seq', '=', r.seq).execute();
        prev = hash;
      }
      await t.db.kysely.updateTable('audit_heads').set({ hash: prev }).where('chain', '=', 'b:b1').execute();
      const r = await verifyChain(t.db.kysely, t.crypto);
      expect(r).toMatchObject({ ok: false, firstBroken: { chain: 'b:b1', seq: 3 } });
      expect(r.firstBroken!.reason).toContain('重新计算');
    });

    it('detects deleting the tail by the head row, and with the head row forged too, by a checkpoint', async () => {
      const prep = await t.login('prep1');
      for (let i = 0; i < 6; i++) await createDraft(t, prep, 2020 + i);
      const file = tempFile('checkpoints.log');
      appendCheckpoint(file, await takeCheckpoint(t.db.kysely, t.crypto, t.clock.now().toISOString()));
      await dropGuards();
      const rows = await rowsOf('b:b1');
      const keep = rows.length - 4;
      await t.db.kysely.deleteFrom('audit_log').where('chain', '=', 'b:b1').where('chain_seq', '>', keep).execute();
      const byHead = await verifyChain(t.db.kysely, t.crypto);
      expect(byHead).toMatchObject({ ok: false, firstBroken: { chain: 'b:b1', seq: keep + 1 } });
      expect(byHead.firstBroken!.reason).toContain('末尾');
      // the administrator also rewinds the head row: the chain looks whole, the checkpoint says otherwise
      await t.db.kysely.updateTable('audit_heads').set({ seq: keep, hash: rows[keep - 1]!.hash }).where('chain', '=', 'b:b1').execute();
      expect((await verifyChain(t.db.kysely, t.crypto)).ok).toBe(true);
      const checkpoints = readCheckpointFile(file, t.crypto);
      const r = await verifyChain(t.db.kysely, t.crypto, { checkpoints });
      expect(r).toMatchObject({ ok: false, firstBroken: { chain: 'b:b1', seq: keep + 1 } });
      expect(r.firstBroken!.reason).toContain('截断');
      // a checkpoint line forged without the key is itself reported
      const forged = readCheckpointFile(file, softwareProvider({ suite: t.crypto.suite, auditSecret: Buffer.alloc(32, 1), dataSecret: Buffer.alloc(32, 1) }));
      expect(forged[0]).toMatchObject({ ok: false });
    });

    it('verifying reads only: the log is the same before and after', async () => {
      await reportIn(t, 'submitted');
      const before = await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await verifyChain(t.db.kysely, t.crypto);
      const after = await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('keeps each chain contiguous under concurrent appends, and chains do not wait for each other', async () => {
      const w = writer();
      const at = t.clock.now().toISOString();
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          t.db.kysely.transaction().execute((trx) => appendAudit(trx, w, at, { event: 'probe', bureauId: i % 3 === 0 ? 'b2' : 'b1', detail: { i } })),
        ),
      );
      const r = await verifyChain(t.db.kysely, t.crypto);
      expect(r.ok).toBe(true);
      expect(r.chains.find((c) => c.chain === 'b:b1')!.count).toBe(20);
      expect(r.chains.find((c) => c.chain === 'b:b2')!.count).toBe(10);
      if (t.db.dialect !== 'postgres') return;
      // PostgreSQL: a transaction holding bureau b1's head does not stop an append to bureau b2
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holding = t.db.kysely.transaction().execute(async (trx) => {
        await appendAudit(trx, w, at, { event: 'hold', bureauId: 'b1' });
        await held;
      });
      const started = Date.now();
      await t.db.kysely.transaction().execute((trx) => appendAudit(trx, w, at, { event: 'other', bureauId: 'b2' }));
      expect(Date.now() - started).toBeLessThan(2000);
      release();
      await holding;
      expect((await verifyChain(t.db.kysely, t.crypto)).ok).toBe(true);
    });

    it('stays one contiguous chain with several processes on one SQLite file, or several pools on one PostgreSQL', async () => {
      const jobs: Array<Promise<void>> = [];
      let db = t.db;
      let extra: Array<{ destroy(): Promise<void> }> = [];
      if (t.db.dialect === 'sqlite') {
        const file = tempFile('shared.sqlite');
        db = openSqlite({ file });
        await migrate(db);
        const child = fileURLToPath(new URL('../audit-writer-child.ts', import.meta.url));
        for (const bureau of ['b1', 'b1', 'b1', 'b2'])
          jobs.push(new Promise((resolve, reject) => {
            const p = fork(child, [file, bureau, '25'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
            p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))));
          }));
      } else {
        // two "app instances": separate pools on the same schema, appending at once
        const pools = [0, 1, 2].map(() => openPostgres({ url: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL!, schema: t.db.schema, max: 4 }));
        extra = pools;
        const at = t.clock.now().toISOString();
        for (const [n, pool] of pools.entries())
          for (let i = 0; i < 40; i++)
            jobs.push(pool.kysely.transaction().execute(async (trx) => void (await appendAudit(trx, { dialect: 'postgres', crypto: t.crypto }, at, { event: 'probe', bureauId: n === 2 ? 'b2' : 'b1', detail: { n, i } }))));
      }
      await Promise.all(jobs);
      for (const e of extra) await e.destroy();
      const r = await verifyChain(db.kysely, t.crypto);
      if (db !== t.db) await db.destroy();
      expect(r.ok, JSON.stringify(r.firstBroken)).toBe(true);
      expect(r.chains.find((c) => c.chain === 'b:b1')!.count).toBe(db === t.db ? 80 : 75);
      expect(r.chains.find((c) => c.chain === 'b:b2')!.count).toBe(db === t.db ? 40 : 25);
    }, 60_000);

    it('verifies a chain whose suite changed from standard to 国密 (the algorithm is kept per row)', async () => {
      const at = t.clock.now().toISOString();
      await t.db.kysely.transaction().execute((trx) => appendAudit(trx, writer(), at, { event: 'before', bureauId: 'b1' }));
      const gm = softwareProvider({ ...t.crypto.material(), suite: 'gm' });
      await t.db.kysely.transaction().execute((trx) => appendAudit(trx, { dialect: t.db.dialect, crypto: gm }, at, { event: 'after', bureauId: 'b1' }));
      const rows = await rowsOf('b:b1');
      expect(rows.map((r) => r.alg)).toEqual(['hmac-sha256', 'hmac-sm3']);
      expect((await verifyChain(t.db.kysely, gm)).ok).toBe(true);
    });

    it('fails the action when its audit row cannot be written, leaving the report unchanged', async () => {
      const prep = await t.login('prep1');
      const v = await createDraft(t, prep);
      if (t.db.dialect === 'sqlite') {
        await sql`create trigger audit_fail before insert on audit_log begin select raise(abort, 'injected'); end`.execute(t.db.kysely);
      } else {
        await sql`create function audit_fail() returns trigger language plpgsql as 'begin raise exception ''injected''; end;'`.execute(t.db.kysely);
        await sql`create trigger audit_fail before insert on audit_log for each row execute function audit_fail()`.execute(t.db.kysely);
      }
      v.report.overview.contact = '不应保存';
      const res = await t.call(prep, 'PUT', `/api/reports/${v.id}`, { report: v.report }, { 'if-match': '"1"' });
      expect(res.statusCode).toBe(500);
      expect(json(res).error).toEqual({ code: 'INTERNAL', message: expect.stringContaining('服务器内部错误') });
      expect(res.body).not.toContain('injected');
      expect((await t.call(prep, 'POST', `/api/reports/${v.id}/transitions`, { action: 'submit' })).statusCode).toBe(500);
      await sql`drop trigger audit_fail ${sql.raw(t.db.dialect === 'postgres' ? 'on audit_log' : '')}`.execute(t.db.kysely);
      const after = await getView(t, prep, v.id);
      expect(after).toMatchObject({ version: 1, status: 'draft' });
      expect(after.report.overview.contact).toBe('');
      const versions = await t.db.kysely.selectFrom('report_versions').select('version').where('report_id', '=', v.id).execute();
      expect(versions).toHaveLength(1);
    });
  });
}
