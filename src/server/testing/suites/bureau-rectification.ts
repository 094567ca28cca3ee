// 整改 over HTTP: a notice from the 复核 of a report, the department's answers with evidence through the
// safe upload layer, the bureau's accept / reopen, the board and the bell; and next year's draft shows
// the items as 上年问题整改情况, with rule X8 flagging a missing or unanswered one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../../../io/ooxml/testing/hostile';
import { docxPackage, documentXml } from '../../../io/ooxml/testing/packages';
import type { Backend } from '../backends';
import { board, fillTaskReport, issuedTask, makeBureauApp, submitToFinance, type BureauApp } from '../bureau-helpers';
import { json } from '../harness';
import { getView, save } from '../report-helpers';

function multipart(name: string, bytes: Uint8Array): { body: Buffer; headers: Record<string, string> } {
  const head = Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { body: Buffer.concat([head, Buffer.from(bytes), Buffer.from('\r\n--b--\r\n')]), headers: { 'content-type': 'multipart/form-data; boundary=b' } };
}

export function bureauRectificationSuite(backend: Backend): void {
  describe(`bureau: 整改 and next year's draft (${backend.name})`, () => {
    let t: BureauApp;
    let task: string;
    let report: string;
    let notice: any;
    beforeAll(async () => {
      t = await makeBureauApp(backend);
      task = await issuedTask(t);
      report = await fillTaskReport(t, task, 'D1');
      await submitToFinance(t, report, 'D1');
    });
    afterAll(async () => {
      await t.close();
    });

    it('lets the bureau issue a 整改通知 to a department it oversees, with items', async () => {
      const body = {
        departmentId: 'd1', reportId: report, basis: 'rescore',
        items: [
          { problem: '定量指标完成值均为“已完成”，无数值', requirement: '逐项填写与目标值同单位的实际数值', dueDate: '2026-06-30' },
          { problem: '三公经费表局机关行未填', requirement: '补全局机关及二级机构明细' },
        ],
      };
      expect((await t.call(await t.as('revE'), 'POST', '/api/rectifications', body)).statusCode).toBe(403);
      expect((await t.call(await t.as('prep1'), 'POST', '/api/rectifications', body)).statusCode).toBe(403);
      expect((await t.call(await t.as('revA'), 'POST', '/api/rectifications', { ...body, items: [{ problem: ' ', requirement: 'x' }] })).statusCode).toBe(400);
      const res = await t.call(await t.as('revA'), 'POST', '/api/rectifications', body);
      expect(res.statusCode, res.body).toBe(201);
      notice = json(res);
      expect(notice).toMatchObject({ departmentName: '党群工作部', year: 2021, status: 'open', taskId: task, title: '关于党群工作部2021年度绩效自评问题的整改通知' });
      expect(notice.items.map((i: any) => [i.seq, i.status, i.responsible])).toEqual([[1, 'open', '党群工作部'], [2, 'open', '党群工作部']]);
      expect((await t.call(await t.as('prep2'), 'GET', `/api/rectifications/${notice.id}`)).statusCode).toBe(404);
      expect(json(await t.call(await t.as('prep1'), 'GET', '/api/rectifications')).items.map((n: any) => n.id)).toEqual([notice.id]);
      expect(json(await t.call(await t.as('prep2'), 'GET', '/api/rectifications')).items).toEqual([]);
      expect(json(await t.call(await t.as('prep1'), 'GET', '/api/inbox')).todo.filter((i: any) => i.kind === 'rectify')).toHaveLength(2);
      expect((await board(t, task)).items.find((i) => i.departmentId === 'd1')!.openRectifications).toBe(2);
    });

    it('takes answers and evidence through the safe upload layer; refuses legacy, encrypted and hostile files', async () => {
      const [a, b] = notice.items;
      const url = (i: any, what: string) => `/api/rectifications/${notice.id}/items/${i.id}/${what}`;
      const prep = await t.as('prep1');
      expect((await t.call(await t.as('revA'), 'POST', url(a, 'answer'), { answer: 'x' })).statusCode).toBe(403);
      expect((await t.call(prep, 'POST', url(a, 'answer'), { answer: ' ' })).statusCode).toBe(400);
      expect((await t.call(prep, 'POST', url(a, 'answer'), { answer: '已按统计口径补填14项指标的实际数值' })).statusCode).toBe(200);
      const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const up = multipart('整改说明.pdf', pdf);
      const saved = await t.call(prep, 'POST', url(a, 'evidence'), up.body, up.headers);
      expect(saved.statusCode, saved.body).toBe(201);
      expect(json(saved)).toMatchObject({ fileName: '整改说明.pdf', format: 'pdf', size: pdf.length });
      const docx = multipart('明细.docx', docxPackage(documentXml('<w:p><w:r><w:t>指标明细</w:t></w:r></w:p>')));
      expect(json(await t.call(prep, 'POST', url(a, 'evidence'), docx.body, docx.headers)).format).toBe('docx');
      for (const name of ['legacy .doc (OLE)', 'password-protected .docx (OLE EncryptedPackage)']) {
        const c = HOSTILE.find((h) => h.name === name)!;
        const m = multipart('材料.doc', c.bytes());
        const r = await t.call(prep, 'POST', url(a, 'evidence'), m.body, m.headers);
        expect(r.statusCode, name).toBe(415);
        expect(json(r).error.message).toMatch(/旧版|密码/);
      }
      const bomb = HOSTILE.find((h) => h.expect.includes('OOXML.ZIP_BOMB'))!;
      const m = multipart('bomb.docx', bomb.bytes());
      expect((await t.call(prep, 'POST', url(a, 'evidence'), m.body, m.headers)).statusCode).toBeGreaterThanOrEqual(400);
      const failures = await t.db.kysely.selectFrom('audit_log').select('outcome').where('event', '=', 'rectification_evidence').execute();
      expect(failures.filter((f) => f.outcome === 'failure').length).toBeGreaterThanOrEqual(3);
      const view = json(await t.call(await t.as('revA'), 'GET', `/api/rectifications/${notice.id}`));
      expect(view.side).toBe('finance');
      const file = view.items[0].evidence[0];
      const dl = await t.call(await t.as('revA'), 'GET', `/api/rectifications/${notice.id}/evidence/${file.id}`);
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(dl.rawPayload, Buffer.from(pdf))).toBe(0);
      expect((await t.call(await t.as('prep2'), 'GET', `/api/rectifications/${notice.id}/evidence/${file.id}`)).statusCode).toBe(404);
      expect((await t.call(prep, 'POST', url(b, 'answer'), { answer: '已补填局机关行' })).statusCode).toBe(200);
    });

    it('lets the bureau accept or reopen (with a note); the notice closes when every item is accepted', async () => {
      const [a, b] = notice.items;
      const url = (i: any) => `/api/rectifications/${notice.id}/items/${i.id}/review`;
      const revA = await t.as('revA');
      expect((await t.call(await t.as('prep1'), 'POST', url(a), { decision: 'accept' })).statusCode).toBe(403);
      expect((await t.call(revA, 'POST', url(b), { decision: 'reopen' })).statusCode).toBe(400);
      expect((await t.call(revA, 'POST', url(b), { decision: 'reopen', note: '二级机构行仍为空' })).statusCode).toBe(200);
      expect((await t.call(revA, 'POST', url(a), { decision: 'accept' })).statusCode).toBe(200);
      let n = json(await t.call(revA, 'GET', `/api/rectifications/${notice.id}`));
      expect(n.items.map((i: any) => i.status)).toEqual(['accepted', 'reopened']);
      expect(n.status).toBe('open');
      expect(json(await t.call(await t.as('prep1'), 'GET', '/api/inbox')).todo.filter((i: any) => i.kind === 'rectify').map((i: any) => i.detail)).toEqual(['第2项“三公经费表局机关行未填”（已退回重改）']);
      expect((await t.call(await t.as('prep1'), 'POST', `/api/rectifications/${notice.id}/items/${b.id}/answer`, { answer: '已补填局机关及两个二级机构的三公经费' })).statusCode).toBe(200);
      expect(json(await t.call(revA, 'GET', '/api/inbox')).todo.map((i: any) => i.kind)).toContain('accept_rectification');
      expect((await t.call(revA, 'POST', url(b), { decision: 'accept', note: '已核实' })).statusCode).toBe(200);
      n = json(await t.call(revA, 'GET', `/api/rectifications/${notice.id}`));
      expect(n.status).toBe('closed');
      expect((await t.call(await t.as('prep1'), 'POST', `/api/rectifications/${notice.id}/items/${a.id}/answer`, { answer: 'x' })).statusCode).toBe(409);
      expect((await board(t, task)).items.find((i) => i.departmentId === 'd1')!.openRectifications).toBe(0);
    });

    it('carries the items into next year’s draft as 上年问题整改情况, flagging a missing or unanswered one', async () => {
      // a further item, issued later and not yet answered
      t.clock.advanceMinutes(1);
      const late = await t.call(await t.as('perf'), 'POST', '/api/rectifications', { departmentId: 'd1', year: 2021, basis: 'grade', items: [{ problem: '固定资产未入账', requirement: '完成资产清查入账' }] });
      expect(late.statusCode).toBe(201);
      const next = await issuedTask(t, { year: 2022 });
      const item = (await board(t, next)).items.find((i) => i.departmentId === 'd1')!;
      const prep = await t.as('prep1');
      const draft = await getView(t, prep, item.reportId);
      expect(draft.report.priorIssues.map((p) => [p.problem, p.measures, p.status])).toEqual([
        ['定量指标完成值均为“已完成”，无数值', '已按统计口径补填14项指标的实际数值', '已整改'],
        ['三公经费表局机关行未填', '已补填局机关及两个二级机构的三公经费', '已整改'],
        ['固定资产未入账', '', ''],
      ]);
      expect((draft as any).carried.items[0]).toBe('上年问题整改情况 3 项');
      const x8 = (v: typeof draft) => (v.findings as any[]).filter((f) => f.rule === 'X8').map((f) => [f.code, f.path]);
      expect(x8(draft)).toEqual([['PRIOR.UNANSWERED', 'priorIssues[2].measures']]);
      // the department drops an item it does not want to talk about: the report now lacks it
      await save(t, prep, item.reportId, (r) => {
        r.priorIssues = r.priorIssues.slice(0, 2);
      });
      const after = await getView(t, prep, item.reportId);
      expect(x8(after)).toEqual([['PRIOR.MISSING', 'priorIssues']]);
      expect((after.findings as any[]).find((f) => f.code === 'PRIOR.MISSING').message).toBe('上年问题整改情况：缺少上年度整改通知中的问题“固定资产未入账”，请逐项说明整改情况。');
      expect((after as any).expectedPriorIssues.map((e: any) => e.problem)).toEqual(['定量指标完成值均为“已完成”，无数值', '三公经费表局机关行未填', '固定资产未入账']);
      // submission is blocked by it like by any error
      const sub = await t.call(prep, 'POST', `/api/reports/${item.reportId}/transitions`, { action: 'submit' });
      expect(sub.statusCode).toBe(422);
      expect(json(sub).findings.map((f: any) => f.code)).toContain('PRIOR.MISSING');
    });
  });
}
