// Demo mode: the seeded bureau, users and reports, imported with the real importer and judged with
// the real checkReport from core (skipped while those are still unimplemented stubs).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as core from '../../../core/check';
import * as importer from '../../../io/import/index';
import { defaultCheck, defaultImportFile } from '../../app';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { act, getView, sign } from '../report-helpers';

const realCore = typeof core.checkReport === 'function' && typeof importer.importFile === 'function';

export function demoSuite(backend: Backend): void {
  describe.skipIf(!realCore)(`demo data with the real importer and checks (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend, { config: { demo: true }, deps: { check: defaultCheck, importFile: defaultImportFile } });
    });
    afterEach(async () => {
      await t.close();
    });

    const login = async (u: string) => {
      const res = await t.call(null, 'POST', '/api/session', { username: u, password: DEMO_PASSWORD });
      expect(res.statusCode, `${u}: ${res.body}`).toBe(200);
      return `jixiao_sid=${res.cookies[0]!.value}`;
    };
    const list = async (cookie: string) => json(await t.call(cookie, 'GET', '/api/reports')).items as Array<{ id: string; departmentName: string; year: number; status: string }>;

    it('seeds once, with every demo user able to log in and see what its role allows', async () => {
      expect(await seedDemo(t.db, { crypto: t.crypto })).toBe(false);
      const seen: Record<string, string[]> = {};
      for (const u of ['demo-preparer', 'demo-head', 'demo-evaluator', 'demo-reviewer', 'demo-admin', 'demo-preparer2'])
        seen[u] = (await list(await login(u))).map((r) => `${r.departmentName}${r.year}${r.status}`).sort();
      expect(seen['demo-preparer']).toEqual(['党群工作部2019published', '党群工作部2020published', '党群工作部2021draft']);
      expect(seen['demo-head']).toEqual(seen['demo-preparer']);
      // 党政办公室 deleted the draft the task gave it, to import its own file
      expect(seen['demo-preparer2']).toEqual(['党政办公室2019published', '党政办公室2020published']);
      // 行政政法科: its five departments' history and 应急管理局's accepted 2021 report (drafts stay with the departments)
      expect(seen['demo-reviewer']).toHaveLength(11);
      expect(seen['demo-reviewer']).toContain('应急管理局2021accepted');
      expect(seen['demo-admin']).toHaveLength(20);
      const auditor = await login('demo-auditor');
      expect((await t.call(auditor, 'GET', '/api/reports')).statusCode).toBe(403);
      expect(json(await t.call(auditor, 'GET', '/api/audit/verify')).ok).toBe(true);
    });

    it('names the user’s department, section and bureau in the session, and says demo mode in /api/health', async () => {
      const me = json(await t.call(await login('demo-preparer'), 'GET', '/api/session')).user;
      expect(me.departmentName).toBe('党群工作部');
      expect(me.bureauName).toBeTruthy();
      const reviewer = json(await t.call(null, 'POST', '/api/session', { username: 'demo-reviewer', password: DEMO_PASSWORD })).user;
      expect(reviewer.sectionName).toBeTruthy();
      expect(reviewer.departmentName).toBeNull();
      expect(json(await t.call(null, 'GET', '/api/health'))).toMatchObject({ ok: true });
    });

    it('imports the seed report for 党群工作部 and walks it to accepted', async () => {
      const prep = await login('demo-preparer');
      const draft = (await list(prep)).find((r) => r.year === 2021);
      const v = await getView(t, prep, draft!.id);
      expect(v.report.cover.budgetCode).toBe('999236');
      expect(v.report.overview.contact).toBe('王焱');
      expect(v.report.finance.income.length).toBeGreaterThan(0);
      expect((v.import as { format: string }).format).toBe('text');
      const errors = (v.findings as Array<{ code: string; path: string; severity: string; message: string }>).filter((f) => f.severity === 'error');
      const waivers = errors.map((f) => ({ code: f.code, path: f.path, reason: '演示：原始报告如此，已核对' }));
      if (errors.length > 0) expect((await act(t, prep, v.id, 'submit')).statusCode).toBe(422);
      const submitted = await act(t, prep, v.id, 'submit', { waivers });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const head = await login('demo-head');
      expect((await sign(t, head, v.id, 'head', '同意报送')).statusCode).toBe(201);
      expect((await act(t, head, v.id, 'approve')).statusCode).toBe(200);
      const rev = await login('demo-reviewer');
      expect((await act(t, rev, v.id, 'return', { reason: '请核对三公经费', paths: ['finance.threePublic[0].total'] })).statusCode).toBe(200);
      expect((await act(t, prep, v.id, 'submit', { waivers })).statusCode).toBe(200);
      await sign(t, head, v.id, 'head');
      expect((await act(t, head, v.id, 'approve')).statusCode).toBe(200);
      expect((await sign(t, rev, v.id, 'reviewer', '经审核，同意通过')).statusCode).toBe(201);
      // waived errors and a score without computable basis: accepting needs a reason
      expect((await act(t, rev, v.id, 'accept')).statusCode).toBe(422);
      expect((await act(t, rev, v.id, 'accept', { reason: '演示：已复核，豁免事项属实' })).statusCode).toBe(200);
      expect((await act(t, await login('demo-admin'), v.id, 'publish')).statusCode).toBe(200);
    });

    it('shows a bureau mid-cycle: a task with late and extended departments, a sample, 复核, a dispute, 整改 and a copy check', async () => {
      const admin = await login('demo-admin');
      const tasks = json(await t.call(admin, 'GET', '/api/tasks')).items;
      expect(tasks.map((x: { year: number }) => x.year)).toEqual([2021, 2020, 2019]);
      const b = json(await t.call(admin, 'GET', `/api/tasks/${tasks[0].id}/board`));
      const by = Object.fromEntries(b.items.map((i: { departmentName: string }) => [i.departmentName, i]));
      expect(Object.keys(by)).toHaveLength(8);
      expect(by['党群工作部']).toMatchObject({ state: 'filling', late: true, openRectifications: 1 });
      expect(by['党政办公室']).toMatchObject({ state: 'not_started', reportId: null, late: true });
      expect(by['卫生健康局']).toMatchObject({ state: 'not_started', late: false, extensionReason: expect.stringContaining('延期') });
      expect(by['应急管理局']).toMatchObject({ state: 'accepted', reviewScore: 84 });
      expect(by['交通运输局']).toMatchObject({ state: 'returned' });
      expect(by['交通运输局'].copyFlags).toBeGreaterThan(0);
      expect(b.items.filter((i: { sampled: boolean }) => i.sampled)).toHaveLength(3);
      const d = json(await t.call(admin, 'GET', '/api/dashboard'));
      expect(d.years).toEqual([2021, 2020, 2019]);
      expect(d.trend.map((x: { year: number }) => x.year)).toEqual([2019, 2020, 2021]);
      expect(d.anomalies.map((a: { code: string }) => a.code)).toContain('LOW_EXECUTION_TOP_GRADE');
      // the seed draft lists last year's 整改 items and rule X8 flags the unanswered one
      const prep = await login('demo-preparer');
      const draft = (await list(prep)).find((r) => r.year === 2021)!;
      const v = await getView(t, prep, draft.id);
      expect(v.report.priorIssues.map((p) => p.status)).toEqual(['已整改', '']);
      expect((v.findings as Array<{ code: string }>).map((f) => f.code)).toContain('PRIOR.UNANSWERED');
    });
  });
}
