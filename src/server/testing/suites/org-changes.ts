// Renaming, moving and disabling organisation units over HTTP (issue 11 §4): only the system administrator,
// each change with its 变更记录 and audit row; a moved department's reports go to its new 归口科室; a unit
// still holding units in use cannot be disabled; a disabled department makes no new reports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { reportIn } from '../report-helpers';

export function orgChangesSuite(backend: Backend): void {
  describe(`organisation changes (${backend.name})`, () => {
    let t: TestApp;
    let sys: string;
    beforeEach(async () => {
      t = await makeTestApp(backend);
      sys = await t.login('sys');
    });
    afterEach(async () => {
      await t.close();
    });

    const patch = (cookie: string | null, path: string, body: object) => t.call(cookie, 'PATCH', `/api/org/${path}`, body);
    const ok = async (path: string, body: object) => {
      const res = await patch(sys, path, body);
      expect(res.statusCode, res.body).toBe(200);
      return json(res);
    };
    const history = async (path: string) => json(await t.call(sys, 'GET', `/api/org/${path}/history`)).items;
    const audits = async () => (await t.db.kysely.selectFrom('audit_log').selectAll().where('event', 'like', 'org_%_change').orderBy('seq').execute()).map((r) => ({ event: r.event, actor: r.actor_username, object: r.object_id, detail: JSON.parse(r.detail) }));

    it('lets only the system administrator change units (401/403), and nothing is written on a refusal', async () => {
      for (const h of ['prep1', 'revA', 'perf', 'sec', 'aud']) {
        const res = await patch(await t.login(h), 'departments/d1', { name: '改名' });
        expect(res.statusCode, h).toBe(403);
        expect(json(res).error.message).toContain('只有系统管理员');
      }
      expect((await patch(null, 'departments/d1', { name: '改名' })).statusCode).toBe(401);
      expect((await patch(sys, 'departments/nope', { name: '改名' })).statusCode).toBe(404);
      expect(await audits()).toEqual([]);
      expect(await history('departments/d1')).toEqual([]);
    });

    it('renames and moves a department: its history names the sections, its reports go to the new 归口科室', async () => {
      const id = await reportIn(t, 'submitted');
      const sees = async (who: string) => (await t.call(await t.login(who), 'GET', `/api/reports/${id}`)).statusCode;
      expect([await sees('revA'), await sees('revE')]).toEqual([200, 404]);

      const d = await ok('departments/d1', { name: ' 党群工作部（机关党委） ', sectionId: 'sec-e' });
      expect(d).toMatchObject({ id: 'd1', name: '党群工作部（机关党委）', sectionId: 'sec-e', disabledAt: null });
      expect([await sees('revA'), await sees('revE')]).toEqual([404, 200]);
      // the report keeps the name it was filed under
      expect(json(await t.call(await t.login('revE'), 'GET', `/api/reports/${id}`)).departmentName).toBe('党群工作部');

      expect(await ok('departments/d1', { name: '党群工作部（机关党委）' })).toMatchObject({ name: '党群工作部（机关党委）' }); // no change, no history
      const h = await history('departments/d1');
      expect(h).toHaveLength(2);
      expect(h).toEqual(expect.arrayContaining([
        expect.objectContaining({ actor: 'sys', field: 'name', fieldLabel: '名称', before: '党群工作部', after: '党群工作部（机关党委）' }),
        expect.objectContaining({ actor: 'sys', field: 'section', fieldLabel: '归口科室', before: '行政政法科', after: '经济建设科' }),
      ]));
      expect(await audits()).toEqual([{
        event: 'org_department_change', actor: 'sys', object: 'd1',
        detail: { changes: [{ field: 'name', before: '党群工作部', after: '党群工作部（机关党委）' }, { field: 'section', before: 'sec-a', after: 'sec-e' }] },
      }]);
      expect((await t.call(sys, 'GET', '/api/org/departments?bureauId=b1')).body).toContain('党群工作部（机关党委）');
    });

    it('refuses in Chinese: a 绩效管理科 or another bureau as 归口, a duplicate name, fields the unit has not', async () => {
      const cases: Array<[string, object, number, string]> = [
        ['departments/d1', { sectionId: 'sec-p' }, 400, '归口科室须为归口业务科室'],
        ['departments/d1', { sectionId: 'sec-x' }, 400, '归口科室不存在或不属于该财政局'],
        ['departments/d1', { name: '  ' }, 400, '请填写部门(单位)名称'],
        ['sections/sec-a', { name: '经济建设科' }, 409, '该财政局下已有科室“经济建设科”'],
        ['bureaus/b1', { name: '另一市财政局' }, 409, '财政局“另一市财政局”已存在'],
        ['sections/sec-a', { sectionId: 'sec-e' }, 400, '只有部门(单位)可以调整归口科室'],
        ['departments/d1', { region: '某地' }, 400, '只有财政局有所属地区'],
      ];
      for (const [path, body, status, message] of cases) {
        const res = await patch(sys, path, body);
        expect(res.statusCode, `${path} ${JSON.stringify(body)}`).toBe(status);
        expect(json(res).error.message).toContain(message);
      }
      expect(await ok('sections/sec-x', { name: '经济建设科' })).toMatchObject({ name: '经济建设科' }); // the same name in another bureau
      expect((await audits()).map((a) => a.object)).toEqual(['sec-x']);
    });

    it('disables bottom-up and re-enables top-down; a disabled department makes no new report', async () => {
      const refuse = async (path: string, body: object, message: string) => {
        const res = await patch(sys, path, body);
        expect(res.statusCode, path).toBe(409);
        expect(json(res).error.message).toContain(message);
      };
      await refuse('sections/sec-e', { disabled: true }, '科室“经济建设科”仍归口 1 个在用的部门');
      await refuse('bureaus/b2', { disabled: true }, '财政局“另一市财政局”下还有 2 个在用的科室或部门');

      const d3 = await ok('departments/d3', { disabled: true });
      expect(d3.disabledAt).toEqual(expect.any(String));
      const prep3 = await t.login('prep3');
      const made = await t.call(prep3, 'POST', '/api/reports', { year: 2026 });
      expect(made.statusCode).toBe(403);
      expect(json(made).error.message).toContain('部门“经济发展局”已停用');
      expect((await t.call(sys, 'POST', '/api/org/departments', { bureauId: 'b1', name: '新单位', budgetCode: '880001', sectionId: 'sec-e' })).statusCode).toBe(201);
      await ok('departments/d3', { sectionId: 'sec-a' });
      await ok('departments/d3', {}); // nothing asked, nothing changes
      const newcomer = (await t.db.kysely.selectFrom('departments').select('id').where('budget_code', '=', '880001').executeTakeFirstOrThrow()).id;
      await ok(`departments/${newcomer}`, { sectionId: null });
      const sec = await ok('sections/sec-e', { disabled: true });
      expect(sec.disabledAt).toEqual(expect.any(String));
      const placed = await t.call(sys, 'POST', '/api/org/departments', { bureauId: 'b1', name: '又一单位', budgetCode: '880002', sectionId: 'sec-e' });
      expect(json(placed).error.message).toContain('科室“经济建设科”已停用');

      await ok('departments/d3', { disabled: false });
      expect((await t.call(prep3, 'POST', '/api/reports', { year: 2026 })).statusCode).toBe(201);
      expect((await history('departments/d3')).map((h: { field: string; after: string }) => `${h.field}:${h.after}`).sort()).toEqual(['disabled:在用', 'disabled:已停用', 'section:行政政法科']);
    });

    it('is in the OpenAPI document', async () => {
      const doc = json(await t.call(sys, 'GET', '/api/docs/json'));
      expect(Object.keys(doc.paths['/api/org/{kind}/{id}'])).toEqual(['patch']);
      expect(doc.paths['/api/org/{kind}/{id}/history']).toHaveProperty('get');
    });
  });
}
