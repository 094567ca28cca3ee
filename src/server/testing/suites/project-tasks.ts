// A 项目支出 task over HTTP: issued to two departments, it takes one table per project of a department
// (the one kept before the task joins it, no empty drafts), refuses a second table of the same project
// (spaces aside), lists each table on the board by its project with the department without any as 未开始,
// reminds each department once with its late projects, and samples among the tables — several of one
// department. A 部门整体 task of the same year still takes one report per department.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { Migrator } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultImportFile } from '../../app';
import type { Db } from '../../db/schema';
import { migrate } from '../../db/migrate';
import { migrationProvider } from '../../db/migrations/index';
import type { Backend } from '../backends';
import { board, createTask, makeBureauApp, submitToFinance, waitDone, type BureauApp } from '../bureau-helpers';
import { json } from '../harness';
import { multipart, save } from '../report-helpers';

const FIXTURE = readFileSync(new URL('../../../../test/fixtures/project-2021-pingjiang-road.txt', import.meta.url), 'utf8');
const ROAD = '2021年度农村公路养护项目';
const STREETS = '城区道路维修项目';

export function projectTaskSuite(backend: Backend): void {
  describe(`bureau: a 项目支出 task (${backend.name})`, () => {
    let t: BureauApp;
    let taskId: string;
    let streets: string;
    let road: string;
    const importAs = async (handle: string, text: string) => {
      const body = multipart({}, { name: 'project.txt', content: text });
      return t.call(await t.as(handle), 'POST', '/api/reports/import', body.payload, body.headers);
    };
    beforeAll(async () => {
      t = await makeBureauApp(backend, { deps: { importFile: defaultImportFile } });
    });
    afterAll(async () => {
      await t.close();
    });

    it('issues a project task: the table kept before it joins, and no empty draft is made', async () => {
      // 党群工作部 began one project's table before the task
      const prep = await t.as('prep1');
      const made = await t.call(prep, 'POST', '/api/reports', { year: 2021, kind: 'project' });
      expect(made.statusCode, made.body).toBe(201);
      streets = json(made).id;
      await save(t, prep, streets, (r) => {
        r.project!.name = STREETS;
      });
      const task = await createTask(t, { templateId: 'mof-10-project', scope: { mode: 'picked', departmentIds: ['d1', 'd2'] } });
      expect(task).toMatchObject({ kind: 'project', title: '2021年度项目支出绩效自评任务' });
      taskId = task.id;
      const res = await t.call(await t.as('perf'), 'POST', `/api/tasks/${taskId}/issue`);
      expect(res.statusCode, res.body).toBe(200);
      expect(json(res)).toMatchObject({ departments: 2, created: 0, attached: 1 });
      const rows = await t.db.kysely.selectFrom('reports').select(['id', 'project_name']).where('task_id', '=', taskId).execute();
      expect(rows).toEqual([{ id: streets, project_name: STREETS }]);
    });

    it('takes a second project of the department, and refuses a table of a project it already has', async () => {
      // a minute on: the board lists a department's tables in the order they were made
      t.clock.advanceMinutes(1);
      const imp = await importAs('prep1', FIXTURE);
      expect(imp.statusCode, imp.body).toBe(201);
      road = json(imp).id;
      expect(json(imp)).toMatchObject({ task: { id: taskId }, report: { kind: 'project', project: { name: ROAD } } });
      // the same project again, its name wrapped differently in the file
      const again = await importAs('prep1', FIXTURE.replace(ROAD, ' 2021年度 农村公路养护项目 '));
      expect(again.statusCode, again.body).toBe(409);
      const message = json(again).error.message as string;
      expect(message).toContain(`已有项目“2021年度 农村公路养护项目”的自评表（报告编号 ${road}）`);
      expect(message).toContain('导入到本草稿');
      // a new blank table has no name yet: nothing to refuse
      const blank = await t.call(await t.as('prep1'), 'POST', '/api/reports', { year: 2021, kind: 'project' });
      expect(blank.statusCode, blank.body).toBe(201);
      expect((await t.call(await t.as('prep1'), 'DELETE', `/api/reports/${json(blank).id}`)).statusCode).toBe(200);
      // the database takes several project tables of a department and task
      const n = await t.db.kysely.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', '=', taskId).where('department_id', '=', 'd1').executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(2);
    });

    it('lists each table by its project, and the department without any as 未开始', async () => {
      const b = await board(t, taskId);
      expect(b.items.map((i) => [i.departmentName, i.projectName, i.state, i.reportId])).toEqual([
        ['党群工作部', STREETS, 'filling', streets],
        ['党群工作部', ROAD, 'filling', road],
        ['党政办公室', null, 'not_started', null],
      ]);
      expect(b.summary).toMatchObject({ total: 3, departments: 2, reports: 2, late: 3 });
      const counts = (list: any[]) => list.filter((x) => x.count).map((x) => [x.state, x.count]);
      expect(counts(b.summary.byState)).toEqual([['not_started', 1], ['filling', 2]]);
      expect(counts((b.summary as any).byDepartment)).toEqual([['not_started', 1], ['filling', 1]]);
      const list = json(await t.call(await t.as('perf'), 'GET', '/api/tasks')).items;
      expect(list.find((x: any) => x.id === taskId).summary).toMatchObject({ total: 3, departments: 2, reports: 2 });
      // the board's workbook names each table's project after its department
      const x = await t.call(await t.as('perf'), 'GET', `/api/tasks/${taskId}/board.xlsx`);
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('进度')!;
      expect([1, 2, 3, 4].map((r) => [ws.getRow(r).getCell(2).value, ws.getRow(r).getCell(3).value])).toEqual([
        ['部门（单位）', '项目名称'], ['党群工作部', STREETS], ['党群工作部', ROAD], ['党政办公室', ''],
      ]);
    });

    it('reminds each late department once, listing its late projects', async () => {
      const remind = await t.call(await t.as('perf'), 'POST', `/api/tasks/${taskId}/remind`);
      expect(remind.statusCode, remind.body).toBe(200);
      const late = json(remind).late as any[];
      expect(late.map((l) => l.departmentName)).toEqual(['党群工作部', '党政办公室']);
      expect(late[0].text).toBe(`党群工作部的2021年度项目支出绩效自评表“${STREETS}”（填报中）、“${ROAD}”（填报中）已超过报送截止日（2026-02-25）4 天，请尽快办理。`);
      expect(late[0].projects.map((p: any) => p.reportId)).toEqual([streets, road]);
      expect(late[0].recipients.map((r: any) => r.userId).sort()).toEqual(['u-head1', 'u-prep1']);
      expect(late[1].text).toBe('党政办公室的2021年度项目支出绩效自评表（尚未新建或导入）已超过报送截止日（2026-02-25）4 天，请尽快办理。');
      expect(late[1].projects).toEqual([]);
    });

    it('samples among the tables: both of one department can be picked, and one dropped by its report', async () => {
      await submitToFinance(t, streets, 'D1');
      await submitToFinance(t, road, 'D1');
      const perf = await t.as('perf');
      const drawn = await t.call(perf, 'POST', `/api/tasks/${taskId}/sample`, { size: 2, randomShare: 0, seed: 'p-1' });
      expect(drawn.statusCode, drawn.body).toBe(201);
      const sample = json(drawn);
      expect(sample.candidates).toBe(2);
      expect(sample.picks.map((p: any) => p.reportId).sort()).toEqual([streets, road].sort());
      expect(sample.picks.map((p: any) => p.projectName).sort()).toEqual([ROAD, STREETS].sort());
      // a department with two tables needs the report named
      const vague = await t.call(perf, 'POST', `/api/tasks/${taskId}/sample/picks`, { departmentId: 'd1', action: 'drop', reason: '另行安排' });
      expect(vague.statusCode).toBe(400);
      expect(json(vague).error.message).toContain('有多份报告');
      const dropped = await t.call(perf, 'POST', `/api/tasks/${taskId}/sample/picks`, { departmentId: 'd1', reportId: road, action: 'drop', reason: '另行安排' });
      expect(dropped.statusCode, dropped.body).toBe(200);
      expect(json(dropped).picks.map((p: any) => [p.reportId, p.dropped])).toEqual(expect.arrayContaining([[road, true], [streets, false]]));
      const b = await board(t, taskId);
      expect(b.items.filter((i) => i.sampled).map((i) => i.reportId)).toEqual([streets]);
      // finance's zip of the task: one file per table, named by its project
      const job = json<{ id: string; total: number }>(await t.call(perf, 'POST', `/api/tasks/${taskId}/exports`, { format: 'docx' }));
      expect(job.total).toBe(2);
      expect(await waitDone(t.call, perf, job.id)).toMatchObject({ state: 'done', done: 2 });
      const names = Object.keys(unzipSync(new Uint8Array((await t.call(perf, 'GET', `/api/export-jobs/${job.id}/file`)).rawPayload))).sort();
      expect(names.map((n) => /（(.+)）\.docx$/.exec(n)?.[1]).sort()).toEqual([ROAD, STREETS].sort());
      expect(names.every((n) => n.startsWith('2021年度党群工作部项目支出绩效自评表'))).toBe(true);
    });

    it('keeps a 部门整体 task of the same year to one report per department', async () => {
      const overall = await createTask(t, { scope: { mode: 'picked', departmentIds: ['d1', 'd2'] } });
      expect(overall).toMatchObject({ kind: 'overall' });
      const issued = await t.call(await t.as('perf'), 'POST', `/api/tasks/${overall.id}/issue`);
      expect(json(issued)).toMatchObject({ departments: 2, created: 2, attached: 0 });
      const again = await t.call(await t.as('prep1'), 'POST', '/api/reports', { year: 2021 });
      expect(again.statusCode).toBe(409);
      expect(json(again).error.message).toContain('每个部门每项任务只能有一份报告');
      const row = await t.db.kysely.selectFrom('reports').selectAll().where('task_id', '=', overall.id).where('department_id', '=', 'd1').executeTakeFirstOrThrow();
      await expect(t.db.kysely.insertInto('reports').values({ ...row, id: 'dup-overall' }).execute()).rejects.toThrow();
      // the project task's board is untouched by it
      expect((await board(t, taskId)).items).toHaveLength(3);
    });
  });

  describe(`migration 0063 on existing data (${backend.name})`, () => {
    let db: Db;
    afterEach(async () => {
      await db?.destroy();
    });

    it('names the project tables already stored, keeps the picks, and lets one task hold several projects of a department', async () => {
      db = await backend.open();
      const migrator = new Migrator({ db: db.kysely, provider: migrationProvider(db.dialect), ...(db.dialect === 'postgres' ? { migrationTableSchema: db.schema } : {}) });
      expect((await migrator.migrateTo('0062-batch-exports')).error).toBeUndefined();
      const k = db.kysely as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
      const at = '2026-03-01T08:00:00.000Z';
      await k.insertInto('bureaus').values({ id: 'b', name: '测试局', region: '', created_at: at }).execute();
      await k.insertInto('departments').values({ id: 'd', bureau_id: 'b', name: '部门', budget_code: '1', parent_id: null, section_id: null, created_at: at }).execute();
      const task = (id: string, kind: string) => ({
        id, bureau_id: 'b', year: 2021, kind, template_id: 't', title: id, notice: '', scope: '{"mode":"all"}', self_eval_due: '2026-02-25', finance_review_due: '2026-03-20',
        publish_by: '2026-04-30', status: 'issued', version: 1, created_by: 'u', created_at: at, updated_by: 'u', updated_at: at,
      });
      await k.insertInto('tasks').values([task('tp', 'project'), task('to', 'overall')]).execute();
      const report = (id: string, kind: string, taskId: string, doc: unknown) => ({
        id, bureau_id: 'b', department_id: 'd', department_name: '部门', year: 2021, kind, template_id: 't', status: 'submitted', version: 1, document: JSON.stringify(doc),
        self_score: null, grade: '', finance_since: at, import_meta: null, created_by: 'u', created_at: at, updated_by: 'u', updated_at: at, task_id: taskId,
      });
      await k.insertInto('reports').values([report('p1', 'project', 'tp', { kind: 'project', project: { name: '甲项目' } }), report('o1', 'overall', 'to', { kind: 'overall' })]).execute();
      await k.insertInto('samples').values({ id: 's', task_id: 'tp', seed: 'x', params: '{}', candidates: 1, created_by: 'u', created_at: at, updated_at: at }).execute();
      const pick = (reportId: string) => ({ sample_id: 's', department_id: 'd', report_id: reportId, source: 'risk', risk: 1, reasons: '[]', dropped: 0, note: '', updated_by: 'u', updated_at: at });
      await k.insertInto('sample_picks').values(pick('p1')).execute();
      await migrate(db);
      expect(await k.selectFrom('reports').select(['id', 'project_name']).orderBy('id').execute()).toEqual([{ id: 'o1', project_name: null }, { id: 'p1', project_name: '甲项目' }]);
      // a second project table of the department in the task, and both in one sample
      await k.insertInto('reports').values(report('p2', 'project', 'tp', { kind: 'project', project: { name: '乙项目' } })).execute();
      await k.insertInto('sample_picks').values(pick('p2')).execute();
      expect((await k.selectFrom('sample_picks').select('report_id').orderBy('report_id').execute()).map((r) => r.report_id)).toEqual(['p1', 'p2']);
      // the 部门整体 task still takes one report of the department
      await expect(k.insertInto('reports').values(report('o2', 'overall', 'to', { kind: 'overall' })).execute()).rejects.toThrow();
    });
  });
}
