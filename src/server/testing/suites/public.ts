// The public disclosure site over HTTP, anonymous: after 公开 the seed is listed and found by its
// department, its official page renders on the server (no script needed, no checker marks) with the
// phone numbers redacted and the signers printed, its JSON and the bureau's open data carry the same
// values, ETags answer 304, nothing unpublished leaks, and every signature code resolves.
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedReport } from '../../../../test/helpers/seed';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { act, createDraft, save, sign } from '../report-helpers';

export function publicSuite(backend: Backend): void {
  describe(`public site (${backend.name})`, () => {
    let t: TestApp;
    let id: string;
    let bureauId: string;
    let dept: string;
    const seed = seedReport();
    beforeEach(async () => {
      t = await makeTestApp(backend);
      const prep = await t.login('prep1');
      id = (await createDraft(t, prep, 2021)).id;
      await save(t, prep, id, (r) => {
        const keep = { year: r.year, templateId: r.templateId, templateVersion: r.templateVersion };
        const cover = { departmentName: r.cover.departmentName, budgetCode: r.cover.budgetCode };
        Object.assign(r, structuredClone(seed), keep);
        Object.assign(r.cover, cover);
        r.narrative[0]!.text += '联系电话：0730-8690022，手机13812345678。';
      });
      const step = async (who: string, action: string) => {
        const res = await act(t, await t.login(who), id, action, action === 'accept' ? { reason: '已核实' } : {});
        expect(res.statusCode, res.body).toBe(200);
      };
      await step('prep1', 'submit');
      expect((await sign(t, await t.login('head1'), id, 'head', '同意上报')).statusCode).toBe(201);
      await step('head1', 'approve');
      await step('revA', 'review');
      expect((await sign(t, await t.login('revA'), id, 'reviewer', '审核同意')).statusCode).toBe(201);
      await step('revA', 'accept');
      const row = await t.db.kysely.selectFrom('reports').select(['bureau_id', 'department_name']).where('id', '=', id).executeTakeFirstOrThrow();
      bureauId = row.bureau_id;
      dept = row.department_name;
    });
    afterEach(async () => {
      await t.close();
    });

    it('shows nothing before 公开, then the report to an anonymous visitor, redacted, official, signed', async () => {
      expect((await t.call(null, 'GET', `/public/reports/${id}`)).statusCode).toBe(404);
      expect((await t.call(null, 'GET', `/public/${bureauId}/2021`)).body).not.toContain(id);
      expect((await act(t, await t.login('perf'), id, 'publish')).statusCode).toBe(200);

      const list = await t.call(null, 'GET', `/public/${bureauId}/2021`);
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(`/public/reports/${id}`);
      expect(list.body).toContain(dept);
      expect((await t.call(null, 'GET', `/public/${bureauId}/2021?q=${encodeURIComponent(dept.slice(0, 2))}`)).body).toContain(id);
      expect((await t.call(null, 'GET', `/public/${bureauId}/2021?q=${encodeURIComponent('不存在的部门')}`)).body).not.toContain(id);
      expect((await t.call(null, 'GET', '/public')).body).toContain(`/public/${bureauId}/2021`);

      const page = await t.call(null, 'GET', `/public/reports/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['x-rendering']).toBe('official');
      expect(page.headers['cache-control']).toContain('public');
      const html = page.body;
      expect(html).toContain(seed.cover.departmentName);
      expect(html).toContain('data-rendering="official"');
      expect(html).not.toMatch(/class="[^"]*jx-flag|data-finding|模板占位|待岳阳市财政局确认/);
      for (const phone of ['0730-8690022', '13812345678', seed.overview.phone].filter(Boolean)) expect(html).not.toContain(phone);
      expect(html).toContain('（已隐去）');
      expect(html).toContain('测试head1');
      const code = /电子签名验证码：([0-9A-F-]{14})/.exec(html)?.[1];
      expect(code).toBeTruthy();
      expect(html).not.toMatch(/<script(?![^>]*src="\/public\/print\.js")/);

      const again = await t.call(null, 'GET', `/public/reports/${id}`, undefined, { 'if-none-match': String(page.headers.etag) });
      expect(again.statusCode).toBe(304);

      const verified = await t.call(null, 'GET', `/public/verify/${code}`);
      expect(verified.statusCode).toBe(200);
      expect(verified.body).toContain('测试head1');
      expect(verified.body).toContain('有效');
      expect((await t.call(null, 'GET', '/public/verify/0000-0000-0000')).statusCode).toBe(404);

      const rj = await t.call(null, 'GET', `/public/reports/${id}/report.json`);
      expect(rj.statusCode).toBe(200);
      expect(rj.body).not.toContain('13812345678');
      expect(json(rj).report.finance.expenditure[0].total).toBe(seed.finance.expenditure[0]!.total);
      expect(json(rj).findings).toBeUndefined();
    });

    it('gives the bureau’s open data: the package descriptor, CSVs and JSON with the published values, redacted', async () => {
      expect((await act(t, await t.login('perf'), id, 'publish')).statusCode).toBe(200);
      const dp = await t.call(null, 'GET', `/public/${bureauId}/2021/datapackage.json`);
      expect(dp.statusCode).toBe(200);
      const descriptor = json<{ resources: Array<{ path: string }> }>(dp);
      const zip = unzipSync(new Uint8Array((await t.call(null, 'GET', `/public/${bureauId}/2021/opendata.zip`)).rawPayload));
      expect(Object.keys(zip).sort()).toEqual(['datapackage.json', ...descriptor.resources.map((r) => r.path)].sort());
      const reports = strFromU8(zip['reports.csv']!);
      expect(reports).toContain(`${id},${dept},2021`);
      const csv = await t.call(null, 'GET', `/public/${bureauId}/2021/expenditure.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain(seed.finance.expenditure[0]!.total!);
      const all = Object.values(zip).map((b) => strFromU8(b)).join('') + (await t.call(null, 'GET', `/public/${bureauId}/2021/data.json`)).body;
      expect(all).not.toContain('13812345678');
      expect((await t.call(null, 'GET', `/public/${bureauId}/2021/nothing.csv`)).statusCode).toBe(404);
    });

    it('hides personal names other than the signers’ where the bureau so configures', async () => {
      expect((await act(t, await t.login('perf'), id, 'publish')).statusCode).toBe(200);
      const contact = seed.overview.contact;
      expect(contact).toBeTruthy();
      expect((await t.call(null, 'GET', `/public/reports/${id}`)).body).toContain(contact);
      const set = await t.call(await t.login('perf'), 'PUT', `/api/bureaus/${bureauId}/publication-settings`, { redactNames: true });
      expect(set.statusCode, set.body).toBe(200);
      const html = (await t.call(null, 'GET', `/public/reports/${id}`)).body;
      expect(html).not.toContain(`>${contact}<`);
      expect(html).toContain('测试head1');
      expect((await t.call(await t.login('prep1'), 'PUT', `/api/bureaus/${bureauId}/publication-settings`, { redactNames: false })).statusCode).toBe(403);
    });
  });
}
