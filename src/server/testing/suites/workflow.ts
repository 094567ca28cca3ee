// The review workflow over HTTP: every action and role (200/403/409/422), waivers, returns with
// paths, signatures and their invalidation, idempotency, and exactly-once concurrent transitions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { fakeCheck } from '../fakes';
import { json, makeTestApp, type TestApp } from '../harness';
import { act, createDraft, getView, reportIn, save, sign } from '../report-helpers';

export function workflowSuite(backend: Backend): void {
  describe(`workflow (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend);
    });
    afterEach(async () => {
      await t.close();
    });

    it('walks draft → dept_review → submitted → finance_review → accepted → published, audited', async () => {
      const id = await reportIn(t, 'published');
      const v = await getView(t, await t.login('perf'), id);
      expect(v.status).toBe('published');
      const versions = json(await t.call(await t.login('prep1'), 'GET', `/api/reports/${id}/versions`)).items;
      expect(versions.map((x: { action: string }) => x.action)).toEqual(['create', 'submit', 'sign', 'approve', 'review', 'sign', 'accept', 'publish']);
      const events = (await t.db.kysely.selectFrom('audit_log').select('event').where('object_id', '=', id).orderBy('seq').execute()).map((e) => e.event);
      expect(events).toEqual(['report_create', 'report_submit', 'report_sign', 'report_approve', 'report_review', 'report_sign', 'report_accept', 'report_publish']);
    });

    it('answers a wrong role with 403 and a wrong state with 409, for every action', async () => {
      const draft = await reportIn(t, 'draft');
      const cases: Array<[string, string, number]> = [
        ['head1', 'submit', 403], ['revA', 'submit', 404], ['prep1', 'approve', 403], ['head1', 'approve', 409],
        ['prep1', 'return', 403], ['head1', 'return', 409], ['prep1', 'accept', 403], ['prep1', 'review', 403], ['prep1', 'publish', 403],
      ];
      for (const [who, action, code] of cases) {
        const res = await act(t, await t.login(who), draft, action, { reason: '原因' });
        expect(res.statusCode, `${who} ${action}`).toBe(code);
        if (code !== 404) expect(json(res).error.code).toBe(code === 403 ? 'FORBIDDEN' : 'INVALID_STATE');
      }
      const submitted = await reportIn(t, 'submitted');
      const more: Array<[string, string, number]> = [
        ['revA', 'publish', 403], ['perf', 'publish', 409], ['perf', 'accept', 403], ['prep1', 'submit', 409], ['head1', 'return', 409], ['revE', 'accept', 404],
      ];
      for (const [who, action, code] of more) expect((await act(t, await t.login(who), submitted, action, { reason: '原因' })).statusCode, `${who} ${action}`).toBe(code);
      expect((await act(t, await t.login('sys'), submitted, 'accept')).statusCode).toBe(403);
      const bad = await act(t, await t.login('revA'), submitted, 'approve-all');
      expect(bad.statusCode).toBe(400);
      expect(json(bad).error.message).toContain('操作须为');
    });

    it('checks a document once: a transition carries the findings to the next version', async () => {
      let calls = 0;
      const counted = await makeTestApp(backend, { deps: { check: (r) => (calls++, fakeCheck(r)) } });
      try {
        const prep = await counted.login('prep1');
        const { id } = await createDraft(counted, prep);
        await getView(counted, prep, id);
        const before = calls;
        expect((await act(counted, prep, id, 'submit')).statusCode).toBe(200);
        const after = await getView(counted, prep, id);
        expect(after.version).toBe(2);
        expect((after.findings as unknown[]).length).toBeGreaterThan(0);
        expect(calls).toBe(before);
      } finally {
        await counted.close();
      }
    });

    it('refuses submission while error findings remain (422) unless each is waived with a reason', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      await save(t, prep, id, (r) => {
        r.overview.contact = 'ERROR';
        r.overview.phone = 'ERROR';
      });
      const blocked = await act(t, prep, id, 'submit');
      expect(blocked.statusCode).toBe(422);
      expect(json(blocked).error.code).toBe('BLOCKING_FINDINGS');
      expect(json(blocked).findings.map((f: { code: string }) => f.code)).toEqual(['TEST.CONTACT', 'TEST.PHONE']);
      const half = await act(t, prep, id, 'submit', { waivers: [{ code: 'TEST.CONTACT', path: 'overview.contact', reason: '联系人另行报送' }] });
      expect(half.statusCode).toBe(422);
      expect(json(half).findings).toHaveLength(1);
      const empty = await act(t, prep, id, 'submit', { waivers: [{ code: 'TEST.PHONE', path: 'overview.phone', reason: ' ' }] });
      expect(empty.statusCode).toBe(400);
      const waivers = [
        { code: 'TEST.CONTACT', path: 'overview.contact', reason: '联系人另行报送' },
        { code: 'TEST.PHONE', path: 'overview.phone', reason: '电话号码涉密，不予填写' },
      ];
      expect((await act(t, prep, id, 'submit', { waivers })).statusCode).toBe(200);
      const head = await t.login('head1');
      await sign(t, head, id, 'head');
      expect((await act(t, head, id, 'approve')).statusCode).toBe(200);
      const seen = await getView(t, await t.login('revA'), id);
      expect((seen.waivers as Array<{ reason: string }>).map((w) => w.reason)).toEqual(['联系人另行报送', '电话号码涉密，不予填写']);
    });

    it('needs no waiver for what the 组长 completes later, refuses a one-word reason, and the head cannot approve before the 组长 signs', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      await save(t, prep, id, (r) => {
        r.overview.contact = 'ERROR';
        r.signoffs.leader.opinion = 'UNSIGNED';
      });
      const blocked = await act(t, prep, id, 'submit');
      expect(blocked.statusCode).toBe(422);
      expect(json(blocked).findings.map((f: { code: string }) => f.code)).toEqual(['TEST.CONTACT']);
      const short = await act(t, prep, id, 'submit', { waivers: [{ code: 'TEST.CONTACT', path: 'overview.contact', reason: 'x' }] });
      expect(short.statusCode).toBe(400);
      expect(json(short).error.message).toMatch(/第 1 条豁免理由不足：豁免理由至少写 4 个字/);
      expect((await act(t, prep, id, 'submit', { waivers: [{ code: 'TEST.CONTACT', path: 'overview.contact', reason: '联系人另行报送' }] })).statusCode).toBe(200);
      const head = await t.login('head1');
      await sign(t, head, id, 'head');
      const early = await act(t, head, id, 'approve');
      expect(early.statusCode).toBe(422);
      expect(json(early).findings.map((f: { code: string }) => f.code)).toEqual(['TEST.LEADER']);
      // the 组长 signs during the department's review; the head's signature still matches (marks are not content)
      await sign(t, await t.login('eval1'), id, 'leader');
      expect((await act(t, head, id, 'approve')).statusCode).toBe(200);
    });

    it('needs a reason to return, and shows the reason and paths to the department', async () => {
      const id = await reportIn(t, 'finance_review');
      const rev = await t.login('revA');
      const noReason = await act(t, rev, id, 'return', { reason: '   ' });
      expect(noReason.statusCode).toBe(400);
      expect(json(noReason).error.message).toContain('退回须填写退回原因');
      expect((await act(t, rev, id, 'return', { reason: '三公经费合计有误', paths: ['finance.threePublic[0].total'] })).statusCode).toBe(200);
      const prep = await t.login('prep1');
      const v = await getView(t, prep, id);
      expect(v.status).toBe('returned');
      expect(v.returns).toEqual([expect.objectContaining({ reason: '三公经费合计有误', paths: ['finance.threePublic[0].total'], role: 'reviewer' })]);
      expect(v.editScope).toBe('*');
      // the department fixes and resubmits; finance still sees the report it once had
      await save(t, prep, id, (r) => (r.overview.contact = '已修正'));
      expect((await act(t, prep, id, 'submit')).statusCode).toBe(200);
      expect((await t.call(rev, 'GET', `/api/reports/${id}`)).statusCode).toBe(200);
      // the head may send it back inside the department too
      expect((await act(t, await t.login('head1'), id, 'return', { reason: '部门意见未填写' })).statusCode).toBe(200);
    });

    it('needs the head\'s signature of the current content to approve (422)', async () => {
      const id = await reportIn(t, 'dept_review');
      const head = await t.login('head1');
      const unsigned = await act(t, head, id, 'approve');
      expect(unsigned.statusCode).toBe(422);
      expect(json(unsigned).error.code).toBe('SIGNATURE_REQUIRED');
      expect((await sign(t, head, id, 'head', '同意')).statusCode).toBe(201);
      await save(t, head, id, (r) => (r.signoffs.department.opinion = '改过意见'));
      expect((await act(t, head, id, 'approve')).statusCode).toBe(422);
      await sign(t, head, id, 'head', '同意');
      expect((await act(t, head, id, 'approve')).statusCode).toBe(200);
    });

    it('records signatures with the report digest and marks them invalid after a content change', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      const ev = await t.login('eval1');
      const s1 = await sign(t, ev, id, 'evaluator', '评价组意见');
      expect(s1.statusCode).toBe(201);
      expect(json(s1)).toMatchObject({ role: 'evaluator', signerName: '测试eval1', opinion: '评价组意见', version: 1, valid: true });
      expect(json(s1).reportHash).toMatch(/^[0-9a-f]{64}$/);
      expect((await sign(t, ev, id, 'leader')).statusCode).toBe(201);
      expect((await sign(t, prep, id, 'evaluator')).statusCode).toBe(403);
      expect((await sign(t, await t.login('head1'), id, 'head')).statusCode).toBe(409);
      expect((await sign(t, await t.login('prep2'), id, 'evaluator')).statusCode).toBe(404);
      expect((await t.call(ev, 'POST', `/api/reports/${id}/signatures`, { role: 'boss' })).statusCode).toBe(400);
      const before = json(await t.call(prep, 'GET', `/api/reports/${id}/signatures`)).items;
      expect(before.map((s: { valid: boolean }) => s.valid)).toEqual([true, true]);
      await save(t, prep, id, (r) => (r.overview.duties = '新增职责'));
      const after = json(await t.call(prep, 'GET', `/api/reports/${id}/signatures`)).items;
      expect(after.map((s: { valid: boolean }) => s.valid)).toEqual([false, false]);
      // reviewer signs once the report is with finance
      const sub = await reportIn(t, 'submitted');
      expect((await sign(t, await t.login('revA'), sub, 'reviewer', '同意')).statusCode).toBe(201);
      expect((await sign(t, await t.login('revA'), id, 'reviewer')).statusCode).toBe(404);
    });

    it('writes each signature on the form, keeps the department signatures through the finance opinion, prints only valid ones', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      await save(t, prep, id, (r) => (r.evaluators = [{ name: '测试eval1', title: '科员', unit: '党群工作部', signature: '' }]));
      const ev = await t.login('eval1');
      expect((await sign(t, ev, id, 'evaluator')).statusCode).toBe(201);
      const lead = json(await sign(t, ev, id, 'leader'));
      const filled = (await getView(t, prep, id)).report;
      expect(filled.signoffs.leader).toMatchObject({ signer: '测试eval1', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(filled.evaluators[0]!.signature).toBe('测试eval1');
      expect(lead.code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
      expect((await act(t, prep, id, 'submit')).statusCode).toBe(200);
      const head = await t.login('head1');
      await save(t, head, id, (r) => (r.signoffs.department.opinion = '同意上报'));
      expect((await sign(t, head, id, 'head')).statusCode).toBe(201);
      expect((await act(t, head, id, 'approve')).statusCode).toBe(200);
      const rev = await t.login('revA');
      await save(t, rev, id, (r) => (r.signoffs.finance.opinion = '审核同意'));
      expect((await sign(t, rev, id, 'reviewer')).statusCode).toBe(201);
      const sigs = json(await t.call(prep, 'GET', `/api/reports/${id}/signatures`)).items as Array<{ role: string; valid: boolean; code: string }>;
      // the finance opinion came after the department signed: their signatures hold
      expect(Object.fromEntries(sigs.map((x) => [x.role, x.valid]))).toEqual({ evaluator: true, leader: true, head: true, reviewer: true });
      const html = (await t.call(prep, 'GET', `/api/reports/${id}/export?format=html`)).body;
      for (const x of sigs) expect(html).toContain(`电子签名验证码：${x.code}`);
      expect(html).toContain('data-rendering="official"');
      // the department's content changes after signing (returned, edited): every signature is void
      expect((await act(t, rev, id, 'return', { reason: '请修改', paths: ['overview.duties'] })).statusCode).toBe(200);
      await save(t, prep, id, (r) => (r.overview.duties = '改过的职责'));
      const voided = json(await t.call(prep, 'GET', `/api/reports/${id}/signatures`)).items as Array<{ valid: boolean }>;
      expect(voided.map((x) => x.valid)).toEqual([false, false, false, false]);
      const after = await t.call(prep, 'GET', `/api/reports/${id}/export?format=html`);
      expect(after.body).not.toContain('电子签名验证码');
      expect(after.body).not.toContain('>测试head1<');
      const review = await t.call(prep, 'GET', `/api/reports/${id}/export?format=html&rendering=review`);
      expect(review.headers['x-rendering']).toBe('review');
      expect(review.body).toContain('签名已失效');
    });

    it('refuses a save that types a name into a 签字栏 (403, the cell named) and keeps the report as it was', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      const v = await getView(t, prep, id);
      const typed = structuredClone(v.report);
      typed.signoffs.leader = { ...typed.signoffs.leader, signer: '王焱', date: '2022-03-01' };
      typed.overview.duties = '同一次保存里的其他修改';
      const res = await t.call(prep, 'PUT', `/api/reports/${id}`, { report: typed }, { 'if-match': `"${v.version}"` });
      expect(res.statusCode).toBe(403);
      expect(json(res).error.code).toBe('FIELD_FORBIDDEN');
      expect(json(res).error.message).toMatch(/签名和签署日期只能由签署人本人点击该栏的「签署」写入.*评价组组长/);
      const after = await getView(t, prep, id);
      expect(after.version).toBe(v.version);
      expect(after.report.signoffs.leader).toEqual(v.report.signoffs.leader);
      // signing is the way: the 组长 signs, the block is filled, and later saves keep the marks
      expect((await sign(t, await t.login('eval1'), id, 'leader')).statusCode).toBe(201);
      await save(t, prep, id, (r) => (r.overview.duties = '签署后的修改'));
      expect((await getView(t, prep, id)).report.signoffs.leader.signer).toBe('测试eval1');
    });

    it('replays a retried transition with the same Idempotency-Key and refuses a reused key (422)', async () => {
      const id = await reportIn(t, 'submitted');
      const rev = await t.login('revA');
      expect((await sign(t, rev, id, 'reviewer', '同意')).statusCode).toBe(201);
      const key = { 'idempotency-key': 'a8a1c2d6-0f6e-4b7d-9c39-3d1d3c6c1e01' };
      const first = await act(t, rev, id, 'accept', {}, key);
      const retry = await act(t, rev, id, 'accept', {}, key);
      expect(first.statusCode).toBe(200);
      expect(retry.statusCode).toBe(200);
      expect(json(retry)).toEqual(json(first));
      expect((await act(t, rev, id, 'return', { reason: 'x' }, key)).statusCode).toBe(422);
      const rows = await t.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'report_accept').execute();
      expect(rows).toHaveLength(1);
    });

    it('takes effect exactly once when 10 identical transitions race', async () => {
      const id = await reportIn(t, 'submitted');
      const rev = await t.login('revA');
      expect((await sign(t, rev, id, 'reviewer', '同意')).statusCode).toBe(201);
      const results = await Promise.all(Array.from({ length: 10 }, () => act(t, rev, id, 'accept')));
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(9);
      const rows = await t.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'report_accept').execute();
      expect(rows).toHaveLength(1);
      // with one Idempotency-Key, every racer gets the same 200
      const id2 = await reportIn(t, 'submitted');
      const key = { 'idempotency-key': 'same-click' };
      const keyed = await Promise.all(Array.from({ length: 6 }, () => act(t, rev, id2, 'review', {}, key)));
      expect(keyed.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
      expect(new Set(keyed.map((r) => r.body)).size).toBe(1);
    });

    it('refuses a transition based on a stale version (412 with If-Match)', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      await save(t, prep, id, (r) => (r.overview.contact = 'x'));
      expect((await act(t, prep, id, 'submit', {}, { 'if-match': '"1"' })).statusCode).toBe(412);
      expect((await act(t, prep, id, 'submit', {}, { 'if-match': '"2"' })).statusCode).toBe(200);
    });

    it('offers each role the actions it may take now', async () => {
      const id = await reportIn(t, 'submitted');
      expect((await getView(t, await t.login('revA'), id)).actions).toEqual(['return', 'review', 'accept']);
      expect((await getView(t, await t.login('perf'), id)).actions).toEqual([]);
      expect((await getView(t, await t.login('prep1'), id)).actions).toEqual([]);
    });
  });
}
