// Importing a file into an existing draft over HTTP (issue 11 §3), with the real importer and the seed
// report: a preview that writes nothing, 合并 that keeps what the file leaves empty, 替换, If-Match, the
// source in the list, who may, and a year that does not fit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedReport, seedText } from '../../../../test/helpers/seed';
import { defaultImportFile } from '../../app';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { board, issuedTask, makeBureauApp } from '../bureau-helpers';
import { readFileSync } from 'node:fs';
import { formOf, getTemplate } from '../../../core/templates/index';
import { renderReportDocx } from '../../../io/export/docx/index';
import { createDraft, getView, multipart, reportIn, save } from '../report-helpers';

export function reportImportSuite(backend: Backend): void {
  describe(`import into an existing draft (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend, { deps: { importFile: defaultImportFile } });
    });
    afterEach(async () => {
      await t.close();
    });

    // the seed with its 联系人 left empty: what the file does not say
    const FILE = seedText.replace('\t王焱\n', '\t\n');
    const upload = (cookie: string, id: string, mode: string, version?: number, content = FILE) => {
      const mp = multipart({ mode }, { name: 'dangqun-2021.txt', content });
      return t.app.inject({ method: 'POST', url: `/api/reports/${id}/import`, payload: mp.payload, headers: { ...mp.headers, cookie, ...(version ? { 'if-match': `"${version}"` } : {}) } });
    };
    const imports = async () => (await t.db.kysely.selectFrom('audit_log').select(['detail', 'outcome']).where('event', '=', 'report_import').orderBy('seq').execute()).map((r) => JSON.parse(r.detail));

    it('previews without writing, then merges: the file fills the draft, the draft keeps what the file leaves empty', async () => {
      const seed = seedReport();
      expect(FILE).not.toBe(seedText);
      const prep = await t.login('prep1');
      const d = await createDraft(t, prep, 2021);
      const v2 = await save(t, prep, d.id, (r) => {
        r.overview.contact = '王会计';
      });

      const preview = await upload(prep, d.id, 'preview');
      expect(preview.statusCode, preview.body).toBe(200);
      const p = json(preview);
      expect(p).toMatchObject({ mode: 'preview', fileName: 'dangqun-2021.txt', version: v2, changed: 0 });
      expect(p.changes.find((c: { path: string }) => c.path === 'overview.contact')).toEqual({ path: 'overview.contact', before: '王会计', after: '', merged: false });
      expect(p.changes.filter((c: { path: string; merged: boolean }) => c.path.startsWith('finance.') && c.merged).length).toBeGreaterThan(10);
      expect((await getView(t, prep, d.id)).version).toBe(v2);
      expect(await imports()).toEqual([]);

      const merged = await upload(prep, d.id, 'merge', v2);
      expect(merged.statusCode, merged.body).toBe(200);
      const m = json(merged);
      expect(m).toMatchObject({ mode: 'merge', version: v2 + 1 });
      expect(m.changed).toBe(p.changes.filter((c: { merged: boolean }) => c.merged).length);
      const after = await getView(t, prep, d.id);
      expect(after.version).toBe(v2 + 1);
      expect(after.report.overview.contact).toBe('王会计');
      expect(after.report.finance).toEqual(seed.finance);
      expect(after.report.year).toBe(2021);
      expect(await imports()).toEqual([expect.objectContaining({ fileName: 'dangqun-2021.txt', mode: 'merge', version: v2 + 1, changed: m.changed })]);
      const versions = json(await t.call(prep, 'GET', `/api/reports/${d.id}/versions`)).items;
      expect(versions.map((x: { action: string }) => x.action)).toContain('import');
      const listed = json(await t.call(prep, 'GET', '/api/reports')).items.find((i: { id: string }) => i.id === d.id);
      expect(listed).toMatchObject({ sourceFile: 'dangqun-2021.txt', importedAt: after.updatedAt });
    });

    it('replaces, and never over a version it was not shown (412, 428)', async () => {
      const prep = await t.login('prep1');
      const d = await createDraft(t, prep, 2021);
      const v2 = await save(t, prep, d.id, (r) => {
        r.overview.contact = '王会计';
      });
      expect((await upload(prep, d.id, 'replace')).statusCode).toBe(428);
      const stale = await upload(prep, d.id, 'replace', v2 - 1);
      expect(stale.statusCode).toBe(412);
      expect(json(stale).current.version).toBe(v2);
      const replaced = await upload(prep, d.id, 'replace', v2);
      expect(replaced.statusCode, replaced.body).toBe(200);
      const after = await getView(t, prep, d.id);
      expect(after.report.overview.contact).toBe('');
      expect(after.report.narrative).toEqual(seedReport().narrative);
      // the same file again: nothing to change, no new version
      expect(json(await upload(prep, d.id, 'replace', after.version))).toMatchObject({ changed: 0, version: after.version });
    });

    it('refuses in Chinese: another year, another role, a submitted report, an unknown mode', async () => {
      const prep = await t.login('prep1');
      const other = await createDraft(t, prep, 2022);
      const year = await upload(prep, other.id, 'preview');
      expect(year.statusCode).toBe(400);
      expect(json(year).error.message).toContain('文件是2021年度的报告，本草稿是2022年度');
      expect((await upload(await t.login('head1'), other.id, 'preview')).statusCode).toBe(403);
      expect((await upload(await t.login('prep2'), other.id, 'preview')).statusCode).toBe(404);
      const bad = await upload(prep, other.id, 'overwrite');
      expect(bad.statusCode).toBe(400);
      expect(json(bad).error.message).toContain('mode 须为');
      const submitted = await reportIn(t, 'dept_review');
      const late = await upload(prep, submitted, 'preview');
      expect(late.statusCode).toBe(409);
      expect(json(late).error.message).toContain('报告已提交，不能再导入文件');
    });
  });

  describe(`which template an imported report is on (${backend.name})`, () => {
    const HUNAN = readFileSync(new URL('../../../../test/fixtures/real-excerpts/013.txt', import.meta.url));
    const importNew = async (t: TestApp, cookie: string) => {
      const mp = multipart({}, { name: '零陵区林业局2021.txt', content: HUNAN.toString('utf8') });
      const res = await t.app.inject({ method: 'POST', url: '/api/reports/import', payload: mp.payload, headers: { ...mp.headers, cookie } });
      expect(res.statusCode, res.body).toBe(201);
      const id = json<{ id: string }>(res).id;
      const row = await t.db.kysely.selectFrom('reports').select(['template_id', 'import_meta']).where('id', '=', id).executeTakeFirstOrThrow();
      return { template: row.template_id, codes: (JSON.parse(String(row.import_meta)).diagnostics as Array<{ code: string; message: string }>) };
    };

    it('keeps the form a file is written in when no task names one: a Hunan 自评表 is on the Hunan template', async () => {
      const t = await makeTestApp(backend, { deps: { importFile: defaultImportFile } });
      try {
        const { template } = await importNew(t, await t.login('prep1'));
        expect(template).toBe('hunan-overall');
      } finally {
        await t.close();
      }
    });

    it('puts an import into the year’s task on the task’s template, and says so', async () => {
      const t = await makeBureauApp(backend, { deps: { importFile: defaultImportFile } });
      try {
        const taskId = await issuedTask(t);
        const own = (await board(t, taskId)).items.find((i) => i.departmentId === 'd1')!;
        const prep = await t.as('prep1');
        expect((await t.call(prep, 'DELETE', `/api/reports/${own.reportId}`)).statusCode).toBe(200);
        const { template, codes } = await importNew(t, prep);
        expect(template).toBe('yueyang-overall');
        const said = codes.find((d) => d.code === 'IMPORT.TEMPLATE_OF_TASK');
        expect(said?.message).toContain('已按任务的模板读取并保存');
      } finally {
        await t.close();
      }
    });

    it('reads a file in a bureau template’s own words onto that template when it is the task’s', async () => {
      // the bureau's template: the Yueyang form with labels of its own (no alias of the default form)
      const base = getTemplate('yueyang-overall');
      const form = structuredClone(formOf(base)) as unknown as { fields: Array<{ path: string; label: string; print?: string; aliases: string[] }> };
      const RELABEL: Record<string, string> = { 'overview.contact': '经办人', 'overview.phone': '经办人手机', 'overview.staffQuota': '编制总额', 'overview.actualStaff': '在册人员' };
      for (const f of form.fields) if (RELABEL[f.path]) Object.assign(f, { label: RELABEL[f.path], print: undefined, aliases: [] });
      const data = JSON.parse(JSON.stringify({ ...base, id: 'ceshi-own-words', version: 1, name: '测试市部门整体支出绩效评价（本局表式）', form }));
      // the file: a report on that form as Jixiao prints it
      const r = seedReport();
      const docx = Buffer.from(await renderReportDocx(r, { form: data.form }));
      const t = await makeBureauApp(backend, { deps: { importFile: defaultImportFile } });
      try {
        const perf = await t.as('perf');
        const up = await t.call(perf, 'POST', '/api/templates', { text: JSON.stringify(data, null, 2) });
        expect(up.statusCode, up.body).toBe(201);
        const taskId = await issuedTask(t, { templateId: 'ceshi-own-words' });
        const own = (await board(t, taskId)).items.find((i) => i.departmentId === 'd1')!;
        const prep = await t.as('prep1');
        expect((await t.call(prep, 'DELETE', `/api/reports/${own.reportId}`)).statusCode).toBe(200);
        const mp = multipart({}, { name: 'own-words.docx', content: docx });
        const res = await t.app.inject({ method: 'POST', url: '/api/reports/import', payload: mp.payload, headers: { ...mp.headers, cookie: prep } });
        expect(res.statusCode, res.body).toBe(201);
        const view = json<{ report: ReturnType<typeof seedReport> }>(res);
        expect(view.report.templateId).toBe('ceshi-own-words');
        expect(view.report.overview).toMatchObject({ contact: r.overview.contact, staffQuota: r.overview.staffQuota, actualStaff: r.overview.actualStaff });
      } finally {
        await t.close();
      }
    });
  });
}
