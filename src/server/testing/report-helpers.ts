// Shortcuts the suites share: create a draft, save a change, walk a report to a given status.
import { expect } from 'vitest';
import type { Report } from '../../core/model/report';
import { json, type TestApp } from './harness';

export interface View {
  id: string;
  status: string;
  version: number;
  report: Report;
  [k: string]: unknown;
}

export async function createDraft(t: TestApp, cookie: string, year = 2025): Promise<View> {
  const res = await t.call(cookie, 'POST', '/api/reports', { year });
  expect(res.statusCode, res.body).toBe(201);
  return json<View>(res);
}

/** `content` as the report `draft` (same year, department, 预算编码, template: the server owns those). */
export function asDraft(content: Report, draft: Report): Report {
  return {
    ...content,
    year: draft.year,
    templateId: draft.templateId,
    kind: draft.kind,
    cover: { ...content.cover, departmentName: draft.cover.departmentName, budgetCode: draft.cover.budgetCode },
  };
}

export async function getView(t: TestApp, cookie: string, id: string): Promise<View> {
  const res = await t.call(cookie, 'GET', `/api/reports/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<View>(res);
}

export async function save(t: TestApp, cookie: string, id: string, mutate: (r: Report) => void): Promise<number> {
  const v = await getView(t, cookie, id);
  mutate(v.report);
  const res = await t.call(cookie, 'PUT', `/api/reports/${id}`, { report: v.report }, { 'if-match': `"${v.version}"` });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ version: number }>(res).version;
}

export async function act(t: TestApp, cookie: string, id: string, action: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return t.call(cookie, 'POST', `/api/reports/${id}/transitions`, { action, ...extra }, headers);
}

export async function sign(t: TestApp, cookie: string, id: string, role: string, opinion?: string) {
  return t.call(cookie, 'POST', `/api/reports/${id}/signatures`, { role, ...(opinion ? { opinion } : {}) });
}

/** Draft by prep1 in D1, moved on to `until` through the real API. */
export async function reportIn(t: TestApp, until: 'draft' | 'dept_review' | 'submitted' | 'finance_review' | 'accepted' | 'published' | 'returned'): Promise<string> {
  const prep = await t.login('prep1');
  const { id } = await createDraft(t, prep);
  if (until === 'draft') return id;
  const step = async (who: string, action: string, extra: Record<string, unknown> = {}) => {
    const res = await act(t, await t.login(who), id, action, extra);
    expect(res.statusCode, res.body).toBe(200);
  };
  await step('prep1', 'submit');
  if (until === 'dept_review') return id;
  const head = await t.login('head1');
  expect((await sign(t, head, id, 'head', '同意')).statusCode).toBe(201);
  await step('head1', 'approve');
  if (until === 'submitted') return id;
  if (until === 'returned') {
    await step('revA', 'return', { reason: '请补充说明', paths: ['overview.contact'] });
    return id;
  }
  await step('revA', 'review');
  if (until === 'finance_review') return id;
  // 审核通过 needs the 归口科室's written opinion and signature on the current content
  expect((await sign(t, await t.login('revA'), id, 'reviewer', '同意，经审核通过')).statusCode).toBe(201);
  await step('revA', 'accept');
  if (until === 'accepted') return id;
  await step('perf', 'publish');
  return id;
}

/** A multipart/form-data body: the fields, then one file under `file`. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: string | Buffer }) {
  const boundary = '----jixiaotest';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(file.content), Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
