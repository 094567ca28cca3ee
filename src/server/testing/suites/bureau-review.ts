// 复核, the accept dialog's concerns, returns answered with a dispute and the thread per cell, 撤回公开,
// risk sampling with a recorded seed, copy detection and the dashboard — over HTTP, with the real checker
// on the seed report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { board, DEPTS, fillTaskReport, issuedTask, makeBureauApp, submitToFinance, type BureauApp } from '../bureau-helpers';
import { json } from '../harness';
import { act, getView, sign } from '../report-helpers';

export function bureauReviewSuite(backend: Backend): void {
  describe(`bureau: 复核, sampling, disputes, copy check, dashboard (${backend.name})`, () => {
    let t: BureauApp;
    let taskId: string;
    const ids = {} as Record<'D1' | 'D2' | 'D3', string>;
    beforeAll(async () => {
      t = await makeBureauApp(backend);
      taskId = await issuedTask(t);
      ids.D1 = await fillTaskReport(t, taskId, 'D1');
      // 党政办公室 copied two passages of 党群工作部's narrative; 经济发展局 filed 党群工作部's whole file
      ids.D2 = await fillTaskReport(t, taskId, 'D2', (r) => {
        r.finance.expenditure[0]!.total = '500.0000';
        r.narrative = r.narrative.map((n, i) => ({ ...n, text: i === 3 ? n.text.replaceAll('党群工作部', '党政办公室') : `${r.cover.departmentName}本年度${'围绕中心服务大局推进机关事务保障'.slice(0, 8 + i)}。` }));
      });
      // the issued draft deleted, a neighbour's file imported in its place (its cover kept in the import record)
      const prep3 = await t.as(DEPTS.D3[3]);
      const issued = (await board(t, taskId)).items.find((i) => i.departmentId === DEPTS.D3[0])!;
      expect((await t.call(prep3, 'DELETE', `/api/reports/${issued.reportId}`)).statusCode).toBe(200);
      const file = '2021年度部门整体支出绩效评价自评报告\n部门(单位)名称：湖南城陵矶新港区党群工作部\n预算编码：99921\n';
      const form = `--x\r\nContent-Disposition: form-data; name="file"; filename="党群工作部.txt"\r\nContent-Type: text/plain\r\n\r\n${file}\r\n--x--\r\n`;
      const imported = await t.call(prep3, 'POST', '/api/reports/import', form, { 'content-type': 'multipart/form-data; boundary=x' });
      expect(imported.statusCode, imported.body).toBe(201);
      ids.D3 = await fillTaskReport(t, taskId, 'D3');
      for (const d of ['D1', 'D2', 'D3'] as const) await submitToFinance(t, ids[d], d);
    });
    afterAll(async () => {
      await t.close();
    });

    it('re-scores beside the self-score and the computed score, with a reason per change, never over the claim', async () => {
      const revA = await t.as('revA');
      expect((await t.call(await t.as('revE'), 'GET', `/api/reports/${ids.D1}/rescore`)).statusCode).toBe(404);
      expect((await t.call(await t.as('prep1'), 'GET', `/api/reports/${ids.D1}/rescore`)).statusCode).toBe(404);
      const first = json(await t.call(revA, 'GET', `/api/reports/${ids.D1}/rescore`));
      expect(first).toMatchObject({ rescore: null, canEdit: true, sheet: { selfTotal: 97, total: null, complete: false } });
      const staff = first.sheet.lines.find((l: any) => l.itemId === 'input.allocation.staffControl');
      expect(staff).toMatchObject({ computed: 0, self: null, weight: 5 });
      const items = first.sheet.lines.map((l: any) => ({ itemId: l.itemId, score: l.itemId === 'input.allocation.staffControl' ? 2 : (l.computed ?? l.weight), reason: '' }));
      const noReason = await t.call(revA, 'PUT', `/api/reports/${ids.D1}/rescore`, { items, reviewerKind: 'reviewer' }, { 'if-match': '"0"' });
      expect(noReason.statusCode).toBe(400);
      expect(json(noReason).error.message).toContain('评分表·财政供养人员控制率：复核得分2分与系统计算0分不同，请写明调整理由');
      items.find((i: any) => i.itemId === 'input.allocation.staffControl')!.reason = '编制外聘用人员已经编办备案';
      items.find((i: any) => i.itemId === 'outputOutcome.placeholder.items')!.score = 33;
      items.find((i: any) => i.itemId === 'outputOutcome.placeholder.items')!.reason = '定量指标均无数值完成值';
      const saved = await t.call(revA, 'PUT', `/api/reports/${ids.D1}/rescore`, { items, reviewerKind: 'reviewer', opinion: '指标细化量化不足' }, { 'if-match': '"0"' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(json(saved).sheet).toMatchObject({ complete: true, total: 82, grade: '良好', commonGrade: '良', deviation: 0.1829 });
      expect(json(saved).financeOpinion).toMatch(/^经复核，部门自评97分，复核得分82分（良好），偏离度\+18\.29%。复核意见：指标细化量化不足。/);
      expect((await t.call(revA, 'PUT', `/api/reports/${ids.D1}/rescore`, { items, reviewerKind: 'reviewer' }, { 'if-match': '"0"' })).statusCode).toBe(412);
      const third = await t.call(await t.as('perf'), 'PUT', `/api/reports/${ids.D1}/rescore`, { items, reviewerKind: 'third_party' }, { 'if-match': '"1"' });
      expect(third.statusCode).toBe(400);
      expect((await getView(t, revA, ids.D1)).report.performance.selfScore).toBe(97);
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('event', '=', 'report_rescore').executeTakeFirstOrThrow();
      expect(JSON.parse(audit.detail)).toMatchObject({ total: 82, changed: expect.arrayContaining([{ itemId: 'input.allocation.staffControl', from: 0, to: 2, reason: '编制外聘用人员已经编办备案' }]) });
    });

    it('returns with a reason on a cell; the department disputes it; the reviewer reads the thread and replies', async () => {
      const revA = await t.as('revA');
      expect((await act(t, revA, ids.D2, 'return', { reason: '三公经费局机关行未填', paths: ['finance.threePublic[1].total'] })).statusCode).toBe(200);
      const view = await getView(t, await t.as('prep2'), ids.D2);
      const ret = (view.returns as any[])[0];
      expect(ret.id).toBeTruthy();
      const url = `/api/reports/${ids.D2}/returns/${ret.id}/replies`;
      expect((await t.call(await t.as('prep2'), 'POST', url, { stance: 'dispute', text: '' })).statusCode).toBe(400);
      expect((await t.call(await t.as('prep2'), 'POST', url, { stance: 'dispute', text: 'x', path: 'overview.contact' })).statusCode).toBe(400);
      expect((await t.call(await t.as('prep1'), 'POST', url, { stance: 'accept' })).statusCode).toBe(404);
      expect((await t.call(revA, 'POST', url, { stance: 'dispute', text: 'x' })).statusCode).toBe(403);
      const d = await t.call(await t.as('prep2'), 'POST', url, { stance: 'dispute', text: '局机关无三公支出，汇总数来自二级机构', path: 'finance.threePublic[1].total' });
      expect(d.statusCode, d.body).toBe(201);
      expect(json(await t.call(revA, 'GET', '/api/inbox')).todo.map((i: any) => i.kind)).toContain('reply_dispute');
      const thread = ((await getView(t, revA, ids.D2)).returns as any[])[0].replies;
      expect(thread).toEqual([expect.objectContaining({ side: 'department', stance: 'dispute', path: 'finance.threePublic[1].total', text: '局机关无三公支出，汇总数来自二级机构', userName: '测试prep2' })]);
      expect((await t.call(revA, 'POST', url, { stance: 'reply', text: '请在二级机构行填列明细', path: 'finance.threePublic[1].total' })).statusCode).toBe(201);
      expect(json(await t.call(revA, 'GET', '/api/inbox')).todo.map((i: any) => i.kind)).not.toContain('reply_dispute');
    });

    it('asks for a reason to accept a report with waived errors and no computable basis', async () => {
      const revA = await t.as('revA');
      const check = json(await t.call(revA, 'GET', `/api/reports/${ids.D1}/accept-check`));
      const codes = check.concerns.map((c: any) => c.code);
      expect(codes).toContain('WAIVED_ERROR');
      expect(codes).toContain('PARTIAL_BASIS');
      // accepting needs the 归口科室's signature and opinion (issue 13); the concerns still need a reason
      expect((await sign(t, revA, ids.D1, 'reviewer', '经复核，同意通过')).statusCode).toBe(201);
      const refused = await act(t, revA, ids.D1, 'accept');
      expect(refused.statusCode).toBe(422);
      expect(json(refused).error.code).toBe('ACCEPT_CONCERNS');
      expect(json(refused).concerns).toEqual(check.concerns);
      const ok = await act(t, revA, ids.D1, 'accept', { reason: '已复核，豁免事项属原表格式所限' });
      expect(ok.statusCode, ok.body).toBe(200);
      const row = await t.db.kysely.selectFrom('audit_log').selectAll().where('event', '=', 'report_accept').where('object_id', '=', ids.D1).executeTakeFirstOrThrow();
      expect(JSON.parse(row.detail).reason).toBe('已复核，豁免事项属原表格式所限');
      expect(json(await t.call(await t.as('prep1'), 'GET', `/api/reports/${ids.D1}/rescore`)).sheet.total).toBe(82);
    });

    it('revokes a publication with a reason: back to review, the published version kept in the history', async () => {
      const perf = await t.as('perf');
      expect((await act(t, perf, ids.D1, 'publish')).statusCode).toBe(200);
      expect((await act(t, await t.as('revA'), ids.D1, 'revoke', { reason: '误发' })).statusCode).toBe(403);
      const none = await act(t, perf, ids.D1, 'revoke');
      expect(none.statusCode).toBe(400);
      expect(json(none).error.message).toBe('撤回公开须填写原因');
      expect((await act(t, perf, ids.D1, 'revoke', { reason: '复核发现三公经费数据有误，需重新审核' })).statusCode).toBe(200);
      const v = await getView(t, perf, ids.D1);
      expect(v.status).toBe('finance_review');
      expect((v as any).revocations).toEqual([expect.objectContaining({ reason: '复核发现三公经费数据有误，需重新审核' })]);
      const versions = json(await t.call(perf, 'GET', `/api/reports/${ids.D1}/versions`)).items.map((x: any) => x.action);
      expect(versions.slice(-2)).toEqual(['publish', 'revoke']);
      expect((await act(t, await t.as('revA'), ids.D1, 'accept', { reason: '已更正' })).statusCode).toBe(200);
    });

    it('finds copied passages and a report filed under the wrong department; only 绩效管理科 runs it', async () => {
      expect((await t.call(await t.as('revA'), 'POST', `/api/tasks/${taskId}/copy-check`)).statusCode).toBe(403);
      const run = await t.call(await t.as('perf'), 'POST', `/api/tasks/${taskId}/copy-check`);
      expect(run.statusCode, run.body).toBe(200);
      const r = json(run);
      const office = r.matches.filter((m: any) => m.reportId === ids.D2 && m.kind === 'passage');
      expect(office.length).toBeGreaterThan(0);
      expect(office.find((m: any) => m.otherDepartmentName === '党群工作部')).toMatchObject({ otherYear: 2021, path: 'narrative[3].text', otherPath: 'narrative[3].text' });
      const wrong = r.matches.find((m: any) => m.reportId === ids.D3 && m.kind === 'wrong_department');
      expect(wrong.passage).toContain('是本局另一部门“党群工作部”（99921）的报告');
      expect(r.matches.some((m: any) => m.reportId === ids.D3 && m.kind === 'whole' && m.otherDepartmentName === '党群工作部')).toBe(true);
      // 党群工作部 wrote its text: the file filed under 经济发展局 does not make it a copier
      expect(r.matches.some((m: any) => m.reportId === ids.D1 && m.otherReportId === ids.D3)).toBe(false);
      const b = await board(t, taskId);
      expect(b.items.find((i) => i.departmentId === 'd3')).toMatchObject({ wrongDepartment: true });
      expect(b.items.find((i) => i.departmentId === 'd2')!.copyFlags).toBeGreaterThan(0);
      expect(json(await t.call(await t.as('revE'), 'GET', `/api/tasks/${taskId}/copy-check`)).matches.every((m: any) => m.reportId === ids.D3)).toBe(true);
    });

    it('samples by risk with the bureau’s weights plus a seeded random share, stored and audited', async () => {
      const perf = await t.as('perf');
      const url = `/api/tasks/${taskId}/sample`;
      expect((await t.call(await t.as('revA'), 'POST', url, { size: 2, randomShare: 0.5 })).statusCode).toBe(403);
      const body = { size: 2, randomShare: 0.5, seed: '2021-抽查', weights: { largeBudget: 10 } };
      const preview = json(await t.call(perf, 'POST', url, { ...body, dryRun: true }));
      expect(preview).toMatchObject({ stored: false, candidates: 3, seed: '2021-抽查' });
      expect(preview.picks[0]).toMatchObject({ departmentId: 'd2', source: 'risk' });
      expect(preview.picks[0].reasons.join()).toContain('支出合计500.00万元，在本批 3 份中居第 1 位');
      expect(preview.ranked.find((r: any) => r.departmentId === 'd3').reasons.join()).toContain('报告封面为其他单位（疑似导入错部门）');
      expect(preview.ranked.find((r: any) => r.departmentId === 'd1').reasons.join()).not.toContain('封面');
      expect(json(await t.call(perf, 'GET', url)).sample).toBeNull();
      const stored = await t.call(perf, 'POST', url, body);
      expect(stored.statusCode).toBe(201);
      const s = json(stored);
      expect(s.picks.map((p: any) => p.source)).toEqual(['risk', 'random']);
      expect(s.picks[1].reasons[0]).toBe('随机抽取（种子“2021-抽查”）');
      expect(s.picks.map((p: any) => p.departmentId)).toEqual(preview.picks.map((p: any) => p.departmentId));
      // the same inputs and seed, the same sample
      expect(json(await t.call(perf, 'POST', url, { ...body, dryRun: true })).picks).toEqual(preview.picks);
      expect(json(await t.call(perf, 'GET', url)).sample).toMatchObject({ seed: '2021-抽查', params: { size: 2, randomShare: 0.5, weights: { largeBudget: 10 } } });
      const drop = `/api/tasks/${taskId}/sample/picks`;
      expect((await t.call(perf, 'POST', drop, { departmentId: 'd3', action: 'drop', reason: '' })).statusCode).toBe(400);
      const picked = s.picks.map((p: any) => p.departmentId);
      const out = picked[1];
      const dropped = json(await t.call(perf, 'POST', drop, { departmentId: out, action: 'drop', reason: '已由审计部门专项检查' }));
      expect(dropped.picks.find((p: any) => p.departmentId === out)).toMatchObject({ dropped: true, note: '剔除：已由审计部门专项检查' });
      const extra = ['d1', 'd2', 'd3'].find((d) => !picked.includes(d))!;
      expect((await t.call(perf, 'POST', drop, { departmentId: extra, action: 'add', reason: '群众反映较多' })).statusCode).toBe(200);
      expect((await t.call(perf, 'POST', drop, { departmentId: extra, action: 'add', reason: '再加一次' })).statusCode).toBe(409);
      const b = await board(t, taskId);
      expect(b.items.filter((i) => i.sampled).map((i) => i.departmentId).sort()).toEqual(['d2', extra].sort());
      const events = (await t.db.kysely.selectFrom('audit_log').select('event').where('object_id', '=', taskId).execute()).map((e) => e.event);
      expect(events).toEqual(expect.arrayContaining(['sample_draw', 'sample_drop', 'sample_add']));
      const due = b.items.filter((i) => i.sampled && i.reviewScore == null && ['submitted', 'finance_review', 'accepted'].includes(i.state)).map((i) => i.reportId);
      const todo = json(await t.call(perf, 'GET', '/api/inbox')).todo.filter((i: any) => i.kind === 'rescore').map((i: any) => i.link.id);
      expect(todo.sort()).toEqual(due.sort());
    });

    it('feeds the dashboard from the roster and the reports, scoped to the viewer', async () => {
      for (const who of ['prep1', 'aud', 'sys']) expect((await t.call(await t.as(who), 'GET', '/api/dashboard')).statusCode).toBe(403);
      const d = json(await t.call(await t.as('perf'), 'GET', '/api/dashboard'));
      expect(d.year).toBe(2021);
      expect(d.completion).toMatchObject({ total: 3 });
      expect(d.completion.byState.find((s: any) => s.state === 'accepted').reportIds).toEqual([ids.D1]);
      expect(d.scatter.find((p: any) => p.reportId === ids.D1)).toMatchObject({ self: 97, review: 82 });
      expect(d.deviationBySection).toEqual([expect.objectContaining({ sectionName: '行政政法科', count: 1, pooled: 0.1829, reportIds: [ids.D1] })]);
      expect(d.grades.find((g: any) => g.grade === '优').self.count).toBe(3);
      expect(d.grades.find((g: any) => g.grade === '良').review.reportIds).toEqual([ids.D1]);
      const revE = json(await t.call(await t.as('revE'), 'GET', '/api/dashboard'));
      expect(revE.reports.map((r: any) => r.reportId)).toEqual([ids.D3]);
      expect(revE.completion.total).toBe(1);
    });
  });
}
