// Organisation administration over HTTP: only the system administrator adds bureaus, sections and
// departments (the security administrator may read them), each addition audited; Chinese validation
// messages; a duplicate 预算编码 in one bureau is 409, even when two requests race; and a department
// created this way is a working home for a preparer and her report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { json, makeTestApp, PASSWORD, type TestApp } from '../harness';

export function orgSuite(backend: Backend): void {
  describe(`organisation administration (${backend.name})`, () => {
    let t: TestApp;
    let sys: string;
    beforeEach(async () => {
      t = await makeTestApp(backend);
      sys = await t.login('sys');
    });
    afterEach(async () => {
      await t.close();
    });

    const post = (cookie: string, what: string, body: object) => t.call(cookie, 'POST', `/api/org/${what}`, body);
    const created = async (what: string, body: object) => {
      const res = await post(sys, what, body);
      expect(res.statusCode, res.body).toBe(201);
      return json(res);
    };
    const events = async () => (await t.db.kysely.selectFrom('audit_log').selectAll().where('event', 'like', 'org_%').orderBy('seq').execute()).map((r) => ({ event: r.event, actor: r.actor_username, role: r.actor_role, detail: JSON.parse(r.detail) }));

    it('lets only the system administrator add, and the two administrators read (401/403)', async () => {
      for (const h of ['prep1', 'head1', 'revA', 'perf', 'sec', 'aud']) {
        const c = await t.login(h);
        for (const [what, body] of [['bureaus', { name: '某市财政局' }], ['sections', { bureauId: 'b1', name: '农业农村科' }], ['departments', { bureauId: 'b1', name: '某局', budgetCode: '123456' }]] as const) {
          const res = await post(c, what, body);
          expect(res.statusCode, `${h} ${what}`).toBe(403);
          expect(json(res).error.message).toContain('只有系统管理员');
        }
        const read = h === 'sec' ? 200 : 403;
        for (const what of ['bureaus', 'sections', 'departments']) expect((await t.call(c, 'GET', `/api/org/${what}`)).statusCode, `${h} GET ${what}`).toBe(read);
      }
      for (const what of ['bureaus', 'sections', 'departments']) expect((await t.call(null, 'GET', `/api/org/${what}`)).statusCode).toBe(401);
      expect((await t.call(null, 'POST', '/api/org/bureaus', { name: 'x' })).statusCode).toBe(401);
      expect(await events()).toEqual([]);
    });

    it('adds a bureau with its sections and departments, each audited', async () => {
      const b = await created('bureaus', { name: ' 岳州市财政局 ', region: '岳州市' });
      expect(b).toMatchObject({ name: '岳州市财政局', region: '岳州市' });
      const admin = await created('sections', { bureauId: b.id, name: '行政政法科' });
      const perf = await created('sections', { bureauId: b.id, name: '绩效管理科', kind: 'performance' });
      expect(admin).toMatchObject({ kind: 'counterpart', kindLabel: '归口业务科室' });
      expect(perf).toMatchObject({ kind: 'performance', kindLabel: '绩效管理科' });
      const parent = await created('departments', { bureauId: b.id, name: '党工委', budgetCode: '999200', sectionId: admin.id });
      const child = await created('departments', { bureauId: b.id, name: '党群工作部', budgetCode: '999236', sectionId: admin.id, parentId: parent.id });
      expect(child).toMatchObject({ bureauId: b.id, budgetCode: '999236', parentId: parent.id, sectionId: admin.id });

      const names = json(await t.call(sys, 'GET', '/api/org/bureaus')).items.map((x: { name: string }) => x.name);
      expect(names).toEqual(expect.arrayContaining(['岳州市财政局', '测试市财政局', '另一市财政局']));
      expect(json(await t.call(sys, 'GET', `/api/org/sections?bureauId=${b.id}`)).items.map((x: { name: string }) => x.name)).toEqual(['行政政法科', '绩效管理科']);
      const depts = json(await t.call(sys, 'GET', `/api/org/departments?bureauId=${b.id}`));
      expect(depts).toMatchObject({ next: null, items: [{ budgetCode: '999200' }, { budgetCode: '999236' }] });
      const page = json(await t.call(sys, 'GET', `/api/org/departments?bureauId=${b.id}&limit=1`));
      expect(page).toMatchObject({ items: [{ name: '党工委' }] });
      const rest = json(await t.call(sys, 'GET', `/api/org/departments?sectionId=${admin.id}&limit=1&after=${page.next}`));
      expect(rest).toMatchObject({ next: null, items: [{ name: '党群工作部' }] });
      expect((await t.call(sys, 'GET', '/api/org/departments?after=bm90LWEtY3Vyc29y')).statusCode).toBe(400);

      expect(await events()).toEqual([
        { event: 'org_bureau_add', actor: 'sys', role: 'sysadmin', detail: { name: '岳州市财政局', region: '岳州市' } },
        { event: 'org_section_add', actor: 'sys', role: 'sysadmin', detail: { bureauId: b.id, name: '行政政法科', kind: 'counterpart' } },
        { event: 'org_section_add', actor: 'sys', role: 'sysadmin', detail: { bureauId: b.id, name: '绩效管理科', kind: 'performance' } },
        { event: 'org_department_add', actor: 'sys', role: 'sysadmin', detail: { bureauId: b.id, name: '党工委', budgetCode: '999200', parentId: null, sectionId: admin.id } },
        { event: 'org_department_add', actor: 'sys', role: 'sysadmin', detail: { bureauId: b.id, name: '党群工作部', budgetCode: '999236', parentId: parent.id, sectionId: admin.id } },
      ]);
    });

    it('refuses duplicates with 409: a bureau name, a section name in its bureau, a 预算编码 in its bureau', async () => {
      const dupBureau = await post(sys, 'bureaus', { name: '测试市财政局' });
      expect(dupBureau.statusCode).toBe(409);
      expect(json(dupBureau).error).toMatchObject({ code: 'CONFLICT', message: '财政局“测试市财政局”已存在' });
      expect((await post(sys, 'sections', { bureauId: 'b1', name: '行政政法科' })).statusCode).toBe(409);
      await created('sections', { bureauId: 'b2', name: '经济建设科' }); // same name, other bureau
      const dup = await post(sys, 'departments', { bureauId: 'b1', name: '新单位', budgetCode: '99921' });
      expect(dup.statusCode).toBe(409);
      expect(json(dup).error.message).toBe('预算编码“99921”在该财政局下已被“党群工作部”使用');
      await created('departments', { bureauId: 'b2', name: '外市同编码单位', budgetCode: '99921' }); // unique per bureau only
      expect((await events()).map((e) => e.event)).toEqual(['org_section_add', 'org_department_add']);
    });

    it('answers a race for one 预算编码 with one 201 and 409s', async () => {
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => post(sys, 'departments', { bureauId: 'b1', name: `抢注单位${i}`, budgetCode: '777001' })));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409)) expect(json(r).error.message).toContain('预算编码“777001”在该财政局下已被');
      expect(await t.db.kysely.selectFrom('departments').select('id').where('budget_code', '=', '777001').execute()).toHaveLength(1);
      expect((await events()).map((e) => e.event)).toEqual(['org_department_add']);
    });

    it('validates in Chinese (400): names, 预算编码, kinds, and that links stay inside the bureau', async () => {
      const cases: Array<[string, object, string]> = [
        ['bureaus', { name: '   ' }, '请填写财政局名称'],
        ['bureaus', {}, '请填写财政局名称'],
        ['bureaus', { name: '局'.repeat(101) }, '财政局名称不能超过 100 个字'],
        ['sections', { bureauId: 'b1', name: '某科', kind: 'finance' }, '科室类型须为'],
        ['sections', { bureauId: 'nope', name: '某科' }, '所属财政局不存在'],
        ['sections', { name: '某科' }, '请选择所属财政局'],
        ['departments', { bureauId: 'b1', name: '某局', budgetCode: '12' }, '预算编码须为 3–32 位数字或字母'],
        ['departments', { bureauId: 'b1', name: '某局', budgetCode: '99-01' }, '预算编码须为'],
        ['departments', { bureauId: 'b1', name: '', budgetCode: '123456' }, '请填写部门(单位)名称'],
        ['departments', { bureauId: 'b1', name: '某局', budgetCode: '123456', sectionId: 'sec-x' }, '归口科室不存在或不属于该财政局'],
        ['departments', { bureauId: 'b1', name: '某局', budgetCode: '123456', sectionId: 'sec-p' }, '归口科室须为归口业务科室'],
        ['departments', { bureauId: 'b1', name: '某局', budgetCode: '123456', parentId: 'd9' }, '主管部门不存在或不属于该财政局'],
        ['departments', { bureauId: 'b9', name: '某局', budgetCode: '123456' }, '所属财政局不存在'],
        ['departments', { bureauId: 'b1', name: '某\u0007局', budgetCode: '123456' }, '控制字符'],
      ];
      for (const [what, body, message] of cases) {
        const res = await post(sys, what, body);
        expect(res.statusCode, `${what} ${JSON.stringify(body)}`).toBe(400);
        expect(json(res).error.message, JSON.stringify(body)).toContain(message);
      }
      expect((await t.call(sys, 'GET', '/api/org/departments?limit=0')).statusCode).toBe(400);
      expect(await events()).toEqual([]);
    });

    it('gives a fresh installation a working home for a preparer and her report', async () => {
      const b = await created('bureaus', { name: '新市财政局' });
      const s = await created('sections', { bureauId: b.id, name: '行政政法科' });
      const d = await created('departments', { bureauId: b.id, name: '新部门', budgetCode: '000123', sectionId: s.id });
      const user = json(await t.call(sys, 'POST', '/api/users', { username: 'new-prep', displayName: '新填报', password: PASSWORD, departmentId: d.id }));
      expect(user).toMatchObject({ departmentId: d.id, bureauId: b.id });
      expect((await t.call(await t.login('sec'), 'PUT', `/api/users/${user.id}/roles`, { roles: ['preparer'] })).statusCode).toBe(200);
      const prep = await t.login('new-prep');
      // the administrator set the password: it must be changed before anything else (ASVS 6.4.1)
      expect(json(await t.call(prep, 'GET', '/api/session')).mustChangePassword).toBe(true);
      expect((await t.call(prep, 'POST', '/api/reports', { year: 2026 })).statusCode).toBe(403);
      expect((await t.call(prep, 'POST', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'Own-choice-2026' })).statusCode).toBe(204);
      const report = await t.call(prep, 'POST', '/api/reports', { year: 2026 });
      expect(report.statusCode, report.body).toBe(201);
      expect(json(report)).toMatchObject({ departmentName: '新部门', report: { cover: { budgetCode: '000123' } } });
    });

    it('is in the OpenAPI document', async () => {
      const doc = json(await t.call(sys, 'GET', '/api/docs/json'));
      for (const p of ['/api/org/bureaus', '/api/org/sections', '/api/org/departments']) expect(Object.keys(doc.paths[p]).sort(), p).toEqual(['get', 'post']);
      expect(doc.paths['/api/org/departments'].post.responses).toHaveProperty('409');
    });
  });
}
