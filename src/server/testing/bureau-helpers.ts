// Shortcuts for the bureau suites: an app with the real checker, a task over the fixture bureau, drafts
// filled with the seed report (named for their department) and walked through the workflow by the API.
import { expect } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { defaultCheck } from '../app';
import type { Report } from '../../core/model/report';
import type { Backend } from './backends';
import { json, makeTestApp, type TestApp, type TestAppOptions } from './harness';
import { insertUser } from '../repositories/users';
import { act, getView, sign } from './report-helpers';

/** Fixture departments: handle → [id, name, budget code, its preparer]. */
export const DEPTS = { D1: ['d1', '党群工作部', '99921', 'prep1', 'head1'], D2: ['d2', '党政办公室', '99922', 'prep2', 'head2'], D3: ['d3', '经济发展局', '99923', 'prep3', 'head3'] } as const;

export const DEADLINES = { selfEvalDue: '2026-02-25', financeReviewDue: '2026-03-20', publishBy: '2026-04-30' };

export interface BureauApp extends TestApp {
  as(handle: string): Promise<string>;
  taskId?: string;
}

export async function makeBureauApp(backend: Backend, opts: TestAppOptions = {}): Promise<BureauApp> {
  const t = await makeTestApp(backend, { ...opts, deps: { check: defaultCheck, ...opts.deps } });
  // heads for D2 and D3 (the shared fixture has one for D1 only), so every department walks the real workflow
  const hash = (await t.db.kysely.selectFrom('users').select('password_hash').where('id', '=', 'u-head1').executeTakeFirstOrThrow()).password_hash;
  const at = t.clock.now().toISOString();
  for (const [handle, dept] of [['head2', 'd2'], ['head3', 'd3']] as const)
    await insertUser(t.db.kysely, {
      id: `u-${handle}`, username: handle, display_name: `测试${handle}`, kind: 'business', password_hash: hash, bureau_id: 'b1', department_id: dept, section_id: null,
      disabled: 0, failed_count: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at,
    }, ['head']);
  const cookies = new Map<string, string>();
  return Object.assign(t, {
    async as(handle: string) {
      let c = cookies.get(handle);
      if (!c) cookies.set(handle, (c = await t.login(handle)));
      return c;
    },
  });
}

export async function createTask(t: BureauApp, over: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const res = await t.call(await t.as('perf'), 'POST', '/api/tasks', { year: 2021, templateId: 'yueyang-overall', notice: '请于截止日前报送。', scope: { mode: 'all' }, deadlines: DEADLINES, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

export async function issuedTask(t: BureauApp, over: Record<string, unknown> = {}): Promise<string> {
  const task = await createTask(t, over);
  const res = await t.call(await t.as('perf'), 'POST', `/api/tasks/${task.id}/issue`);
  expect(res.statusCode, res.body).toBe(200);
  t.taskId = task.id;
  return task.id;
}

export async function board(t: BureauApp, taskId: string, who = 'perf') {
  const res = await t.call(await t.as(who), 'GET', `/api/tasks/${taskId}/board`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res) as { summary: { total: number; late: number; byState: Array<{ state: string; count: number }> }; items: Array<Record<string, any>> };
}

/** The seed report under a department's name and code, for a year. */
export function seedFor(dept: keyof typeof DEPTS, year: number, mutate?: (r: Report) => void): Report {
  const r = seedReport();
  r.year = year;
  r.cover.departmentName = DEPTS[dept][1];
  r.cover.budgetCode = DEPTS[dept][2];
  mutate?.(r);
  return r;
}

/** The department's report of the task, filled with the seed (its 上年问题 kept). */
export async function fillTaskReport(t: BureauApp, taskId: string, dept: keyof typeof DEPTS, mutate?: (r: Report) => void): Promise<string> {
  const item = (await board(t, taskId)).items.find((i) => i.departmentId === DEPTS[dept][0])!;
  const prep = await t.as(DEPTS[dept][3]);
  const view = await getView(t, prep, item.reportId);
  const report = seedFor(dept, view.report.year ?? 2021, mutate);
  report.priorIssues = view.report.priorIssues;
  // the report's identity is the server's (issue 13): what the draft was issued with stays
  report.cover.departmentName = view.report.cover.departmentName;
  report.cover.budgetCode = view.report.cover.budgetCode;
  report.templateId = view.report.templateId;
  report.templateVersion = view.report.templateVersion;
  const res = await t.call(prep, 'PUT', `/api/reports/${item.reportId}`, { report }, { 'if-match': `"${view.version}"` });
  expect(res.statusCode, res.body).toBe(200);
  return item.reportId;
}

/** Submits with every error waived; the department's head signs and approves: the report reaches finance. */
export async function submitToFinance(t: BureauApp, id: string, dept: keyof typeof DEPTS = 'D1'): Promise<void> {
  const prep = await t.as(DEPTS[dept][3]);
  const view = await getView(t, prep, id);
  const waivers = (view.findings as Array<{ code: string; path: string; severity: string }>).filter((f) => f.severity === 'error').map((f) => ({ code: f.code, path: f.path, reason: '原表格式所限，另行说明' }));
  const sub = await act(t, prep, id, 'submit', { waivers });
  expect(sub.statusCode, sub.body).toBe(200);
  const head = await t.as(DEPTS[dept][4]);
  expect((await sign(t, head, id, 'head', '同意')).statusCode).toBe(201);
  const ok = await act(t, head, id, 'approve');
  expect(ok.statusCode, ok.body).toBe(200);
}

type JobCall = (cookie: string, method: string, url: string) => Promise<{ body: string }>;

/** Polls a job's progress until it is done (or 10 s pass). */
export async function waitDone(call: JobCall, cookie: string, id: string): Promise<{ state?: string; done?: number }> {
  let status: { state?: string; done?: number } = {};
  for (let i = 0; i < 200 && status.state !== 'done'; i++) {
    status = JSON.parse((await call(cookie, 'GET', `/api/export-jobs/${id}`)).body);
    if (status.state !== 'done') await new Promise((r) => setTimeout(r, 50));
  }
  return status;
}
