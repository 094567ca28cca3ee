// The second factor (等保 DB-AUTH-4): required for finance and 三员 accounts, optional for departments;
// enrolment with an authenticator app, login in two steps, replay refused, recovery codes usable once,
// lockout of code guessing, the security administrator's reset. With the factor required, the password
// alone reaches no protected endpoint.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totpNow } from '../../auth/totp';
import type { Backend } from '../backends';
import { json, makeTestApp, PASSWORD, type TestApp } from '../harness';
import { reportIn } from '../report-helpers';

export function secondFactorSuite(backend: Backend): void {
  describe(`second factor (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend, { config: { twoFactor: { required: 'finance-admin', issuer: '绩效自评' } } });
    });
    afterEach(async () => {
      await t.close();
    });

    const passwordLogin = async (who: string) => {
      const res = await t.call(null, 'POST', '/api/session', { username: who, password: PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      const c = res.cookies.find((x) => x.name.endsWith('jixiao_sid'))!;
      return { cookie: `${c.name}=${c.value}`, body: json(res) };
    };

    /** Enrols `who` at their first login; returns the secret and the recovery codes. */
    const enrol = async (who: string) => {
      const { cookie, body } = await passwordLogin(who);
      expect(body.secondFactor).toBe('enrol');
      const start = json(await t.call(cookie, 'POST', '/api/account/totp/start', {}));
      expect(start.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
      const bad = await t.call(cookie, 'POST', '/api/account/totp/confirm', { code: '000000' });
      expect(bad.statusCode).toBe(400);
      const ok = await t.call(cookie, 'POST', '/api/account/totp/confirm', { code: totpNow(start.secret, t.clock) });
      expect(ok.statusCode, ok.body).toBe(200);
      return { cookie, secret: start.secret as string, codes: json(ok).recoveryCodes as string[] };
    };

    it('makes a finance user enrol before anything else, then reach their work', async () => {
      const id = await reportIn(t, 'submitted');
      const { cookie: half } = await passwordLogin('revA');
      const blocked = await t.call(half, 'GET', `/api/reports/${id}`);
      expect(blocked.statusCode).toBe(403);
      expect(json(blocked).error.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
      const { cookie, codes } = await enrol('revA');
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      expect((await t.call(cookie, 'GET', `/api/reports/${id}`)).statusCode).toBe(200);
      // the secret is stored sealed, the codes only as MACs
      const row = await t.db.kysely.selectFrom('users').select('totp_secret').where('id', '=', t.ids.revA!).executeTakeFirstOrThrow();
      expect(row.totp_secret).toMatch(/^enc1:/);
      const stored = await t.db.kysely.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', t.ids.revA!).execute();
      expect(stored.map((r) => r.code_hash).some((h) => codes.includes(h))).toBe(false);
      const events = await t.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'second_factor_enabled').execute();
      expect(events).toHaveLength(1);
    });

    it('with the factor on, the password alone reaches no protected endpoint', async () => {
      const id = await reportIn(t, 'submitted');
      await enrol('revA');
      const { cookie, body } = await passwordLogin('revA');
      expect(body.secondFactor).toBe('pending');
      const probes: Array<[string, string, unknown?]> = [
        ['GET', '/api/reports'], ['GET', `/api/reports/${id}`], ['GET', `/api/reports/${id}/export?format=json`], ['GET', `/api/reports/${id}/versions`],
        ['GET', `/api/reports/${id}/signatures`], ['POST', `/api/reports/${id}/transitions`, { action: 'review' }], ['POST', `/api/reports/${id}/signatures`, { role: 'reviewer' }],
        ['GET', '/api/account/sessions'], ['POST', '/api/account/totp/start', {}], ['POST', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'Another-pass-77' }],
        ['GET', '/api/docs/json'],
      ];
      for (const [method, url, payload] of probes) {
        const res = await t.call(cookie, method, url, payload);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(json(res).error.code, url).toBe('SECOND_FACTOR_REQUIRED');
      }
      expect(json(await t.call(cookie, 'GET', '/api/session')).secondFactor).toBe('pending');
    });

    it('logs in in two steps; a code is accepted once; a recovery code once ever', async () => {
      const { secret, codes } = await enrol('perf');
      await t.call((await passwordLogin('perf')).cookie, 'DELETE', '/api/session');
      t.clock.advanceMinutes(1);
      const a = await passwordLogin('perf');
      const code = totpNow(secret, t.clock);
      const done = await t.call(a.cookie, 'POST', '/api/session/second-factor', { code });
      expect(done.statusCode, done.body).toBe(200);
      expect(json(done).secondFactor).toBe('ok');
      expect((await t.call(a.cookie, 'GET', '/api/reports')).statusCode).toBe(200);
      // the same code again, in another login within its 30 s: refused (ASVS 6.5.1)
      const b = await passwordLogin('perf');
      expect((await t.call(b.cookie, 'POST', '/api/session/second-factor', { code })).statusCode).toBe(401);
      const viaRecovery = await t.call(b.cookie, 'POST', '/api/session/second-factor', { recoveryCode: codes[3]!.toUpperCase() });
      expect(viaRecovery.statusCode, viaRecovery.body).toBe(200);
      const c = await passwordLogin('perf');
      expect((await t.call(c.cookie, 'POST', '/api/session/second-factor', { recoveryCode: codes[3] })).statusCode).toBe(401);
      // a pending step lapses after five minutes
      t.clock.advanceMinutes(6);
      expect((await t.call(c.cookie, 'POST', '/api/session/second-factor', { code: totpNow(secret, t.clock) })).statusCode).toBe(401);
    });

    it('locks code guessing after the limit and ends the pending login', async () => {
      const { secret } = await enrol('sec');
      const { cookie } = await passwordLogin('sec');
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await t.call(cookie, 'POST', '/api/session/second-factor', { code: String(100000 + i) })).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 423]);
      expect((await t.call(cookie, 'GET', '/api/session')).statusCode).toBe(401);
      const again = await passwordLogin('sec');
      expect((await t.call(again.cookie, 'POST', '/api/session/second-factor', { code: totpNow(secret, t.clock) })).statusCode).toBe(423);
    });

    it('lets a department user opt in and out (with the password); a required one only via the security administrator', async () => {
      const prep = await t.login('prep1');
      expect(json(await t.call(prep, 'GET', '/api/session')).secondFactor).toBe('ok');
      expect((await t.call(prep, 'POST', '/api/account/totp/start', { password: 'Wrong-pass-1' })).statusCode).toBe(400);
      const start = json(await t.call(prep, 'POST', '/api/account/totp/start', { password: PASSWORD }));
      expect((await t.call(prep, 'POST', '/api/account/totp/confirm', { code: totpNow(start.secret, t.clock) })).statusCode).toBe(200);
      expect(json(await t.call(prep, 'POST', '/api/account/recovery-codes', { password: PASSWORD })).recoveryCodes).toHaveLength(10);
      expect((await t.call(prep, 'POST', '/api/account/totp/disable', { password: PASSWORD })).statusCode).toBe(204);
      expect((await passwordLogin('prep1')).body.secondFactor).toBe('ok');

      const { cookie: rev } = await enrol('revA');
      expect((await t.call(rev, 'POST', '/api/account/totp/disable', { password: PASSWORD })).statusCode).toBe(403);
      const { cookie: sec } = await enrol('sec');
      const reset = await t.call(sec, 'POST', `/api/users/${t.ids.revA}/second-factor/reset`);
      expect(reset.statusCode, reset.body).toBe(200);
      expect((await t.call(rev, 'GET', '/api/session')).statusCode).toBe(401);
      expect((await passwordLogin('revA')).body.secondFactor).toBe('enrol');
      expect((await t.call(await t.login('prep2'), 'POST', `/api/users/${t.ids.revA}/second-factor/reset`)).statusCode).toBe(403);
    });
  });
}
