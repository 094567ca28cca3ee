// 指标库 over HTTP: who reads and who maintains what (共性指标: 绩效管理科; 部门指标: the department's 填报人 or
// 负责人; 三员 never), every change audited; Chinese validation; 409 for a duplicate, 412/428 on stale or missing
// If-Match; search and quotable filtering; usage counted from the reports that quote an entry; and a report
// showing last year's values of the same indicators, with Q15 on a target below last year's actual.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Indicator } from '../../../core/model/report';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { defaultImportFile } from '../../app';
import { DEMO_PASSWORD } from '../../demo/seed';
import { createDraft, getView, save } from '../report-helpers';

const fields = (over: Record<string, unknown> = {}) => ({ level1: '产出目标', level2: '数量指标', name: '开展主题党日活动次数', category: '党建', operator: '≥', unit: '次', suggestedTarget: '12', ...over });

const row = (libraryId: string | null, over: Partial<Indicator> = {}): Indicator => ({
  level1: '产出目标', level2: '数量指标', name: '开展主题党日活动次数', kind: '定量', operator: '≥', target: '12', targetValue: '12', unit: '次',
  actual: '', actualValue: null, weight: null, score: null, deviationReason: '', libraryId, ...over,
});

export function librarySuite(backend: Backend): void {
  describe(`indicator library (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend);
    });
    afterEach(async () => {
      await t.close();
    });

    const add = async (who: string, scope: string, over: Record<string, unknown> = {}) => t.call(await t.login(who), 'POST', '/api/library', { scope, fields: fields(over) });
    const added = async (who: string, scope: string, over: Record<string, unknown> = {}) => {
      const res = await add(who, scope, over);
      expect(res.statusCode, res.body).toBe(201);
      return json(res);
    };
    const list = async (who: string, query = '') => {
      const res = await t.call(await t.login(who), 'GET', `/api/library${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return json(res);
    };
    const names = async (who: string, query = '') => (await list(who, query)).items.map((e: { name: string }) => e.name);
    const events = async () => (await t.db.kysely.selectFrom('audit_log').selectAll().where('event', 'like', 'library_%').orderBy('seq').execute()).map((r) => ({ event: r.event, actor: r.actor_username, detail: JSON.parse(r.detail) }));

    it('needs a session; the 三员 never use it; 共性指标 are the 绩效管理科’s, 部门指标 a department’s own', async () => {
      expect((await t.call(null, 'GET', '/api/library')).statusCode).toBe(401);
      expect((await t.call(null, 'POST', '/api/library', { scope: 'common', fields: fields() })).statusCode).toBe(401);
      for (const h of ['sys', 'sec', 'aud']) {
        const res = await t.call(await t.login(h), 'GET', '/api/library');
        expect(res.statusCode, h).toBe(403);
        expect(json(res).error.message).toBe('只有财政局和预算部门的业务用户可以使用指标库');
      }
      for (const h of ['prep1', 'head1', 'revA']) {
        const res = await add(h, 'common');
        expect(res.statusCode, h).toBe(403);
        expect(json(res).error.message).toBe('共性指标由财政局绩效管理科维护');
      }
      for (const h of ['eval1', 'revA', 'perf']) {
        const res = await add(h, 'department');
        expect(res.statusCode, h).toBe(403);
        expect(json(res).error.message).toBe('部门指标由本部门的填报人或负责人维护');
      }
      const common = await added('perf', 'common');
      expect(common).toMatchObject({ scope: 'common', bureauId: 'b1', departmentId: null, status: 'active', version: 1, usableBy: [], usage: { reports: 0, departments: 0, lastYear: null } });
      const own = await added('head1', 'department', { name: '党员发展人数', unit: '人', category: '' });
      expect(own).toMatchObject({ scope: 'department', departmentId: 'd1', departmentName: '党群工作部' });
      expect(await events()).toEqual([
        { event: 'library_add', actor: 'perf', detail: { scope: 'common', departmentId: null, level1: '产出目标', level2: '数量指标', name: '开展主题党日活动次数' } },
        { event: 'library_add', actor: 'head1', detail: { scope: 'department', departmentId: 'd1', level1: '产出目标', level2: '数量指标', name: '党员发展人数' } },
      ]);
    });

    it('each reads what is theirs: a department the 共性指标 meant for it and its own; finance the whole bureau; another bureau nothing', async () => {
      await added('perf', 'common', { name: '全体部门可用' });
      await added('perf', 'common', { name: '只给党政办公室', usableBy: ['d2'] });
      await added('prep1', 'department', { name: '党群部自己的' });
      await added('prep1', 'department', { name: '党群部分享给党政办', usableBy: ['d2'] });
      expect((await names('prep1')).sort()).toEqual(['党群部分享给党政办', '党群部自己的', '全体部门可用'].sort());
      expect((await names('prep2')).sort()).toEqual(['党群部分享给党政办', '只给党政办公室', '全体部门可用'].sort());
      expect(await names('prep3')).toEqual(['全体部门可用']);
      expect(await names('revA')).toHaveLength(4);
      expect(await names('perf', '?scope=department&departmentId=d1')).toHaveLength(2);
      expect(await names('perf2')).toEqual([]);
      expect(await names('prep9')).toEqual([]);
    });

    it('validates in Chinese: 定量 needs its operator and unit, 适用部门 must be the bureau’s; a duplicate is 409', async () => {
      const bad = await add('perf', 'common', { operator: null, unit: '' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('定量指标须选择运算符');
      expect(bad.body).toContain('定量指标须填写计量单位');
      const foreign = await add('perf', 'common', { usableBy: ['d9'] });
      expect(foreign.statusCode).toBe(400);
      expect(json(foreign).error.message).toBe('适用部门中有 1 个不是本财政局的部门');
      await added('perf', 'common');
      const dup = await add('perf', 'common');
      expect(dup.statusCode).toBe(409);
      expect(json(dup).error.message).toBe('指标库中已有“数量指标·开展主题党日活动次数”，请直接修改或启用该指标');
      await added('prep1', 'department'); // the same name as a department's own is another entry
    });

    it('changes with If-Match (412 stale, 428 missing), keeps its id, retires and restores; each change audited', async () => {
      const e = await added('perf', 'common');
      const perf = await t.login('perf');
      const put = (body: object, version?: number) => t.call(perf, 'PUT', `/api/library/${e.id}`, body, version == null ? {} : { 'if-match': `"${version}"` });
      expect((await put({ fields: fields() })).statusCode).toBe(428);
      const ok = await put({ fields: fields({ suggestedTarget: '24', scoringRule: '每少1次扣0.5分' }) }, 1);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(json(ok)).toMatchObject({ id: e.id, version: 2, suggestedTarget: '24', scoringRule: '每少1次扣0.5分' });
      const stale = await put({ fields: fields({ suggestedTarget: '6' }) }, 1);
      expect(stale.statusCode).toBe(412);
      expect(json(stale)).toMatchObject({ error: { code: 'VERSION_CONFLICT' }, current: { version: 2, suggestedTarget: '24' } });
      expect((await t.call(await t.login('prep1'), 'PUT', `/api/library/${e.id}`, { fields: fields() }, { 'if-match': '"2"' })).statusCode).toBe(403);
      expect((await t.call(await t.login('perf2'), 'PUT', `/api/library/${e.id}`, { fields: fields() }, { 'if-match': '"2"' })).statusCode).toBe(404);

      const retire = await t.call(perf, 'POST', `/api/library/${e.id}/status`, { status: 'retired' }, { 'if-match': '"2"' });
      expect(json(retire)).toMatchObject({ status: 'retired', version: 3 });
      expect(await names('prep1', '?quotable=true&year=2022')).toEqual([]);
      expect(await names('prep1')).toEqual(['开展主题党日活动次数']); // still readable (past reports quote it)
      await t.call(perf, 'POST', `/api/library/${e.id}/status`, { status: 'active' }, { 'if-match': '"3"' });
      expect(await names('prep1', '?quotable=true&year=2022')).toEqual(['开展主题党日活动次数']);
      expect((await events()).slice(1)).toEqual([
        { event: 'library_update', actor: 'perf', detail: { version: 2, changed: ['suggested_target', 'scoring_rule'] } },
        { event: 'library_retire', actor: 'perf', detail: { version: 3, from: 'active', to: 'retired' } },
        { event: 'library_restore', actor: 'perf', detail: { version: 4, from: 'retired', to: 'active' } },
      ]);
    });

    it('searches by name words, by category, and lists only what a report of a year may quote', async () => {
      await added('perf', 'common');
      await added('perf', 'common', { level1: '满意度指标', level2: '服务对象满意度', name: '服务对象满意度', category: '通用', unit: '%', suggestedTarget: '90' });
      await added('perf', 'common', { level2: '质量指标', name: '党员教育培训合格率', unit: '%', validFrom: 2023 });
      await added('perf', 'common', { level2: '时效指标', name: '任务按时完成率', category: '通用', unit: '%', validTo: 2021 });
      expect(await names('prep1', `?q=${encodeURIComponent('党日 次数')}`)).toEqual(['开展主题党日活动次数']);
      expect(await names('prep1', `?q=${encodeURIComponent('满意率')}`)).toEqual(['服务对象满意度']);
      expect((await names('prep1', `?category=${encodeURIComponent('通用')}`)).sort()).toEqual(['任务按时完成率', '服务对象满意度']);
      expect(await names('prep1', '?quotable=true&year=2022')).toEqual(['开展主题党日活动次数', '服务对象满意度']);
      const all = await list('prep1');
      expect(all.items.map((e: { name: string }) => e.name)).toEqual(['开展主题党日活动次数', '党员教育培训合格率', '任务按时完成率', '服务对象满意度']); // 101号 tree order
      expect(all.categories).toEqual([{ category: '党建', count: 2 }, { category: '通用', count: 2 }]);
      expect((await t.call(await t.login('prep1'), 'GET', '/api/library?limit=1&offset=1')).statusCode).toBe(200);
      expect(json(await t.call(await t.login('prep1'), 'GET', '/api/library?limit=1&offset=1'))).toMatchObject({ nextOffset: 2, total: 4, items: [{ name: '党员教育培训合格率' }] });
    });

    it('counts the reports and departments that quote an entry, following every save', async () => {
      const e = await added('perf', 'common');
      const prep1 = await t.login('prep1');
      const prep2 = await t.login('prep2');
      const a = await createDraft(t, prep1, 2022);
      const b = await createDraft(t, prep2, 2022);
      const usage = async () => (await list('perf')).items[0].usage;
      // a row quoting it, one quoting an id from elsewhere (counted nowhere, saved all the same)
      await save(t, prep1, a.id, (r) => void r.performance.indicators.push(row(e.id), row('some-other-installation')));
      expect(await usage()).toEqual({ reports: 1, departments: 1, lastYear: 2022 });
      await save(t, prep2, b.id, (r) => void r.performance.indicators.push(row(e.id), row(e.id, { name: '另一行' })));
      expect(await usage()).toEqual({ reports: 2, departments: 2, lastYear: 2022 });
      await save(t, prep1, a.id, (r) => void (r.performance.indicators = []));
      expect(await usage()).toEqual({ reports: 1, departments: 1, lastYear: 2022 });
    });

    it('a report shows last year’s values of its indicators, and Q15 flags a target below last year’s actual', async () => {
      const e = await added('perf', 'common');
      const prep1 = await t.login('prep1');
      const last = await createDraft(t, prep1, 2021);
      await save(t, prep1, last.id, (r) => void r.performance.indicators.push(row(e.id, { actual: '15次', actualValue: '15' })));
      const now = await createDraft(t, prep1, 2022);
      await save(t, prep1, now.id, (r) => void r.performance.indicators.push(row(e.id, { name: '主题党日活动开展次数' })));
      const view = await getView(t, prep1, now.id);
      expect(view.priorYear).toMatchObject({ reportId: last.id, year: 2021, status: 'draft', indicators: [{ libraryId: e.id, actual: '15次', actualValue: '15' }] });
      const q15 = (view.findings as Array<{ code: string; path: string; message: string }>).filter((f) => f.code === 'IND.TARGET_BELOW_PRIOR_ACTUAL');
      expect(q15).toEqual([expect.objectContaining({ path: 'performance.indicators[0].target', message: expect.stringContaining('目标值“≥12次”低于上年（2021年度）实际完成值15次') })]);
      // last year's report changed: the view follows it
      await save(t, prep1, last.id, (r) => void Object.assign(r.performance.indicators[0]!, { actual: '10次', actualValue: '10' }));
      const again = await getView(t, prep1, now.id);
      expect((again.findings as Array<{ code: string }>).some((f) => f.code === 'IND.TARGET_BELOW_PRIOR_ACTUAL')).toBe(false);
      // another department has no last year; the 2021 report itself has no 2020
      expect((await getView(t, await t.login('prep2'), (await createDraft(t, await t.login('prep2'), 2022)).id)).priorYear).toBeNull();
      expect((await getView(t, prep1, last.id)).priorYear).toBeNull();
    });

    it('is in the OpenAPI document', async () => {
      // the API description is for signed-in users (issue 13 §6)
      const doc = json(await t.call(await t.login('perf'), 'GET', '/api/docs/json'));
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/library', '/api/library/{id}', '/api/library/{id}/status']));
      expect(doc.paths['/api/library'].get.tags).toEqual(['指标库']);
    });
  });

  describe(`the demo bureau's library (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend, { config: { demo: true }, deps: { importFile: defaultImportFile } });
    });
    afterEach(async () => {
      await t.close();
    });

    it('has 共性指标 and 党群工作部’s own; the seed’s 满意率 row quotes 服务对象满意度, so a 2022 draft that quotes it shows 2021 beside', async () => {
      const login = async (u: string) => {
        const res = await t.call(null, 'POST', '/api/session', { username: u, password: DEMO_PASSWORD });
        expect(res.statusCode, res.body).toBe(200);
        return `jixiao_sid=${res.cookies[0]!.value}`;
      };
      const prep = await login('demo-preparer');
      const lib = json(await t.call(prep, 'GET', '/api/library?quotable=true&year=2022'));
      expect(lib.items.filter((e: { scope: string }) => e.scope === 'common')).toHaveLength(7);
      expect(lib.items.filter((e: { scope: string }) => e.scope === 'department')).toHaveLength(3);
      const satisfaction = lib.items.find((e: { name: string }) => e.name === '服务对象满意度');
      expect(satisfaction.usage).toEqual({ reports: 1, departments: 1, lastYear: 2021 });
      const draft = await createDraft(t, prep, 2022);
      await save(t, prep, draft.id, (r) => void r.performance.indicators.push(row(satisfaction.id, { level1: '满意度指标', level2: '服务对象满意度', name: '服务对象满意度', unit: '%', target: '90', targetValue: '90' })));
      const view = await getView(t, prep, draft.id);
      expect((view.priorYear as { year: number; indicators: Indicator[] }).indicators.find((i) => i.libraryId === satisfaction.id)).toMatchObject({ name: '服务对象满意率高于99%', actual: '已完成' });
    });
  });
}
