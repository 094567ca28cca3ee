// Reports: visibility per role (IDOR → 404), create, read with ETag, save with If-Match
// (200/412/428), field-level rules, validation, import, history and diff.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { createDraft, getView, multipart, reportIn, save } from '../report-helpers';

export function reportsSuite(backend: Backend): void {
  describe(`reports (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend);
    });
    afterEach(async () => {
      await t.close();
    });

    it('requires a session (401) on every report route', async () => {
      for (const [m, u] of [['GET', '/api/reports'], ['POST', '/api/reports'], ['GET', '/api/reports/x'], ['PUT', '/api/reports/x'], ['POST', '/api/reports/x/transitions'], ['GET', '/api/reports/x/versions'], ['GET', '/api/reports/x/versions/1/diff/2'], ['GET', '/api/reports/x/signatures'], ['POST', '/api/reports/x/signatures'], ['POST', '/api/reports/import'], ['GET', '/api/audit/verify']] as const) {
        const res = await t.call(null, m, u, m === 'GET' ? undefined : {});
        expect(res.statusCode, `${m} ${u}`).toBe(401);
        expect(json(res).error.code).toBe('UNAUTHENTICATED');
      }
    });

    it('creates a blank draft for the preparer only (201/403/400)', async () => {
      const prep = await t.login('prep1');
      const view = await createDraft(t, prep, 2025);
      expect(view).toMatchObject({ status: 'draft', version: 1, year: 2025, departmentName: '党群工作部', actions: ['submit'], editScope: '*' });
      expect(view.report.cover.budgetCode).toBe('99921');
      for (const h of ['head1', 'revA', 'perf', 'sys', 'aud'])
        expect((await t.call(await t.login(h), 'POST', '/api/reports', { year: 2025 })).statusCode, h).toBe(403);
      const bad = await t.call(prep, 'POST', '/api/reports', { year: 'abc' });
      expect(bad.statusCode).toBe(400);
      expect(json(bad).error.message).toContain('请填写报告年度');
      const tpl = await t.call(prep, 'POST', '/api/reports', { year: 2025, templateId: 'no-such-template' });
      expect(tpl.statusCode).toBe(400);
      expect(json(tpl).error.message).toContain('未知的评分表模板');
    });

    it('GET returns the report, findings, score and an ETag', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      const res = await t.call(prep, 'GET', `/api/reports/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      const v = json(res);
      expect(Object.keys(v)).toEqual(expect.arrayContaining(['id', 'status', 'version', 'report', 'findings', 'score']));
      expect(v.findings.map((f: { code: string }) => f.code)).toEqual(['TEST.TITLE']);
      expect(v.score.templateName).toBe('测试模板');
    });

    it('answers If-None-Match with 304 while the version stands, and never for a report the user cannot see', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      const cond = (cookie: string, value: string) => t.call(cookie, 'GET', `/api/reports/${id}`, undefined, { 'if-none-match': value });
      for (const value of ['"1"', 'W/"1"', '"7", "1"', '*']) {
        const res = await cond(prep, value);
        expect(res.statusCode, value).toBe(304);
        expect(res.headers.etag).toBe('"1"');
        expect(res.body).toBe('');
      }
      await save(t, prep, id, (r) => (r.overview.contact = '王焱'));
      const changed = await cond(prep, '"1"');
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(json(changed).report.overview.contact).toBe('王焱');
      expect((await cond(prep, 'garbage')).statusCode).toBe(200);
      for (const h of ['prep2', 'revA']) expect((await cond(await t.login(h), '"2"')).statusCode, h).toBe(404);
      expect((await cond(await t.login('aud'), '*')).statusCode).toBe(403);
    });

    it('shows each role only its reports; everything else is 404 (IDOR)', async () => {
      const draft = await reportIn(t, 'draft');
      const submitted = await reportIn(t, 'submitted');
      const own = async (h: string) => json((await t.call(await t.login(h), 'GET', '/api/reports'))).items.map((i: { id: string }) => i.id).sort();
      expect(await own('prep1')).toEqual([draft, submitted].sort());
      expect(await own('head1')).toEqual([draft, submitted].sort());
      expect(await own('revA')).toEqual([submitted]); // 归口 D1, and only once sent to finance
      expect(await own('perf')).toEqual([submitted]);
      for (const h of ['prep2', 'revE', 'perf2', 'prep9']) expect(await own(h), h).toEqual([]);
      for (const h of ['prep2', 'revE', 'perf2']) {
        const c = await t.login(h);
        for (const id of [draft, submitted]) {
          for (const [m, u] of [['GET', `/api/reports/${id}`], ['GET', `/api/reports/${id}/versions`], ['GET', `/api/reports/${id}/signatures`], ['GET', `/api/reports/${id}/versions/1/diff/2`]] as const) {
            const res = await t.call(c, m, u);
            expect(res.statusCode, `${h} ${u}`).toBe(404);
            expect(res.body).not.toContain('党群工作部');
          }
          expect((await t.call(c, 'PUT', `/api/reports/${id}`, { report: {} }, { 'if-match': '"1"' })).statusCode).toBe(404);
          expect((await t.call(c, 'POST', `/api/reports/${id}/transitions`, { action: 'accept' })).statusCode).toBe(404);
        }
      }
      expect((await t.call(await t.login('revA'), 'GET', `/api/reports/${draft}`)).statusCode).toBe(404);
      expect((await t.call(await t.login('prep1'), 'GET', '/api/reports/no-such-id')).statusCode).toBe(404);
      const list = json(await t.call(await t.login('perf'), 'GET', '/api/reports?year=2025&status=submitted')).items;
      expect(list[0]).toMatchObject({ id: submitted, departmentName: '党群工作部', status: 'submitted', version: 4, selfScore: null, grade: '' });
      expect((await t.call(await t.login('aud'), 'GET', `/api/reports/${draft}`)).statusCode).toBe(403);
      const page1 = json(await t.call(await t.login('prep1'), 'GET', '/api/reports?limit=1'));
      expect(page1.items).toHaveLength(1);
      const page2 = json(await t.call(await t.login('prep1'), 'GET', `/api/reports?limit=1&after=${page1.next}`));
      expect(page2).toMatchObject({ next: null });
      expect(page2.items[0].id).not.toBe(page1.items[0].id);
      expect((await t.call(await t.login('prep1'), 'GET', '/api/reports?limit=5000')).statusCode).toBe(400);
    });

    it('saves with If-Match: 200 + new ETag, 412 stale with the current report, 428 missing, 400 malformed', async () => {
      const prep = await t.login('prep1');
      const v = await createDraft(t, prep);
      v.report.overview.contact = '王焱';
      const ok = await t.call(prep, 'PUT', `/api/reports/${v.id}`, { report: v.report }, { 'if-match': '"1"' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(json(ok)).toMatchObject({ version: 2, changed: 1 });
      v.report.overview.contact = '李四';
      const stale = await t.call(prep, 'PUT', `/api/reports/${v.id}`, { report: v.report }, { 'if-match': '"1"' });
      expect(stale.statusCode).toBe(412);
      expect(json(stale).error.code).toBe('VERSION_CONFLICT');
      expect(json(stale).current).toMatchObject({ version: 2, report: { overview: { contact: '王焱' } } });
      const missing = await t.call(prep, 'PUT', `/api/reports/${v.id}`, { report: v.report });
      expect(missing.statusCode).toBe(428);
      expect(json(missing).error.code).toBe('PRECONDITION_REQUIRED');
      expect((await t.call(prep, 'PUT', `/api/reports/${v.id}`, { report: v.report }, { 'if-match': 'W/"2"' })).statusCode).toBe(400);
      const noop = await t.call(prep, 'PUT', `/api/reports/${v.id}`, { report: (await getView(t, prep, v.id)).report }, { 'if-match': '"2"' });
      expect(json(noop)).toMatchObject({ version: 2, changed: 0 });
    });

    it('rejects an invalid report with Chinese field messages (400) and ignores unknown fields', async () => {
      const prep = await t.login('prep1');
      const v = await createDraft(t, prep);
      const bad = structuredClone(v.report) as any;
      bad.finance.income = [{ institution: '局机关', kind: 'main', total: '12,3' }];
      const res = await t.call(prep, 'PUT', `/api/reports/${v.id}`, { report: bad }, { 'if-match': '"1"' });
      expect(res.statusCode).toBe(400);
      expect(json(res).error.message).toContain('金额必须是万元数');
      expect(json(res).error.fields[0].path).toBe('finance.income[0].total');
      expect(json(res).error.message).toContain('二、收支情况 · 年度收入情况表 · 局机关 · 收入合计：');
      const extra = { ...structuredClone(v.report), status: 'published', version: 99 } as any;
      extra.overview.contact = 'x';
      expect((await t.call(prep, 'PUT', `/api/reports/${v.id}`, { report: extra }, { 'if-match': '"1"' })).statusCode).toBe(200);
      expect(await getView(t, prep, v.id)).toMatchObject({ status: 'draft', version: 2 });
    });

    it('limits writes by status and role: 409 after submission, 403 outside the field scope', async () => {
      const id = await reportIn(t, 'dept_review');
      const prep = await t.login('prep1');
      const v = await getView(t, prep, id);
      v.report.overview.contact = '改动';
      const locked = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: v.report }, { 'if-match': `"${v.version}"` });
      expect(locked.statusCode).toBe(409);
      expect(json(locked).error.code).toBe('INVALID_STATE');
      const head = await t.login('head1');
      const outside = await t.call(head, 'PUT', `/api/reports/${id}`, { report: v.report }, { 'if-match': `"${v.version}"` });
      expect(outside.statusCode).toBe(403);
      expect(json(outside).error).toMatchObject({ code: 'FIELD_FORBIDDEN', paths: ['overview.contact'] });
      const mine = (await getView(t, head, id)).report;
      mine.signoffs.department.opinion = '同意上报';
      expect((await t.call(head, 'PUT', `/api/reports/${id}`, { report: mine }, { 'if-match': `"${v.version}"` })).statusCode).toBe(200);
      const sub = await reportIn(t, 'submitted');
      const rev = await t.login('revA');
      const sv = await getView(t, rev, sub);
      const r = sv.report;
      r.signoffs.finance.opinion = '同意';
      expect((await t.call(rev, 'PUT', `/api/reports/${sub}`, { report: r }, { 'if-match': `"${sv.version}"` })).statusCode).toBe(200);
      r.overview.contact = '财政改数';
      expect((await t.call(rev, 'PUT', `/api/reports/${sub}`, { report: r }, { 'if-match': `"${sv.version + 1}"` })).statusCode).toBe(403);
      expect((await t.call(await t.login('perf'), 'PUT', `/api/reports/${sub}`, { report: r }, { 'if-match': `"${sv.version + 1}"` })).statusCode).toBe(403);
    });

    it('keeps the finance section’s opinion out of the department’s reach, even in a draft', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      const v = await getView(t, prep, id);
      v.report.signoffs.finance.opinion = '财政同意（部门自填）';
      const res = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: v.report }, { 'if-match': `"${v.version}"` });
      expect(res.statusCode).toBe(403);
      expect(json(res).error).toMatchObject({ code: 'FIELD_FORBIDDEN', paths: ['signoffs.finance.opinion'] });
    });

    it('keeps every version and diffs any two field by field', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      await save(t, prep, id, (r) => (r.overview.contact = '王焱'));
      await save(t, prep, id, (r) => {
        r.overview.contact = '王焱焱';
        r.overview.staffQuota = 3;
      });
      // the history folds one person's autosaves into their editing session; ?all=true lists every stored version
      const lines = json(await t.call(prep, 'GET', `/api/reports/${id}/versions`)).items;
      expect(lines.map((v: { version: number; action: string; autosaves: Array<{ version: number }> }) => [v.version, v.action, v.autosaves.map((a) => a.version)])).toEqual([[1, 'create', []], [3, 'save', [2]]]);
      const versions = json(await t.call(prep, 'GET', `/api/reports/${id}/versions?all=true`)).items;
      expect(versions.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([[1, 'create'], [2, 'save'], [3, 'save']]);
      expect(versions[1].user_name).toBe('测试prep1');
      const diff = json(await t.call(prep, 'GET', `/api/reports/${id}/versions/1/diff/3`));
      expect(diff.changes).toEqual([
        { path: 'overview.contact', before: '', after: '王焱焱' },
        { path: 'overview.staffQuota', before: null, after: 3 },
      ]);
      expect((await t.call(prep, 'GET', `/api/reports/${id}/versions/1/diff/9`)).statusCode).toBe(404);
      expect((await t.call(prep, 'GET', `/api/reports/${id}/versions/x/diff/2`)).statusCode).toBe(400);
    });

    it('imports a file into a new draft (201) and keeps unmapped text and diagnostics', async () => {
      const prep = await t.login('prep1');
      const mp = multipart({ year: '2022' }, { name: '自评报告.txt', content: '部门(单位)名称：党群工作部\n预 算 编 码：999236\n2021年度' });
      const res = await t.app.inject({ method: 'POST', url: '/api/reports/import', payload: mp.payload, headers: { ...mp.headers, cookie: prep } });
      expect(res.statusCode, res.body).toBe(201);
      const v = json(res);
      expect(v).toMatchObject({ status: 'draft', version: 1, year: 2022, departmentName: '党群工作部' });
      expect(v.import.unmapped).toHaveLength(1);
      expect(v.import.fileName).toBe('自评报告.txt');
      expect(v.import.diagnostics.map((d: { code: string }) => d.code)).toEqual(['IMPORT.TEST', 'IMPORT.BUDGET_CODE_MISMATCH']);
      const again = await getView(t, prep, v.id);
      expect(again.import).toEqual(v.import);
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('event', '=', 'report_import').execute();
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ fileName: '自评报告.txt', format: 'text' });
      // the list names the file and when it came in; a report made online has no source
      const blank = await createDraft(t, prep, 2023);
      const items = json(await t.call(prep, 'GET', '/api/reports')).items as Array<{ id: string; sourceFile: string | null; importedAt: string | null }>;
      expect(items.find((i) => i.id === v.id)).toMatchObject({ sourceFile: '自评报告.txt', importedAt: v.updatedAt });
      expect(items.find((i) => i.id === blank.id)).toMatchObject({ sourceFile: null, importedAt: null });
      // deleting the draft takes its source along
      expect((await t.call(prep, 'DELETE', `/api/reports/${v.id}`)).statusCode).toBe(200);
      expect(await t.db.kysely.selectFrom('report_sources').selectAll().execute()).toEqual([]);
    });

    it('answers import errors with the importer\'s Chinese message (400/415) and audits them', async () => {
      const prep = await t.login('prep1');
      const send = (content: string, fields: Record<string, string> = {}, name = 'a.txt') => {
        const mp = multipart(fields, { name, content });
        return t.app.inject({ method: 'POST', url: '/api/reports/import', payload: mp.payload, headers: { ...mp.headers, cookie: prep } });
      };
      const broken = await send('IMPORT_FAIL');
      expect(broken.statusCode).toBe(400);
      expect(json(broken).error).toMatchObject({ code: 'IMPORT_FAILED', importCode: 'NOT_A_REPORT', message: '文件“a.txt”中没有找到自评报告的内容' });
      const binary = await send('BINARY', {}, 'x.pdf');
      expect(binary.statusCode).toBe(415);
      expect((await send('没有年度')).statusCode).toBe(400);
      const noFile = multipart({ year: '2021' });
      expect((await t.app.inject({ method: 'POST', url: '/api/reports/import', payload: noFile.payload, headers: { ...noFile.headers, cookie: prep } })).statusCode).toBe(400);
      const head = await t.login('head1');
      const mp = multipart({}, { name: 'a.txt', content: '2021年度' });
      expect((await t.app.inject({ method: 'POST', url: '/api/reports/import', payload: mp.payload, headers: { ...mp.headers, cookie: head } })).statusCode).toBe(403);
      const failed = await t.db.kysely.selectFrom('audit_log').select(['outcome']).where('event', '=', 'report_import').execute();
      expect(failed.map((f) => f.outcome)).toEqual(['failure', 'failure']);
    });

    it('refuses an upload over the size limit (413)', async () => {
      const small = await makeTestApp(backend, { config: { uploadLimitBytes: 1024 } });
      try {
        const prep = await small.login('prep1');
        const mp = multipart({}, { name: 'big.txt', content: Buffer.alloc(4096, 'a') });
        const res = await small.app.inject({ method: 'POST', url: '/api/reports/import', payload: mp.payload, headers: { ...mp.headers, cookie: prep } });
        expect(res.statusCode).toBe(413);
        expect(json(res).error.code).toBe('FILE_TOO_LARGE');
      } finally {
        await small.close();
      }
    });
  });
}
