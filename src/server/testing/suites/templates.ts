// Templates over HTTP: a bureau's 绩效管理科 checks a template file (problems by line), uploads it as a
// version of its own template, activates it, and the bureau's new reports are made and scored with it;
// a new version changes no report already made. Every role's access, audit rows, other bureaus kept out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkReport } from '../../../core/check';
import { defaultImportFile } from '../../app';
import { seedText } from '../../../../test/helpers/seed';
import { serverTemplates } from '../../templates';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { createDraft, getView } from '../report-helpers';

const FIXTURE = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'templates', 'ceshi-overall.json'), 'utf8');
/** The fixture under another id and version, optionally renamed. */
const variant = (id: string, version = 1, name?: string) => {
  const t = JSON.parse(FIXTURE) as Record<string, unknown>;
  return JSON.stringify({ ...t, id, version, ...(name ? { name } : {}) }, null, 2);
};

export function templatesSuite(backend: Backend): void {
  describe(`templates (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend, { deps: { check: (r, o) => checkReport(r, o), importFile: defaultImportFile } });
    });
    afterEach(async () => {
      await t.close();
    });
    const events = async () =>
      (await t.db.kysely.selectFrom('audit_log').selectAll().where('event', 'like', 'template_%').orderBy('seq').execute()).map((r) => ({ event: r.event, actor: r.actor_username, object: r.object_id }));

    it('lets every business user read the list, only 绩效管理科 check, upload and activate; 三员 none', async () => {
      expect((await t.call(null, 'GET', '/api/templates')).statusCode).toBe(401);
      for (const h of ['prep1', 'head1', 'eval1', 'revA', 'perf']) {
        const c = await t.login(h);
        const list = await t.call(c, 'GET', '/api/templates');
        expect(list.statusCode, h).toBe(200);
        expect(json(list).items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['yueyang-overall', 'mof-10-project', 'dazhou-overall']));
        expect((await t.call(c, 'GET', '/api/templates/yueyang-overall/versions/1')).statusCode, h).toBe(200);
        if (h === 'perf') continue;
        for (const [m, u, body] of [['POST', '/api/templates/check', { text: FIXTURE }], ['POST', '/api/templates', { text: FIXTURE }], ['POST', '/api/templates/yueyang-overall/versions/1/activate', undefined]] as const) {
          const res = await t.call(c, m, u, body);
          expect(res.statusCode, `${h} ${u}`).toBe(403);
          expect(json(res).error.message).toContain('只有绩效管理科');
        }
      }
      for (const h of ['sys', 'sec', 'aud']) expect((await t.call(await t.login(h), 'GET', '/api/templates')).statusCode, h).toBe(403);
      expect(await events()).toEqual([]);
    });

    it('previews a file: problems by line in Chinese, or what the template holds', async () => {
      const perf = await t.login('perf');
      const bad = json(await t.call(perf, 'POST', '/api/templates/check', { text: '{\n  "id": "ceshi",\n  "name": 5\n}' }));
      expect(bad).toMatchObject({ valid: false, preview: null });
      expect(bad.problems).toContainEqual({ line: 3, column: 3, path: 'name', message: '应为文字，实际为数字' });
      const good = json(await t.call(perf, 'POST', '/api/templates/check', { text: FIXTURE }));
      expect(good).toMatchObject({ valid: true, problems: [], conflict: null, preview: { id: 'ceshi-overall', version: 1, kind: 'overall' } });
      expect(good.preview.sections[1]).toBe('一、部门（单位）基本概况');
      expect(good.preview.items.map((i: { name: string; weight: number; rule: string }) => [i.name, i.weight, i.rule])).toEqual([
        ['财政供养人员控制率', 10, 'capDeduct'],
        ['管理制度健全性', 10, 'checklist'],
        ['资金使用合规性', 20, 'violationDeduct'],
        ['支付进度', 20, 'manual'],
        ['年度目标完成情况', 40, 'qualitative3'],
      ]);
      const builtinId = json(await t.call(perf, 'POST', '/api/templates/check', { text: variant('yueyang-overall', 2) }));
      expect(builtinId.conflict).toContain('是服务器安装的模板');
    });

    it('uploads and activates; the bureau\'s new reports are made and scored with it, audited', async () => {
      const perf = await t.login('perf');
      const refused = await t.call(perf, 'POST', '/api/templates', { text: '{"id":"ceshi-overall","version":1}' });
      expect(refused.statusCode).toBe(400);
      expect(json(refused).problems.length).toBeGreaterThan(0);
      const up = await t.call(perf, 'POST', '/api/templates', { text: FIXTURE });
      expect(up.statusCode, up.body).toBe(201);
      expect(json(up).template).toMatchObject({ id: 'ceshi-overall', version: 1, source: 'upload', active: false, items: 5, unknownItems: 0 });
      expect((await t.call(perf, 'POST', '/api/templates', { text: FIXTURE })).statusCode).toBe(200);
      const changed = await t.call(perf, 'POST', '/api/templates', { text: variant('ceshi-overall', 1, '改过的名字') });
      expect(changed.statusCode).toBe(409);
      expect(json(changed).error.message).toContain('第1版已存在且内容不同');
      expect((await t.call(perf, 'POST', '/api/templates', { text: variant('yueyang-overall', 2) })).statusCode).toBe(409);
      const on = await t.call(perf, 'POST', '/api/templates/ceshi-overall/versions/1/activate');
      expect(on.statusCode, on.body).toBe(200);
      expect(json(on)).toMatchObject({ id: 'ceshi-overall', active: true });

      const prep = await t.login('prep1');
      const created = json(await t.call(prep, 'POST', '/api/reports', { year: 2025 }));
      expect(created.report).toMatchObject({ templateId: 'ceshi-overall', templateVersion: 1 });
      expect(created.report.cover.evaluationMethod).toBe('部门（单位）绩效自评');
      expect(created.score).toMatchObject({ templateId: 'ceshi-overall', templateName: '测试市部门整体支出绩效评价评分表' });
      const body = json(await t.call(prep, 'GET', '/api/templates/ceshi-overall/versions/1'));
      expect(body.scoreSheet.map((n: { id: string }) => n.id)).toEqual(['input', 'process', 'outcome']);

      // a new version: new reports take it once activated; the report already made keeps version 1
      expect((await t.call(perf, 'POST', '/api/templates', { text: variant('ceshi-overall', 2, '测试市评分表（第二版）') })).statusCode).toBe(201);
      expect((await t.call(perf, 'POST', '/api/templates/ceshi-overall/versions/2/activate')).statusCode).toBe(200);
      expect(json(await t.call(prep, 'POST', '/api/reports', { year: 2026 })).report.templateVersion).toBe(2);
      const again = json(await t.call(prep, 'GET', `/api/reports/${created.id}`));
      expect(again.score.templateName).toBe('测试市部门整体支出绩效评价评分表');
      const listed = json(await t.call(perf, 'GET', '/api/templates')).items.filter((x: { id: string }) => x.id === 'ceshi-overall');
      expect(listed.map((x: { version: number; active: boolean }) => [x.version, x.active])).toEqual([[1, false], [2, true]]);
      expect(await events()).toEqual([
        { event: 'template_upload', actor: 'perf', object: 'ceshi-overall@1' },
        { event: 'template_activate', actor: 'perf', object: 'ceshi-overall@1' },
        { event: 'template_upload', actor: 'perf', object: 'ceshi-overall@2' },
        { event: 'template_activate', actor: 'perf', object: 'ceshi-overall@2' },
      ]);
    });

    it('keeps a bureau\'s uploads its own, and finds an upload made through another server', async () => {
      const perf = await t.login('perf');
      expect((await t.call(perf, 'POST', '/api/templates', { text: FIXTURE })).statusCode).toBe(201);
      const other = await t.login('perf2');
      expect(json(await t.call(other, 'GET', '/api/templates')).items.map((x: { id: string }) => x.id)).not.toContain('ceshi-overall');
      expect((await t.call(other, 'GET', '/api/templates/ceshi-overall/versions/1')).statusCode).toBe(404);
      expect((await t.call(other, 'POST', '/api/templates/ceshi-overall/versions/1/activate')).statusCode).toBe(404);
      const taken = await t.call(other, 'POST', '/api/templates', { text: variant('ceshi-overall', 3) });
      expect(taken.statusCode).toBe(409);
      expect(json(taken).error.message).toContain('已被其他财政局使用');
      const fresh = serverTemplates(() => t.db.kysely);
      expect(fresh.registry.get('ceshi-overall')).toBeUndefined();
      expect((await fresh.of({ templateId: 'ceshi-overall', templateVersion: 1 })).name).toBe('测试市部门整体支出绩效评价评分表');
      expect((await fresh.of({ templateId: 'no-such-city', templateVersion: 1 })).id).toBe('yueyang-overall');
    });

    it('refuses a save or an import beyond what the form holds, naming the place and the limit', async () => {
      const prep = await t.login('prep1');
      const draft = await createDraft(t, prep);
      const v = await getView(t, prep, draft.id);
      const row = { institution: '二级机构', kind: 'sub' as const, total: '1', carryOver: null, fiscal: null, fund: null, specialAccount: null, other: null };
      v.report.finance.income = Array.from({ length: 300 }, () => ({ ...row }));
      v.report.overview.duties = '职'.repeat(25_000);
      const res = await t.call(prep, 'PUT', `/api/reports/${draft.id}`, { report: v.report }, { 'if-match': `"${v.version}"` });
      expect(res.statusCode).toBe(400);
      expect(json(res).error.message).toBe('报告超出表单的容量：一、部门（单位）基本概况·职能职责概述：最多20000个字，现有25000个字。二、部门（单位）收支情况·年度收入情况表：最多200行，现有300行。');
      expect(json(res).problems).toHaveLength(2);
      expect((await getView(t, prep, draft.id)).version).toBe(v.version);
      const huge = seedText.replace(/(\t职能职责概述\n\t)(.*)/, (_m, label: string, text: string) => `${label}${text.repeat(400)}`);
      const boundary = '----jixiaotest';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="seed.txt"\r\nContent-Type: text/plain\r\n\r\n`),
        Buffer.from(huge),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const imp = await t.app.inject({ method: 'POST', url: '/api/reports/import', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: prep } });
      expect(imp.statusCode).toBe(400);
      expect(json(imp).error.message).toMatch(/^导入的文件超出表单的容量：一、部门（单位）基本概况·职能职责概述：最多20000个字，现有\d+个字。$/);
    });
  });
}
