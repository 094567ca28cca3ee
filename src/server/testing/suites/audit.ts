// The audit log: one row per state change and security event, append-only (triggers), hash-chained,
// written in the same transaction as the change (a failing audit insert fails the action).
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../audit/chain';
import type { Backend } from '../backends';
import { json, makeTestApp, PASSWORD, type TestApp } from '../harness';
import { createDraft, getView, reportIn } from '../report-helpers';

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

    it('writes one complete row per security event and state change', async () => {
      await t.call(null, 'POST', '/api/session', { username: 'prep1', password: 'Wrong-pass-1' });
      const prep = await t.login('prep1');
      await createDraft(t, prep);
      await t.call(prep, 'DELETE', '/api/session');
      const rows = await t.db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      expect(rows.map((r) => [r.event, r.outcome])).toEqual([['login_failed', 'failure'], ['login', 'success'], ['report_create', 'success'], ['logout', 'success']]);
      for (const r of rows) {
        expect(r.ts).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
        expect(r.actor_username).toBe('prep1');
        expect(r.ip).toBeTruthy();
        expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
      expect(rows[2]!.actor_role).toBe('preparer');
      expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    });

    it('lets only the audit administrator verify the chain', async () => {
      await reportIn(t, 'accepted');
      for (const h of ['prep1', 'revA', 'perf', 'sys', 'sec']) expect((await t.call(await t.login(h), 'GET', '/api/audit/verify')).statusCode, h).toBe(403);
      const res = await t.call(await t.login('aud'), 'GET', '/api/audit/verify');
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({ ok: true, firstBroken: null });
      expect(json(res).count).toBeGreaterThan(10);
    });

    it('refuses UPDATE and DELETE on audit rows at the database level', async () => {
      await t.login('prep1');
      await expect(t.db.kysely.updateTable('audit_log').set({ event: 'x' }).where('seq', '=', 1).execute()).rejects.toThrow(/只追加/);
      await expect(t.db.kysely.deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(/只追加/);
      if (t.db.dialect === 'postgres') await expect(sql`truncate audit_log`.execute(t.db.kysely)).rejects.toThrow(/只追加/);
      expect((await verifyChain(t.db.kysely)).ok).toBe(true);
    });

    it('names the first broken link after tampering through a side channel', async () => {
      await reportIn(t, 'submitted');
      const before = await verifyChain(t.db.kysely);
      expect(before.ok).toBe(true);
      await dropGuards();
      await t.db.kysely.updateTable('audit_log').set({ detail: '{"forged":true}' }).where('seq', '=', 4).execute();
      const edited = await verifyChain(t.db.kysely);
      expect(edited).toMatchObject({ ok: false, count: 3, firstBroken: { seq: 4 } });
      expect(edited.firstBroken!.reason).toContain('篡改');
      const res = await t.call(await t.login('aud'), 'GET', '/api/audit/verify');
      expect(json(res)).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
      await t.db.kysely.deleteFrom('audit_log').where('seq', '=', 2).execute();
      const deleted = await verifyChain(t.db.kysely);
      expect(deleted.firstBroken).toMatchObject({ seq: 2 });
      expect(deleted.firstBroken!.reason).toContain('删除');
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
