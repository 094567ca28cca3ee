// Work on large reports happens in the heavy-work pool, not on the request thread (issue 13 §1), and gives
// the same answers: a large save is parsed, validated and judged in a worker (and still refuses what the
// small path refuses), views and exports of a large report are checked and rendered there, signatures
// digested there, a large file imported whole there; a worker out of memory or a full queue is a clean
// error, never a crashed server.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../core/model/report';
import { SEED_PATH } from '../../../../test/helpers/seed';
import { createHeavyWork, type HeavyWork } from '../../heavy/pool';
import type { Backend } from '../backends';
import { json, makeTestApp, testConfig, type TestApp } from '../harness';
import { largestReport } from '../large-report';
import { act, createDraft, getView, sign } from '../report-helpers';
import { TEST_KEYS } from '../harness';
import { softwareProvider } from '../../crypto/provider';

const KB = 1024;

/** The pool, counting what it is asked to do. */
function counted(pool: HeavyWork): HeavyWork & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const wrap = <K extends keyof HeavyWork>(k: K) =>
    ((...args: unknown[]) => {
      calls[k] = (calls[k] ?? 0) + 1;
      return (pool[k] as (...a: unknown[]) => unknown)(...args);
    }) as HeavyWork[K];
  return { calls, get load() { return pool.load; }, check: wrap('check'), export: wrap('export'), importFile: wrap('importFile'), prepareSave: wrap('prepareSave'), digests: wrap('digests'), diff: wrap('diff') };
}

