// Web defences (issue 13 §6) as a hostile user tries them: cross-site writes (JSON and multipart, login
// included), cookies off localhost, impossible dates and numbers and control characters, messages in the
// project's own words naming the cell, the report's identity owned by the server, and a save that would
// empty a filled report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../core/model/report';
import type { Backend } from '../backends';
import { json, makeTestApp, PASSWORD, type TestApp } from '../harness';
import { createDraft, getView, save } from '../report-helpers';

function multipart(fileName: string, content: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----jixiao-test-boundary';
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function webDefencesSuite(backend: Backend): void {
  describe(`web defences (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend);
    });
    afterEach(async () => {
      await t.close();
    });
    const put = (cookie: string, id: string, report: unknown, version: number, extra: Record<string, unknown> = {}) =>
      t.call(cookie, 'PUT', `/api/reports/${id}`, { report, ...extra }, { 'if-match': `"${version}"` });

    it('refuses state-changing requests from another origin, multipart uploads and the login included', async () => {
      const prep = await t.login('prep1');
      const upload = multipart('报告.txt', '2025年度部门整体支出绩效评价自评报告\n名称：党群工作部');
      const hostile: Array<Record<string, string>> = [
        { origin: 'https://evil.example.gov.cn', 'sec-fetch-site': 'same-site' },
        { origin: 'https://evil.example' },
        { 'sec-fetch-site': 'cross-site' },
        { origin: 'null' },
      ];
      for (const h of hostile) {
        const res = await t.app.inject({ method: 'POST', url: '/api/reports/import', payload: upload.payload, headers: { ...upload.headers, ...h, cookie: prep } });
        expect(res.statusCode, JSON.stringify(h)).toBe(403);
        expect(json(res).error.code).toBe('CSRF_REFUSED');
      }
      expect((await t.call(prep, 'POST', '/api/reports', { year: 2030 }, { origin: 'https://evil.example' })).statusCode).toBe(403);
      expect((await t.call(null, 'POST', '/api/session', { username: 'prep1', password: PASSWORD }, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
      const reports = await t.db.kysely.selectFrom('reports').select('id').execute();
      expect(reports).toEqual([]);
      // the app's own pages: same-origin (Sec-Fetch-Site), or an Origin naming this host
      const own = await t.app.inject({ method: 'POST', url: '/api/reports/import', payload: upload.payload, headers: { ...upload.headers, cookie: prep, 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' } });
      expect(own.statusCode, own.body).toBe(201);
      expect((await t.call(prep, 'POST', '/api/reports', { year: 2031 }, { origin: 'http://localhost:80' })).statusCode).toBe(201);
      // GETs are never refused for where they come from
      expect((await t.call(prep, 'GET', '/api/reports', undefined, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(200);
      const refusals = await t.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'csrf_refused').execute();
      expect(refusals.length).toBeGreaterThanOrEqual(5);
    });

    it('accepts a configured other origin', async () => {
      const other = await makeTestApp(backend, { config: { web: { ...t.config.web, allowedOrigins: ['https://portal.example.gov.cn'] } } });
      try {
        const prep = await other.login('prep1');
        const res = await other.call(prep, 'POST', '/api/reports', { year: 2030 }, { origin: 'https://portal.example.gov.cn', 'sec-fetch-site': 'cross-site' });
        expect(res.statusCode).toBe(201);
      } finally {
        await other.close();
      }
    });

    it('makes cookies Secure by default off localhost, and hands none out over plain HTTP', async () => {
      const remote = { host: 'jixiao.example.gov.cn' };
      const plain = await t.call(null, 'POST', '/api/session', { username: 'prep1', password: PASSWORD }, remote);
      expect(plain.statusCode).toBe(400);
      expect(json(plain).error.code).toBe('INSECURE_TRANSPORT');
      expect(plain.headers['set-cookie']).toBeUndefined();
      const proxied = await makeTestApp(backend, { config: { trustProxy: true } });
      try {
        const tls = await proxied.call(null, 'POST', '/api/session', { username: 'prep1', password: PASSWORD }, { ...remote, 'x-forwarded-proto': 'https' });
        expect(tls.statusCode, tls.body).toBe(200);
        expect(tls.cookies[0]).toMatchObject({ name: '__Host-jixiao_sid', secure: true, httpOnly: true });
        expect(tls.headers['strict-transport-security']).toContain('max-age=');
      } finally {
        await proxied.close();
      }
      const local = await t.call(null, 'POST', '/api/session', { username: 'prep1', password: PASSWORD });
      expect(local.cookies[0]).toMatchObject({ name: 'jixiao_sid', httpOnly: true });
      expect(local.cookies[0]!.secure).toBeFalsy();
    });

    it('refuses impossible dates, absurd numbers and control characters, naming the place in the project’s words', async () => {
      const prep = await t.login('prep1');
      const v = await createDraft(t, prep);
      const bad = structuredClone(v.report) as Report;
      bad.cover.reportDate = '2021-13-45';
      bad.signoffs.department.date = '2023-02-29';
      bad.performance.indicators = [{ level1: '产出目标', level2: '数量指标', name: '培训次数', kind: '定量', operator: '≥', target: '10次', targetValue: '10', unit: '次', actual: '12次', actualValue: '12', weight: 10, score: 1e308, deviationReason: '', libraryId: null }];
      bad.overview.duties = '负责\u0000工作\ufffe。';
      const res = await put(prep, v.id, bad, v.version);
      expect(res.statusCode).toBe(400);
      const message = json(res).error.message as string;
      expect(message).toContain('封面 · 报告日期：“2021-13-45”不是有效日期');
      expect(message).toContain('“2023-02-29”不是有效日期');
      expect(message).toContain('定量目标第1项“培训次数” · 得分：分值和得分应在 0–100 之间');
      expect(message).toContain('一、基本概况 · 职能职责概述：含有无法保存或导出的控制字符');
      // shape errors too are in the project's words, never zod's
      const shapes = structuredClone(v.report) as Record<string, any>;
      shapes.performance.selfScore = 1e308;
      shapes.overview.staffQuota = '五';
      shapes.finance.income = [{ institution: '局机关', kind: 'main', total: 1 }];
      const shaped = await put(prep, v.id, shapes, v.version);
      expect(shaped.statusCode).toBe(400);
      const m2 = json(shaped).error.message as string;
      expect(m2).toContain('三、绩效自评情况 · 绩效自评综合得分：不能大于 100');
      expect(m2).toContain('一、基本概况 · 人员编制：应填写数字');
      expect(m2).toContain('二、收支情况 · 年度收入情况表 · 局机关 · 收入合计：');
      expect(m2).not.toMatch(/期望|实际接收|expected|received|Invalid|Too big/i);
      expect((await getView(t, prep, v.id)).version).toBe(v.version);
    });

    it('keeps the year, department, 预算编码 and template as the server has them', async () => {
      const prep = await t.login('prep1');
      const v = await createDraft(t, prep, 2025);
      for (const change of [
        (r: Report) => (r.year = 2019),
        (r: Report) => (r.cover.departmentName = '别的部门'),
        (r: Report) => (r.cover.budgetCode = '000001'),
        (r: Report) => (r.templateId = 'mof-10-project'),
      ]) {
        const next = structuredClone(v.report);
        change(next);
        const res = await put(prep, v.id, next, v.version);
        expect(res.statusCode).toBe(403);
        expect(json(res).error.code).toBe('FIELD_FORBIDDEN');
        expect(json(res).error.message).toContain('由系统按报告确定');
      }
      expect(json(await t.call(prep, 'GET', `/api/reports/${v.id}`))).toMatchObject({ year: 2025, version: 1, report: { year: 2025, cover: { budgetCode: '99921' } } });
    });

    it('keeps phone numbers sealed at rest, in the report and in every version, and shows them to readers', async () => {
      const prep = await t.login('prep1');
      const v = await createDraft(t, prep);
      await save(t, prep, v.id, (r) => {
        r.overview.phone = '13912345678';
        r.preparer.phone = '0730-8690022';
      });
      const raw = [
        ...(await t.db.kysely.selectFrom('reports').select('document').execute()),
        ...(await t.db.kysely.selectFrom('report_versions').select('document').execute()),
      ].map((r) => (typeof r.document === 'string' ? r.document : JSON.stringify(r.document))).join('\n');
      expect(raw).not.toContain('13912345678');
      expect(raw).not.toContain('8690022');
      expect(raw).toContain('enc1:');
      const view = await getView(t, prep, v.id);
      expect(view.report.overview.phone).toBe('13912345678');
      expect(view.report.preparer.phone).toBe('0730-8690022');
      const diff = json(await t.call(prep, 'GET', `/api/reports/${v.id}/versions/1/diff/2`)).changes.map((c: { path: string }) => c.path).sort();
      expect(diff).toEqual(['overview.phone', 'preparer.phone']);
    });

    it('refuses a save that would empty a filled report unless confirmed', async () => {
      const prep = await t.login('prep1');
      const v = await createDraft(t, prep);
      const version = await save(t, prep, v.id, (r) => {
        r.overview.tasks = Array.from({ length: 30 }, (_, i) => `任务${i + 1}`);
        r.overview.contact = '王焱';
      });
      const blank = await put(prep, v.id, {}, version);
      expect(blank.statusCode).toBe(409);
      expect(json(blank).error).toMatchObject({ code: 'CONFIRMATION_REQUIRED', loss: { before: expect.any(Number), after: expect.any(Number) } });
      expect(json(blank).error.message).toContain('清空');
      expect((await getView(t, prep, v.id)).report.overview.tasks).toHaveLength(30);
      // an ordinary edit, even removing a good deal, goes through; clearing on purpose too, once confirmed
      expect(await save(t, prep, v.id, (r) => (r.overview.tasks = r.overview.tasks.slice(0, 20)))).toBe(version + 1);
      const confirmed = await put(prep, v.id, {}, version + 1, { confirmClear: true });
      expect(confirmed.statusCode, confirmed.body).toBe(403); // identity fields stay: a blank document changes the year …
      const keep = { year: v.report.year, cover: { departmentName: v.report.cover.departmentName, budgetCode: v.report.cover.budgetCode } };
      expect((await put(prep, v.id, keep, version + 1)).statusCode).toBe(409);
      expect((await put(prep, v.id, keep, version + 1, { confirmClear: true })).statusCode).toBe(200);
    });
  });
}
