// Report history stored as reverse deltas (migration 0040): every version a report had rebuilds exactly,
// through saves that add and remove rows, transitions and returns; signatures taken on an old version
// still match its rebuilt content; a database written before 0040 (a full copy per version) keeps its
// history readable after the migration and goes on with deltas.
import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../core/model/report';
import { diffValues } from '../../../core/workflow/diff';
import { canonicalJson, reportDigest } from '../../audit/canonical';
import { migrationProvider } from '../../db/migrations/index';
import { migrate } from '../../db/migrate';
import type { Db } from '../../db/schema';
import { findVersionDocument } from '../../repositories/versions';
import { openPersonal } from '../../crypto/personal-data';
import { attestedContent } from '../../../core/workflow/signature';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { createDraft, getView } from '../report-helpers';

export function historySuite(backend: Backend): void {
  describe(`report history as deltas (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend);
    });
    afterEach(async () => {
      await t.close();
    });

    it('rebuilds every version of a report edited, submitted, returned and edited again', async () => {
      const prep = await t.login('prep1');
      const head = await t.login('head1');
      const { id } = await createDraft(t, prep);
      const saved = new Map<number, Report>();
      let view = await getView(t, prep, id);
      saved.set(view.version, structuredClone(view.report));
      const edits: Array<(r: Report) => void> = [
        (r) => { r.overview.contact = '吴俊'; },
        (r) => { r.overview.tasks.push('任务一', '任务二'); },
        (r) => { r.finance.income.push({ ...r.finance.income[0]!, institution: '二级机构9', kind: 'sub', total: '12.3400' }); },
        (r) => { r.overview.tasks.splice(0, 1); r.overview.contact = ''; },
        (r) => { r.finance.income.pop(); r.overview.staffQuota = 21; },
      ];
      for (const [i, edit] of edits.entries()) {
        edit(view.report);
        const put = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: view.report }, { 'if-match': `"${view.version}"` });
        expect(put.statusCode, put.body).toBe(200);
        view = await getView(t, prep, id);
        saved.set(view.version, structuredClone(view.report));
        if (i === 2) {
          // a round trip through the head: two versions with the document unchanged
          expect((await t.call(prep, 'POST', `/api/reports/${id}/transitions`, { action: 'submit', waivers: [] })).statusCode).toBe(200);
          expect((await t.call(head, 'POST', `/api/reports/${id}/transitions`, { action: 'return', reason: '请补充' })).statusCode).toBe(200);
          view = await getView(t, prep, id);
          saved.set(view.version - 1, structuredClone(view.report));
          saved.set(view.version, structuredClone(view.report));
        }
      }
      expect(view.version).toBe(8);
      for (const [version, report] of saved) {
        const doc = await findVersionDocument(t.db.kysely, id, version);
        expect(canonicalJson(doc), `version ${version}`).toBe(canonicalJson(report));
      }
      expect(await findVersionDocument(t.db.kysely, id, 9)).toBeUndefined();
      expect(await findVersionDocument(t.db.kysely, id, 0)).toBeUndefined();
      // the API's diff of any two versions is the diff of what was saved
      const diff = json(await t.call(prep, 'GET', `/api/reports/${id}/versions/2/diff/7`));
      expect(diff.changes).toEqual(JSON.parse(JSON.stringify(diffValues(saved.get(2), saved.get(7)))));
      expect(diff.changes.length).toBeGreaterThan(2);
      // no version row holds a document: the report row is the one full copy
      const rows = await t.db.kysely.selectFrom('report_versions').select(['version', 'document', 'delta']).where('report_id', '=', id).orderBy('version').execute();
      expect(rows.every((r) => r.document === null)).toBe(true);
      expect(rows.filter((r) => r.delta !== null).map((r) => r.version)).toEqual([1, 2, 3, 6, 7]);
      expect(Math.max(...rows.map((r) => r.delta?.length ?? 0))).toBeLessThan(600);
    });

    it('a signature on an old version still matches that version once rebuilt', async () => {
      const prep = await t.login('prep1');
      const evaluator = await t.login('eval1');
      const { id } = await createDraft(t, prep);
      const v = await getView(t, prep, id);
      v.report.overview.contact = '吴俊';
      const put = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: v.report }, { 'if-match': `"${v.version}"` });
      expect(put.statusCode, put.body).toBe(200);
      const signed = await t.call(evaluator, 'POST', `/api/reports/${id}/signatures`, { role: 'leader' });
      expect(signed.statusCode, signed.body).toBe(201);
      const sig = json<{ version: number; reportHash: string }>(signed);
      const later = await getView(t, prep, id);
      later.report.overview.contact = '改过了';
      expect((await t.call(prep, 'PUT', `/api/reports/${id}`, { report: later.report }, { 'if-match': `"${later.version}"` })).statusCode).toBe(200);
      const rebuilt = await findVersionDocument(t.db.kysely, id, sig.version);
      // signatures cover what people wrote: the stored version's personal fields are sealed
      expect(reportDigest(t.crypto, attestedContent(openPersonal(t.crypto, rebuilt!), 'leader'))).toBe(sig.reportHash);
    });

    it('restores an old version as a new one, within what the restorer may write now', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      let view = await getView(t, prep, id);
      view.report.overview.contact = '吴俊';
      view.report.overview.tasks = ['任务一'];
      expect((await t.call(prep, 'PUT', `/api/reports/${id}`, { report: view.report }, { 'if-match': `"${view.version}"` })).statusCode).toBe(200);
      const good = await getView(t, prep, id);
      good.report.overview.contact = '';
      good.report.overview.tasks = ['误删后只剩这一条'];
      expect((await t.call(prep, 'PUT', `/api/reports/${id}`, { report: good.report }, { 'if-match': `"${good.version}"` })).statusCode).toBe(200);
      view = await getView(t, prep, id);
      // stale base: 412, nothing restored
      expect((await t.call(prep, 'POST', `/api/reports/${id}/versions/${good.version}/restore`, undefined, { 'if-match': `"${good.version}"` })).statusCode).toBe(412);
      expect((await t.call(prep, 'POST', `/api/reports/${id}/versions/${good.version}/restore`)).statusCode).toBe(428);
      expect((await t.call(prep, 'POST', `/api/reports/${id}/versions/99/restore`, undefined, { 'if-match': `"${view.version}"` })).statusCode).toBe(404);
      const res = await t.call(prep, 'POST', `/api/reports/${id}/versions/${good.version}/restore`, undefined, { 'if-match': `"${view.version}"` });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<{ version: number }>(res).version).toBe(view.version + 1);
      const after = await getView(t, prep, id);
      expect(after.report.overview.contact).toBe('吴俊');
      expect(after.report.overview.tasks).toEqual(['任务一']);
      expect(after.report.cover.departmentName).toBe(view.report.cover.departmentName);
      // history keeps every step: the restore is a new version, the versions in between stay readable
      const versions = json<{ items: Array<{ version: number; action: string }> }>(await t.call(prep, 'GET', `/api/reports/${id}/versions?all=true`)).items;
      expect(versions.map((v) => v.action).slice(-3)).toEqual(['save', 'save', 'restore']);
      expect((await findVersionDocument(t.db.kysely, id, view.version))!.overview.tasks).toEqual(['误删后只剩这一条']);
      const audit = await t.db.kysely.selectFrom('audit_log').select(['event', 'detail']).where('object_id', '=', id).where('event', '=', 'report_restore').execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({ version: view.version + 1, restoredFrom: good.version });
      // once submitted, the preparer can no longer restore (the state guards it as it guards a save)
      expect((await t.call(prep, 'POST', `/api/reports/${id}/transitions`, { action: 'submit', waivers: [] })).statusCode).toBe(200);
      const sent = await getView(t, prep, id);
      expect((await t.call(prep, 'POST', `/api/reports/${id}/versions/2/restore`, undefined, { 'if-match': `"${sent.version}"` })).statusCode).toBe(409);
    });
  });

  describe(`history written before migration 0040 (${backend.name})`, () => {
    let db: Db;
    afterEach(async () => {
      await db?.destroy();
    });

    it('keeps old full copies readable, drops the duplicate of the current document, and goes on with deltas', async () => {
      db = await backend.open();
      const migrator = new Migrator({ db: db.kysely, provider: migrationProvider(db.dialect), ...(db.dialect === 'postgres' ? { migrationTableSchema: db.schema } : {}) });
      const before = await migrator.migrateTo('0003-read-indexes');
      expect(before.error).toBeUndefined();
      const k = db.kysely;
      const at = '2026-03-01T08:00:00.000Z';
      await k.insertInto('bureaus').values({ id: 'b', name: '测试局', region: '', created_at: at }).execute();
      await k.insertInto('departments').values({ id: 'd', bureau_id: 'b', name: '部门', budget_code: '1', parent_id: null, section_id: null, created_at: at }).execute();
      const docs = [1, 2, 3].map((n) => ({ year: 2025, overview: { contact: `第${n}版`, tasks: Array.from({ length: n }, (_, i) => `任务${i}`) } }));
      const old = (v: number) => ({ report_id: 'r', version: v, status: 'draft', action: v === 1 ? 'create' : 'save', document: JSON.stringify(docs[v - 1]), user_id: 'u', created_at: at });
      await k.insertInto('reports').values({
        id: 'r', bureau_id: 'b', department_id: 'd', department_name: '部门', year: 2025, kind: 'overall', template_id: 't', status: 'draft', version: 3,
        document: JSON.stringify(docs[2]), self_score: null, grade: '', finance_since: null, import_meta: null, created_by: 'u', created_at: at, updated_by: 'u', updated_at: at,
      }).execute();
      // the old writer: report_versions had no delta column and a copy of every document
      await (k as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>).insertInto('report_versions').values([old(1), old(2), old(3)]).execute();
      await migrate(db);
      const rows = await k.selectFrom('report_versions').select(['version', 'document']).where('report_id', '=', 'r').orderBy('version').execute();
      expect(rows.map((r) => r.document === null)).toEqual([false, false, true]);
      for (const v of [1, 2, 3]) expect(canonicalJson(await findVersionDocument(k, 'r', v))).toBe(canonicalJson(docs[v - 1]));
    });
  });
}