export function heavyWorkSuite(backend: Backend): void {
  describe(`heavy work off the request thread (${backend.name})`, () => {
    let t: TestApp;
    let pool: ReturnType<typeof counted>;
    let id: string;
    let big: Report;
    const crypto = softwareProvider({ suite: 'standard', auditSecret: Buffer.from(TEST_KEYS.audit, 'hex'), dataSecret: Buffer.from(TEST_KEYS.data, 'hex') });
    let version = 1;

    beforeAll(async () => {
      const config = testConfig();
      pool = counted(createHeavyWork(config, crypto));
      t = await makeTestApp(backend, { deps: { heavy: pool } });
      const prep = await t.login('prep1');
      const draft = await createDraft(t, prep, 2021);
      id = draft.id;
      big = largestReport(320 * KB, draft.report);
      big.overview.phone = '13912345678';
      const res = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: big }, { 'if-match': '"1"' });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      version = json(res).version;
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    it('saves a large report through the pool, with the small path’s rules', async () => {
      expect(pool.calls.prepareSave).toBe(1);
      const prep = await t.login('prep1');
      const view = await getView(t, prep, id);
      expect(view.report.finance.income.length).toBe(big.finance.income.length);
      // sent as the stored text, its sealed phone opened in place
      expect(view.report.overview.phone).toBe('13912345678');
      expect(pool.calls.check).toBeGreaterThanOrEqual(1);
      const bad = structuredClone(big);
      bad.cover.reportDate = '2021-13-45';
      const invalid = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: bad }, { 'if-match': `"${version}"` });
      expect(invalid.statusCode).toBe(400);
      expect(json(invalid).error.message).toContain('封面 · 报告日期：“2021-13-45”不是有效日期');
      const moved = structuredClone(big);
      moved.year = 2018;
      expect(json(await t.call(prep, 'PUT', `/api/reports/${id}`, { report: moved }, { 'if-match': `"${version}"` })).error.code).toBe('FIELD_FORBIDDEN');
      const shape = structuredClone(big) as unknown as { overview: { staffQuota: unknown } };
      shape.overview.staffQuota = '五';
      const shaped = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: shape }, { 'if-match': `"${version}"` });
      expect(json(shaped).error.message).toContain('一、基本概况 · 人员编制：应填写数字');
      const stale = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: big }, { 'if-match': '"1"' });
      expect(stale.statusCode).toBe(412);
      const edited = structuredClone(big);
      edited.overview.contact = '张三';
      const ok = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: edited }, { 'if-match': `"${version}"` });
      expect(ok.statusCode).toBe(200);
      expect(json(ok)).toMatchObject({ version: version + 1, changed: 1 });
      version += 1;
      const rows = await t.db.kysely.selectFrom('report_versions').select('version').where('report_id', '=', id).execute();
      expect(rows.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3]);
    }, 120_000);

    it('exports a large report from the pool, every format, audited with its digest', async () => {
      const prep = await t.login('prep1');
      for (const format of ['json', 'docx', 'csv'] as const) {
        const res = await t.call(prep, 'GET', `/api/reports/${id}/export?format=${format}`);
        expect(res.statusCode, `${format}: ${res.body.slice(0, 200)}`).toBe(200);
        expect(res.rawPayload.length).toBeGreaterThan(5_000);
      }
      const exported = JSON.parse((await t.call(prep, 'GET', `/api/reports/${id}/export?format=json`)).body);
      expect(exported.report.finance.income.length).toBe(big.finance.income.length);
      expect(pool.calls.export).toBe(4);
      expect((await t.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'report_export').execute()).length).toBe(4);
    }, 180_000);

    it('submits, signs and approves a large report, checked and digested in the pool', async () => {
      const prep = await t.login('prep1');
      const blocked = await act(t, prep, id, 'submit');
      expect(blocked.statusCode).toBe(422);
      const waivers = json(blocked).findings.map((f: { code: string; path: string }) => ({ code: f.code, path: f.path, reason: '测试：大型报告' }));
      expect((await act(t, prep, id, 'submit', { waivers })).statusCode).toBe(200);
      // the 组长's signature is his to give during the department's review (no waiver at the submit)
      expect((await sign(t, await t.login('eval1'), id, 'leader', '同意')).statusCode).toBe(201);
      const head = await t.login('head1');
      const before = pool.calls.digests ?? 0;
      expect((await sign(t, head, id, 'head', '同意')).statusCode).toBe(201);
      expect((await act(t, head, id, 'approve')).statusCode).toBe(200);
      expect(pool.calls.digests! - before).toBeGreaterThanOrEqual(2);
      const sigs = json(await t.call(head, 'GET', `/api/reports/${id}/signatures`)).items;
      expect(sigs).toMatchObject(expect.arrayContaining([expect.objectContaining({ role: 'head', valid: true }), expect.objectContaining({ role: 'leader', valid: true })]));
    }, 180_000);

    it('imports a large file whole in the pool', async () => {
      const seed = readFileSync(SEED_PATH, 'utf8');
      // large for the pool yet within what the form holds (a narrative part takes 50,000 characters)
      const padded = `${seed}\n${'本年度部门认真贯彻落实上级决策部署，围绕年度目标任务，强化预算执行管理。\n'.repeat(1200)}`;
      expect(Buffer.byteLength(padded)).toBeGreaterThan(128 * KB);
      const app = await makeTestApp(backend, { deps: { heavy: pool, importFile: (b, n) => pool.importFile(b, n) } });
      try {
        const prep = await app.login('prep1');
        const boundary = '----jx';
        const payload = Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="seed.txt"\r\nContent-Type: text/plain\r\n\r\n`),
          Buffer.from(padded),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        const res = await app.app.inject({ method: 'POST', url: '/api/reports/import', payload, headers: { cookie: prep, 'content-type': `multipart/form-data; boundary=${boundary}` } });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
        expect(json(res).report.overview.contact).toBe('王焱');
        expect(pool.calls.importFile).toBe(1);
      } finally {
        await app.close();
      }
    }, 120_000);

    it('answers a worker out of memory and a full queue cleanly, and keeps serving', async () => {
      const tiny = createHeavyWork({ ...testConfig(), heavy: { ...testConfig().heavy, heapMb: 16, maxConcurrent: 1, maxQueued: 0 } }, crypto);
      const r = largestReport(2 * 1024 * KB);
      const results = await Promise.allSettled([tiny.export({ report: r }, 'docx', { truncated: false }), tiny.export({ report: r }, 'docx', { truncated: false })]);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: { code: 'WORK_TOO_LARGE' } });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'WORK_BUSY' } });
      expect((await t.call(null, 'GET', '/api/health')).statusCode).toBe(200);
    }, 120_000);
  });
}
