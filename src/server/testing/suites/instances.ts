// What two app instances must agree on when they share only PostgreSQL (security.md DL-3, DL-4, G4):
// a session opened on one works on the other and ends on both at logout; failed logins on either count
// towards one lockout; identical transitions racing across instances take effect once (and with one
// Idempotency-Key every racer gets the same answer); the audit chain they append to together verifies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, type TestApp } from '../harness';
import { act, reportIn, sign } from '../report-helpers';

export function instancesSuite(make: () => Promise<TestApp & { bases: string[] }>): void {
  describe('two app instances on one PostgreSQL', () => {
    let t: TestApp & { bases: string[] };
    beforeEach(async () => {
      t = await make();
    }, 60_000);
    afterEach(async () => {
      await t.close();
    });

    /** A request to one chosen instance. */
    const at = async (i: number, cookie: string | null, method: string, path: string, body?: unknown) => {
      const res = await fetch(t.bases[i]! + path, { method, headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      return { status: res.status, body: await res.text(), cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
    };

    it('shares sessions and lockouts', async () => {
      const login = await at(0, null, 'POST', '/api/session', { username: 'prep1', password: 'Test-pass-2026' });
      expect(login.status).toBe(200);
      expect((await at(1, login.cookie, 'GET', '/api/session')).status).toBe(200);
      expect((await at(0, login.cookie, 'DELETE', '/api/session')).status).toBe(204);
      expect((await at(1, login.cookie, 'GET', '/api/reports')).status).toBe(401);
      // five failures, alternating instances, lock the account on both
      for (let i = 0; i < 5; i++) expect([401, 423]).toContain((await at(i % 2, null, 'POST', '/api/session', { username: 'prep2', password: 'wrong-Pass-1' })).status);
      for (const i of [0, 1]) expect((await at(i, null, 'POST', '/api/session', { username: 'prep2', password: 'Test-pass-2026' })).status).toBe(423);
    });

    it('takes a transition once when identical requests race across instances, and keeps one chain', async () => {
      const id = await reportIn(t, 'submitted');
      const rev = await t.login('revA');
      // accepting needs the 归口科室's signature and opinion first (separation of duties)
      expect((await sign(t, rev, id, 'reviewer', '经审核，同意通过')).statusCode).toBe(201);
      const results = await Promise.all(Array.from({ length: 10 }, () => act(t, rev, id, 'accept')));
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(9);
      expect(await t.db.kysely.selectFrom('audit_log').select('seq').where('event', '=', 'report_accept').execute()).toHaveLength(1);
      const id2 = await reportIn(t, 'submitted');
      const key = { 'idempotency-key': 'one-click-two-instances' };
      const keyed = await Promise.all(Array.from({ length: 8 }, () => act(t, rev, id2, 'review', {}, key)));
      expect(keyed.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
      expect(new Set(keyed.map((r) => r.body)).size).toBe(1);
      expect(await t.db.kysely.selectFrom('audit_log').select('seq').where('event', '=', 'report_review').where('object_id', '=', id2).execute()).toHaveLength(1);
      const verify = await t.call(await t.login('aud'), 'GET', '/api/audit/verify');
      expect(verify.statusCode).toBe(200);
      expect(json(verify)).toMatchObject({ ok: true });
    });
  });
}
