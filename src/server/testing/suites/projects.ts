// 项目支出 reports over HTTP: a preparer creates a 项目支出绩效自评表 (the 10号 form), fills it in, and the
// department's 部门整体 report of the same year lists it with its claimed and computed score; another
// department's projects stay out, and the table exports in its own layout.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkReport } from '../../../core/check';
import { defaultImportFile } from '../../app';
import { projectReport } from '../../../../test/helpers/seed';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { createDraft, getView, save } from '../report-helpers';

export function projectsSuite(backend: Backend): void {
  describe(`project reports (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend, { deps: { check: (r, o) => checkReport(r, o), importFile: defaultImportFile } });
    });
    afterEach(async () => {
      await t.close();
    });

    it('creates a project table on the 10号 form, and the overall report of the year lists it with its score', async () => {
      const prep = await t.login('prep1');
      const created = await t.call(prep, 'POST', '/api/reports', { year: 2021, kind: 'project' });
      expect(created.statusCode, created.body).toBe(201);
      const p = json<{ id: string; report: ReturnType<typeof projectReport>; projects: unknown }>(created);
      expect(p.report).toMatchObject({ kind: 'project', templateId: 'mof-10-project', templateVersion: 2, year: 2021 });
      expect(p.report.project!.department).toBe(p.report.cover.departmentName);
      expect(p.projects).toBeNull();
      const filled = projectReport();
      await save(t, prep, p.id, (r) => {
        r.project = { ...filled.project!, department: r.project!.department };
        r.performance = filled.performance;
      });
      const overall = await createDraft(t, prep, 2021);
      const view = await getView(t, prep, overall.id);
      expect(view.projects).toEqual([
        {
          reportId: p.id,
          name: '2021年度农村公路养护项目',
          implementer: '平江县公路建设养护中心',
          status: 'draft',
          version: 2,
          budget: '520.00',
          executed: '494.00',
          claimed: 94.96,
          total: 94.96,
          grade: '优',
        },
      ]);
      // another year's overall report lists none; another department's preparer sees none of them
      expect((await getView(t, prep, (await createDraft(t, prep, 2022)).id)).projects).toEqual([]);
      const other = await t.login('prep2');
      expect((await getView(t, other, (await createDraft(t, other, 2021)).id)).projects).toEqual([]);
      // the table exports in its own layout
      const html = await t.call(prep, 'GET', `/api/reports/${p.id}/export?format=html`);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('jx-project');
      expect(html.body).toContain('年度资金总额');
    });

    it('refuses a kind its template does not have, in Chinese', async () => {
      const prep = await t.login('prep1');
      const res = await t.call(prep, 'POST', '/api/reports', { year: 2021, kind: 'project', templateId: 'yueyang-overall' });
      expect(res.statusCode).toBe(400);
      expect(json(res).error.message).toContain('不是项目支出绩效自评表');
      const bad = await t.call(prep, 'POST', '/api/reports', { year: 2021, kind: 'item' });
      expect(bad.statusCode).toBe(400);
    });
  });
}
