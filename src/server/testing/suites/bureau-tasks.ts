// The annual task over HTTP: create and issue (one carried-over draft per department, a DB constraint
// against a second), roles, deadlines and extensions, the board (states, days, filters by section,
// XLSX), withdrawing a draft, reminders and the bell.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { DEADLINES, board, createTask, fillTaskReport, makeBureauApp, seedFor, submitToFinance, type BureauApp } from '../bureau-helpers';
import { json } from '../harness';
import { getView } from '../report-helpers';

export function bureauTaskSuite(backend: Backend): void {
  describe(`bureau: the annual task (${backend.name})`, () => {
    let t: BureauApp;
    let taskId: string;
    beforeAll(async () => {
      t = await makeBureauApp(backend);
      // last year's report of 党群工作部, for the carry-over
      const prep = await t.as('prep1');
      const made = await t.call(prep, 'POST', '/api/reports', { year: 2020 });
      expect(made.statusCode, made.body).toBe(201);
      const v = json(made);
      expect((await t.call(prep, 'PUT', `/api/reports/${v.id}`, { report: seedFor('D1', 2020) }, { 'if-match': `"${v.version}"` })).statusCode).toBe(200);
    });
    afterAll(async () => {
      await t.close();
    });

    it('lets only 绩效管理科 create a task, once per year, with deadlines as data', async () => {
      const body = { year: 2021, templateId: 'yueyang-overall', scope: { mode: 'all' }, deadlines: DEADLINES };
      for (const who of ['revA', 'prep1', 'head1', 'sys', 'aud']) expect((await t.call(await t.as(who), 'POST', '/api/tasks', body)).statusCode, who).toBe(403);
      const bad = await t.call(await t.as('perf'), 'POST', '/api/tasks', { ...body, deadlines: { ...DEADLINES, publishBy: '2026-03-01' } });
      expect(bad.statusCode).toBe(400);
      expect(json(bad).error.message).toBe('结果公开截止日（2026-03-01）不能早于财政审核截止日（2026-03-20）');
      const task = await createTask(t);
      taskId = task.id;
      expect(task).toMatchObject({ year: 2021, status: 'draft', title: '2021年度部门整体支出绩效自评任务', deadlines: DEADLINES, templateName: expect.stringContaining('岳阳') });
      expect((await t.call(await t.as('perf'), 'POST', '/api/tasks', body)).statusCode).toBe(409);
      expect((await t.call(await t.as('perf2'), 'GET', `/api/tasks/${taskId}`)).statusCode).toBe(404);
      expect((await t.call(await t.as('revA'), 'GET', `/api/tasks/${taskId}`)).statusCode).toBe(200);
    });

    it('issues the task: every department of the bureau gets one draft, carried over from last year', async () => {
      // 经济发展局 started its 2021 report before the task: issuing takes that one in instead of a second
      const early = json(await t.call(await t.as('prep3'), 'POST', '/api/reports', { year: 2021 }));
      expect((await t.call(await t.as('revA'), 'POST', `/api/tasks/${taskId}/issue`)).statusCode).toBe(403);
      const res = await t.call(await t.as('perf'), 'POST', `/api/tasks/${taskId}/issue`);
      expect(res.statusCode, res.body).toBe(200);
      expect(json(res)).toMatchObject({ departments: 3, created: 2, attached: 1, task: { status: 'issued' } });
      expect((await t.call(await t.as('perf'), 'POST', `/api/tasks/${taskId}/issue`)).statusCode).toBe(409);
      const b = await board(t, taskId);
      expect(b.items.map((i) => i.departmentName)).toEqual(['党群工作部', '党政办公室', '经济发展局']);
      expect(b.items.map((i) => i.state)).toEqual(['not_started', 'not_started', 'filling']);
      expect(b.items[2]!.reportId).toBe(early.id);
      expect(b.items.every((i) => i.reportId && !i.canOpen)).toBe(true);
      const draft = await getView(t, await t.as('prep1'), b.items[0]!.reportId);
      expect(draft.report.basics.threePublicPriorYear).toBe('2.5285');
      expect(draft.report.performance.indicators.length).toBe(14);
      expect(draft.report.performance.indicators.every((i) => i.actual === '')).toBe(true);
      expect((draft as any).carried).toMatchObject({ fromYear: 2020, items: expect.arrayContaining(['封面']) });
      expect((draft as any).task).toMatchObject({ id: taskId, selfEvalDue: DEADLINES.selfEvalDue });
      const events = await t.db.kysely.selectFrom('audit_log').select('event').where('object_id', 'in', [taskId, ...b.items.map((i) => i.reportId)]).execute();
      expect(events.map((e) => e.event).sort()).toEqual(['report_attach_task', 'report_create', 'report_create', 'report_create', 'task_create', 'task_issue']);
    });

    it('keeps one report per department and task: the API refuses a second and the database would too', async () => {
      const again = await t.call(await t.as('prep1'), 'POST', '/api/reports', { year: 2021 });
      expect(again.statusCode).toBe(409);
      expect(json(again).error.message).toContain('每个部门每项任务只能有一份报告');
      const file = Buffer.from('湖南2021年度部门整体支出绩效评价自评报告\n部门(单位)名称：党群工作部\n');
      const form = `--x\r\nContent-Disposition: form-data; name="file"; filename="r.txt"\r\nContent-Type: text/plain\r\n\r\n${file}\r\n--x--\r\n`;
      const imp = await t.call(await t.as('prep1'), 'POST', '/api/reports/import', form, { 'content-type': 'multipart/form-data; boundary=x' });
      expect(imp.statusCode).toBe(409);
      const row = await t.db.kysely.selectFrom('reports').selectAll().where('task_id', '=', taskId).where('department_id', '=', 'd1').executeTakeFirstOrThrow();
      await expect(t.db.kysely.insertInto('reports').values({ ...row, id: 'dup' }).execute()).rejects.toThrow();
    });

    it('lets the preparer delete an unsubmitted draft (audited) and start again, never after submission', async () => {
      const b = await board(t, taskId);
      const d2 = b.items.find((i) => i.departmentId === 'd2')!;
      expect((await t.call(await t.as('prep1'), 'DELETE', `/api/reports/${d2.reportId}`)).statusCode).toBe(404);
      expect((await t.call(await t.as('head1'), 'DELETE', `/api/reports/${b.items[0]!.reportId}`)).statusCode).toBe(403);
      const del = await t.call(await t.as('prep2'), 'DELETE', `/api/reports/${d2.reportId}`);
      expect(del.statusCode, del.body).toBe(200);
      expect((await board(t, taskId)).items.find((i) => i.departmentId === 'd2')).toMatchObject({ state: 'not_started', reportId: null });
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('event', '=', 'report_withdraw').executeTakeFirstOrThrow();
      expect(JSON.parse(audit.detail)).toMatchObject({ taskId, year: 2021, version: 1 });
      const made = await t.call(await t.as('prep2'), 'POST', '/api/reports', { year: 2021 });
      expect(made.statusCode, made.body).toBe(201);
      expect(json(made).task.id).toBe(taskId);
      const id = await fillTaskReport(t, taskId, 'D1');
      await submitToFinance(t, id, 'D1');
      const after = await t.call(await t.as('prep1'), 'DELETE', `/api/reports/${id}`);
      expect(after.statusCode).toBe(409);
    });

    it('shows each department’s state, deadline and days past it; a section sees its own; exports XLSX', async () => {
      await fillTaskReport(t, taskId, 'D2');
      const b = await board(t, taskId);
      const by = Object.fromEntries(b.items.map((i) => [i.departmentId, i]));
      // the test clock reads 2026-03-01 08:00 UTC: the 2026-02-25 deadline passed 4 days ago
      expect(by.d1).toMatchObject({ state: 'submitted', stateLabel: '已报送', due: '2026-03-20', daysLeft: 19, late: false, canOpen: true, selfScore: 97 });
      // errors as the report stands now; waivers as given at submit (the head's signature since filled one)
      const current = await getView(t, await t.as('prep1'), by.d1!.reportId!);
      const errorsNow = (current.findings as Array<{ severity: string }>).filter((f) => f.severity === 'error').length;
      expect(by.d1!.errors).toBe(errorsNow);
      expect(by.d1!.errors).toBeGreaterThan(0);
      expect(by.d1!.waivers).toBeGreaterThanOrEqual(by.d1!.errors!);
      expect(by.d2).toMatchObject({ state: 'filling', daysLeft: -4, late: true, daysLeftText: '逾期 4 天', errors: null, waivers: null });
      expect(by.d3).toMatchObject({ state: 'filling', late: true });
      expect(by.d1).toMatchObject({ lastActivity: expect.any(String) });
      expect(by.d2!.lastActivity).toBeTruthy();
      expect(b.summary).toMatchObject({ total: 3, late: 2 });
      expect(b.summary.byState.filter((x) => x.count).map((x) => [x.state, x.count])).toEqual([['filling', 2], ['submitted', 1]]);
      expect((await board(t, taskId, 'revA')).items.map((i) => i.departmentId)).toEqual(['d1', 'd2']);
      expect((await board(t, taskId, 'revE')).items.map((i) => i.departmentId)).toEqual(['d3']);
      for (const who of ['prep1', 'aud']) expect((await t.call(await t.as(who), 'GET', `/api/tasks/${taskId}/board`)).statusCode).toBe(403);
      const x = await t.call(await t.as('perf'), 'GET', `/api/tasks/${taskId}/board.xlsx`);
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-disposition']).toContain("filename*=UTF-8''");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('进度')!;
      expect(ws.getRow(1).getCell(2).value).toBe('部门（单位）');
      expect(ws.getRow(3).getCell(2).value).toBe('党政办公室');
      expect(ws.getRow(3).getCell(6).value).toBe('逾期 4 天');
    });

    it('extends one department’s deadline with a reason, moves the task’s dates with If-Match, and reminds who is late', async () => {
      const perf = await t.as('perf');
      expect((await t.call(perf, 'POST', `/api/tasks/${taskId}/extensions`, { departmentId: 'd3', due: '2026-03-10', reason: ' ' })).statusCode).toBe(400);
      expect((await t.call(await t.as('revE'), 'POST', `/api/tasks/${taskId}/extensions`, { departmentId: 'd3', due: '2026-03-10', reason: '机构改革' })).statusCode).toBe(403);
      const ext = await t.call(perf, 'POST', `/api/tasks/${taskId}/extensions`, { departmentId: 'd3', due: '2026-03-10', reason: '机构改革，人员调整' });
      expect(ext.statusCode, ext.body).toBe(200);
      expect((await board(t, taskId)).items.find((i) => i.departmentId === 'd3')).toMatchObject({ due: '2026-03-10', daysLeft: 9, late: false, extensionReason: '机构改革，人员调整' });
      const remind = await t.call(perf, 'POST', `/api/tasks/${taskId}/remind`);
      expect(remind.statusCode).toBe(200);
      const late = json(remind);
      expect(late.sent).toBeNull();
      expect(late.late.map((l: any) => l.departmentName)).toEqual(['党政办公室']);
      expect(late.late[0].text).toBe('党政办公室的2021年度绩效自评报告（填报中）已超过报送截止日（2026-02-25）4 天，请尽快办理。');
      expect(late.late[0].recipients.map((r: any) => r.userId).sort()).toEqual(['u-head2', 'u-prep2']);
      const task = json(await t.call(perf, 'GET', `/api/tasks/${taskId}`));
      expect((await t.call(perf, 'PUT', `/api/tasks/${taskId}`, { deadlines: { ...DEADLINES, selfEvalDue: '2026-03-05' } })).statusCode).toBe(428);
      const moved = await t.call(perf, 'PUT', `/api/tasks/${taskId}`, { deadlines: { ...DEADLINES, selfEvalDue: '2026-03-05' } }, { 'if-match': `"${task.version}"` });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await t.call(perf, 'PUT', `/api/tasks/${taskId}`, { title: 'x' }, { 'if-match': `"${task.version}"` })).statusCode).toBe(409);
      expect((await t.call(perf, 'PUT', `/api/tasks/${taskId}`, { scope: { mode: 'all' } }, { 'if-match': `"${json(moved).version}"` })).statusCode).toBe(409);
      expect((await board(t, taskId)).items.find((i) => i.departmentId === 'd2')).toMatchObject({ daysLeft: 4, late: false });
      const list = json(await t.call(perf, 'GET', '/api/tasks')).items;
      expect(list[0]).toMatchObject({ id: taskId, summary: { total: 3, late: 0 } });
    });

    it('rings the bell with 待办 and deadline warnings for every role', async () => {
      const inbox = async (who: string) => json(await t.call(await t.as(who), 'GET', '/api/inbox'));
      const p2 = await inbox('prep2');
      expect(p2.todo.map((i: any) => i.kind)).toEqual(['fill']);
      expect(p2.warnings[0]).toMatchObject({ kind: 'deadline', level: 'dueSoon', daysLeft: 4 });
      expect((await inbox('revA')).todo.map((i: any) => i.kind)).toEqual(['review']);
      expect((await inbox('revE')).todo).toEqual([]);
      const perf = await inbox('perf');
      expect(perf.todo).toEqual([]);
      expect((await inbox('aud')).todo).toEqual([]);
      const ev = (await inbox('eval1')).todo;
      expect(ev.map((i: any) => [i.kind, i.title])).toEqual([['sign', '评价组签署：2020年度 党群工作部']]);
      expect((await t.call(await t.as('eval1'), 'POST', `/api/reports/${ev[0].link.id}/signatures`, { role: 'leader' })).statusCode).toBe(201);
      expect((await inbox('eval1')).todo).toEqual([]);
    });

    it('documents every new route in OpenAPI', async () => {
      // the API description is for signed-in users (issue 13)
      const doc = json(await t.call(await t.as('eval1'), 'GET', '/api/docs/json'));
      for (const p of ['/api/tasks', '/api/tasks/{id}/issue', '/api/tasks/{id}/board', '/api/tasks/{id}/board.xlsx', '/api/tasks/{id}/extensions', '/api/tasks/{id}/remind', '/api/tasks/{id}/sample', '/api/tasks/{id}/sample/picks', '/api/tasks/{id}/copy-check', '/api/bureau/roster', '/api/reports/{id}/rescore', '/api/reports/{id}/accept-check', '/api/reports/{id}/returns/{returnId}/replies', '/api/rectifications', '/api/rectifications/{id}/items/{itemId}/evidence', '/api/inbox', '/api/dashboard'])
        expect(Object.keys(doc.paths), p).toContain(p);
      expect(doc.paths['/api/reports/{id}'].delete).toBeTruthy();
    });
  });
}
