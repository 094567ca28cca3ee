// Separation of duties (issue 13 §3), when roles are granted and again at each step, from the report's
// own history: nobody approves their own work even after their roles change; accept needs the 归口科室's
// opinion and signature; the system administrator cannot touch the security or audit administrator; a
// signature request is idempotent per signer and content.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { act, createDraft, reportIn, save, sign } from '../report-helpers';

export function dutiesSuite(backend: Backend): void {
  describe(`separation of duties (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend);
    });
    afterEach(async () => {
      await t.close();
    });
    const grant = async (handle: string, body: Record<string, unknown>) => t.call(await t.login('sec'), 'PUT', `/api/users/${t.ids[handle]}/roles`, body);

    it('refuses role sets that let one person approve their own work, at grant time', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ roles: ['preparer', 'head'], departmentId: 'd1' }, '填报人与部门（单位）负责人不能由同一人担任'],
        [{ roles: ['preparer', 'reviewer'], departmentId: 'd1', sectionId: 'sec-a' }, '部门角色'],
        [{ roles: ['head', 'perf_admin'], departmentId: 'd1' }, '财政角色'],
        [{ roles: ['evaluator', 'leader', 'head', 'preparer'], departmentId: 'd1' }, '填报人与部门（单位）负责人'],
      ];
      for (const [body, message] of cases) {
        const res = await grant('prep2', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(403);
        expect(json(res).error).toMatchObject({ code: 'SEPARATION_OF_DUTIES', message: expect.stringContaining(message) });
      }
      const sys = await t.login('sys');
      const add = await t.call(sys, 'POST', '/api/users', { username: 'x-user', displayName: 'X', password: 'Strong-pass-9', departmentId: 'd1' });
      expect(add.statusCode).toBe(201);
      expect((await grant('eval1', { roles: ['evaluator', 'leader', 'head'], departmentId: 'd1' })).statusCode).toBe(200);
    });

    it('refuses the head’s signature and approval of what the same person submitted, after a role change', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      expect((await act(t, prep, id, 'submit')).statusCode).toBe(200);
      expect((await grant('prep1', { roles: ['head'], departmentId: 'd1' })).statusCode).toBe(200);
      const asHead = await t.login('prep1');
      const s = await sign(t, asHead, id, 'head', '同意');
      expect(s.statusCode).toBe(403);
      expect(json(s).error.code).toBe('SEPARATION_OF_DUTIES');
      // another head's signature does not let the submitter approve either
      expect((await sign(t, await t.login('head1'), id, 'head', '同意')).statusCode).toBe(201);
      const approve = await act(t, asHead, id, 'approve');
      expect(approve.statusCode).toBe(403);
      expect(json(approve).error.message).toContain('不能审核自己提交的报告');
      expect((await act(t, await t.login('head1'), id, 'approve')).statusCode).toBe(200);
    });

    it('judges by the latest submitter among many saves and two submitters, and remembers everyone who took part', async () => {
      expect((await grant('prep2', { roles: ['preparer'], departmentId: 'd1' })).statusCode).toBe(200);
      const [prep1, prep2, head1] = [await t.login('prep1'), await t.login('prep2'), await t.login('head1')];
      const { id } = await createDraft(t, prep1);
      const round = async (cookie: string, saves: number) => {
        for (let i = 0; i < saves; i++) await save(t, cookie, id, (r) => void (r.overview.duties = `职能第${i}稿`));
        expect((await act(t, cookie, id, 'submit')).statusCode).toBe(200);
      };
      await round(prep1, 4);
      expect((await act(t, head1, id, 'return', { reason: '请补充职能' })).statusCode).toBe(200);
      await round(prep2, 3);
      expect((await act(t, head1, id, 'return', { reason: '请再补充' })).statusCode).toBe(200);
      await round(prep1, 2);
      // both become heads: the one who submitted what is under review may not approve it, the other may
      for (const who of ['prep1', 'prep2']) expect((await grant(who, { roles: ['head'], departmentId: 'd1' })).statusCode).toBe(200);
      const [asHead1, asHead2] = [await t.login('prep1'), await t.login('prep2')];
      expect((await sign(t, asHead1, id, 'head', '同意')).statusCode).toBe(403);
      expect((await sign(t, asHead2, id, 'head', '同意')).statusCode).toBe(201);
      expect(json(await act(t, asHead1, id, 'approve')).error.message).toContain('不能审核自己提交的报告');
      expect((await act(t, asHead2, id, 'approve')).statusCode).toBe(200);
      // whoever submitted once stays on the department's side for the finance review
      expect((await grant('prep2', { roles: ['reviewer'], departmentId: null, sectionId: 'sec-a' })).statusCode).toBe(200);
      const res = await act(t, await t.login('prep2'), id, 'review');
      expect(res.statusCode).toBe(403);
      expect(json(res).error.code).toBe('SEPARATION_OF_DUTIES');
    });

    it('keeps the finance review out of the department’s hands, however the roles moved', async () => {
      const id = await reportIn(t, 'submitted');
      // the head who approved it moves to the 归口科室 of its department
      expect((await grant('head1', { roles: ['reviewer'], departmentId: null, sectionId: 'sec-a' })).statusCode).toBe(200);
      const moved = await t.login('head1');
      for (const res of [await sign(t, moved, id, 'reviewer', '同意'), await act(t, moved, id, 'review'), await act(t, moved, id, 'accept')]) {
        expect(res.statusCode).toBe(403);
        expect(json(res).error.code).toBe('SEPARATION_OF_DUTIES');
      }
      expect((await act(t, await t.login('revA'), id, 'review')).statusCode).toBe(200);
    });

    it('accepts only with the 归口科室’s written opinion and signature on the current content', async () => {
      const id = await reportIn(t, 'finance_review');
      const rev = await t.login('revA');
      const bare = await act(t, rev, id, 'accept');
      expect(bare.statusCode).toBe(422);
      expect(json(bare).error.code).toBe('SIGNATURE_REQUIRED');
      expect((await sign(t, rev, id, 'reviewer')).statusCode).toBe(201);
      const noOpinion = await act(t, rev, id, 'accept');
      expect(noOpinion.statusCode).toBe(422);
      expect(json(noOpinion).error.message).toContain('归口业务科室意见');
      // the opinion written into the form changes the content: the signature no longer covers it
      await save(t, rev, id, (r) => (r.signoffs.finance.opinion = '经审核，同意'));
      expect((await act(t, rev, id, 'accept')).statusCode).toBe(422);
      expect((await sign(t, rev, id, 'reviewer')).statusCode).toBe(201);
      expect((await act(t, rev, id, 'accept')).statusCode).toBe(200);
    });

    it('keeps accepting and publishing apart, also for one person allowed both roles', async () => {
      expect((await grant('revA', { roles: ['reviewer', 'perf_admin'], sectionId: 'sec-a' })).statusCode).toBe(200);
      const id = await reportIn(t, 'accepted');
      const both = await act(t, await t.login('revA'), id, 'publish');
      expect(both.statusCode).toBe(403);
      expect(json(both).error.code).toBe('SEPARATION_OF_DUTIES');
      expect((await act(t, await t.login('perf'), id, 'publish')).statusCode).toBe(200);
    });

    it('gives one signature for ten identical concurrent sign requests, and answers a repeat with it', async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      const ev = await t.login('eval1');
      const results = await Promise.all(Array.from({ length: 10 }, () => sign(t, ev, id, 'leader', '同意')));
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 200)).toHaveLength(9);
      expect(new Set(results.map((r) => json(r).id)).size).toBe(1);
      const rows = await t.db.kysely.selectFrom('signatures').select('id').where('report_id', '=', id).execute();
      expect(rows).toHaveLength(1);
      const audits = await t.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'report_sign').where('object_id', '=', id).execute();
      expect(audits).toHaveLength(1);
      // new content: a new signature is a new fact
      await save(t, prep, id, (r) => (r.overview.contact = '张三'));
      expect((await sign(t, ev, id, 'leader', '同意')).statusCode).toBe(201);
    });
  });
}
