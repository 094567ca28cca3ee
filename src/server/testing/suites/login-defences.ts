// Login defences that must hold as a hostile user tries them (issue 13 §2): a burst of parallel guesses
// gets at most the limit checked; one address cannot spray many accounts; locks back off; locked, unknown
// and wrong answer alike, in body and in time; floods leave a bounded trace; sessions are capped and the
// user can see and end them; administrator-set passwords must be changed and expire unused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../auth/password';
import type { Backend } from '../backends';
import { json, makeTestApp, PASSWORD, type TestApp } from '../harness';

const WRONG = 'Wrong-pass-1';

export function loginDefencesSuite(backend: Backend): void {
  describe(`login defences (${backend.name})`, () => {
    let t: TestApp;
    let verifies = 0;
    const counting = (t0 = argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 })) => ({
      hash: t0.hash,
      verify: (h: string, p: string) => ((verifies += 1), t0.verify(h, p)),
    });
    beforeEach(async () => {
      verifies = 0;
      t = await makeTestApp(backend, { deps: { passwords: counting() } });
    });
    afterEach(async () => {
      await t.close();
    });
    const attempt = (username: string, password: string, ip = '10.0.0.1') =>
      t.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, remoteAddress: ip });

    it('checks at most the limit of a burst of 40 parallel guesses, the right password among them', async () => {
      verifies = 0;
      // the right password several times inside: a success frees no slot for the rest of the burst
      const burst = Array.from({ length: 40 }, (_, i) => attempt('head1', i % 8 === 3 ? PASSWORD : WRONG, `10.1.0.${i}`));
      const codes = (await Promise.all(burst)).map((r) => r.statusCode);
      expect(verifies).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c !== 200 && c !== 401 && c !== 423)).toEqual([]);
      expect(codes.filter((c) => c === 200).length).toBeLessThanOrEqual(5);
      // the guesses that were not checked are answered as locked, and the account is locked afterwards
      expect(codes.filter((c) => c === 423).length).toBeGreaterThanOrEqual(35);
      if (!codes.includes(200)) expect((await attempt('head1', PASSWORD, '10.9.9.9')).statusCode).toBe(423);
    });

    it('throttles one address spraying many accounts, with Retry-After, while another address logs in', async () => {
      const sprayer = await makeTestApp(backend, { config: { lockout: { ...t.config.lockout, ipMaxFailures: 10 } } });
      try {
        const names = ['prep1', 'prep2', 'prep3', 'head1', 'eval1', 'ghost1', 'ghost2', 'ghost3', 'ghost4', 'ghost5', 'ghost6', 'ghost7'];
        const codes: number[] = [];
        for (const n of names) codes.push((await sprayer.app.inject({ method: 'POST', url: '/api/session', payload: { username: n, password: WRONG }, remoteAddress: '10.2.0.1' })).statusCode);
        expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
        const blocked = await sprayer.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'prep9', password: PASSWORD }, remoteAddress: '10.2.0.1' });
        expect(blocked.statusCode).toBe(429);
        expect(json(blocked).error.code).toBe('TOO_MANY_ATTEMPTS');
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
        const elsewhere = await sprayer.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'prep9', password: PASSWORD }, remoteAddress: '10.2.0.2' });
        expect(elsewhere.statusCode).toBe(200);
        // the state is in the database: a second app instance on it sees the same block
        const rows = await sprayer.db.kysely.selectFrom('auth_throttle').select(['key', 'locked_until']).where('key', '=', 'ip:10.2.0.1').execute();
        expect(rows[0]!.locked_until).not.toBeNull();
      } finally {
        await sprayer.close();
      }
    });

    it('does not count successful logins against a shared office address', async () => {
      const office = await makeTestApp(backend, { config: { lockout: { ...t.config.lockout, ipMaxFailures: 3 } } });
      try {
        for (let i = 0; i < 8; i++)
          for (const u of ['prep1', 'prep2', 'head1'])
            expect((await office.app.inject({ method: 'POST', url: '/api/session', payload: { username: u, password: PASSWORD }, remoteAddress: '10.3.0.1' })).statusCode).toBe(200);
      } finally {
        await office.close();
      }
    });

    it('backs off: each lock of the same account lasts twice the one before', async () => {
      const lockOut = async () => {
        const codes: number[] = [];
        for (let i = 0; i < 5; i++) codes.push((await attempt('prep2', WRONG)).statusCode);
        return codes;
      };
      expect(await lockOut()).toEqual([401, 401, 401, 401, 423]);
      expect(json(await attempt('prep2', PASSWORD)).error.message).toContain('15 分钟');
      t.clock.advanceMinutes(16);
      expect(await lockOut()).toEqual([401, 401, 401, 401, 423]);
      const second = await attempt('prep2', PASSWORD);
      expect(second.statusCode).toBe(423);
      expect(json(second).error.message).toContain('30 分钟');
      t.clock.advanceMinutes(20);
      expect((await attempt('prep2', PASSWORD)).statusCode).toBe(423);
      t.clock.advanceMinutes(11);
      expect((await attempt('prep2', PASSWORD)).statusCode).toBe(200);
    });

    it('answers locked, unknown and wrong alike, and never before the floor', async () => {
      const floored = await makeTestApp(backend, { config: { lockout: { ...t.config.lockout, failureFloorMs: 150 } } });
      try {
        const timed = async (username: string, password: string) => {
          const start = performance.now();
          const res = await floored.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, remoteAddress: `10.4.${Math.floor(Math.random() * 250)}.1` });
          return { ms: performance.now() - start, code: res.statusCode, body: res.body };
        };
        for (let i = 0; i < 5; i++) await timed('prep3', WRONG);
        for (let i = 0; i < 5; i++) await timed('nobody-here', WRONG);
        const lockedReal = await timed('prep3', PASSWORD);
        const lockedGhost = await timed('nobody-here', PASSWORD);
        const wrong = await timed('prep1', WRONG);
        const unknown = await timed('someone-else', WRONG);
        expect(lockedReal.code).toBe(423);
        expect(lockedReal.body).toBe(lockedGhost.body);
        expect(wrong.body).toBe(unknown.body);
        for (const r of [lockedReal, lockedGhost, wrong, unknown]) expect(r.ms).toBeGreaterThanOrEqual(145);
      } finally {
        await floored.close();
      }
    });

    it('keeps the trace of a flood of unknown names bounded: a few rows, then one summary', async () => {
      const flood = await makeTestApp(backend, { config: { lockout: { ...t.config.lockout, ipMaxFailures: 1000 } } });
      try {
        for (let i = 0; i < 40; i++)
          await flood.app.inject({ method: 'POST', url: '/api/session', payload: { username: `random-${i}`, password: WRONG }, remoteAddress: '10.5.0.1' });
        const failed = () => flood.db.kysely.selectFrom('audit_log').select(['event', 'detail']).where('event', 'in', ['login_failed', 'security_events_suppressed']).execute();
        expect((await failed()).length).toBe(5);
        flood.clock.advanceMinutes(2);
        await flood.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'random-x', password: WRONG }, remoteAddress: '10.5.0.9' });
        const rows = await failed();
        const summary = rows.find((r) => r.event === 'security_events_suppressed');
        expect(JSON.parse(summary!.detail)).toMatchObject({ key: 'login_failed:10.5.0.1', total: 40, written: 5, suppressed: 35 });
        // throttle rows of names nobody has is state to forget once nothing is locked
        flood.clock.advanceMinutes(24 * 60 + 1);
        await flood.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'prep1', password: PASSWORD }, remoteAddress: '10.5.0.2' });
        const left = await flood.db.kysely.selectFrom('auth_throttle').select('key').where('key', 'like', 'user:random-%').execute();
        expect(left).toEqual([]);
      } finally {
        await flood.close();
      }
    });

    it('caps sessions per account (the least recently used ends) and lets the user list and end them', async () => {
      const cookies: string[] = [];
      for (let i = 0; i < 4; i++) {
        cookies.push(await t.login('prep1'));
        t.clock.advanceMinutes(1);
      }
      expect((await t.call(cookies[0]!, 'GET', '/api/reports')).statusCode).toBe(401);
      const list = json(await t.call(cookies[3]!, 'GET', '/api/account/sessions'));
      expect(list.max).toBe(3);
      expect(list.items).toHaveLength(3);
      expect(list.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
      expect(JSON.stringify(list)).not.toMatch(/token/i);
      const other = list.items.find((s: { current: boolean }) => !s.current);
      expect((await t.call(cookies[3]!, 'DELETE', `/api/account/sessions/${other.id}`)).statusCode).toBe(200);
      expect(json(await t.call(cookies[3]!, 'GET', '/api/account/sessions')).items).toHaveLength(2);
      expect((await t.call(cookies[3]!, 'DELETE', '/api/account/sessions')).statusCode).toBe(200);
      expect((await t.call(cookies[1]!, 'GET', '/api/reports')).statusCode).toBe(401);
      expect((await t.call(cookies[2]!, 'GET', '/api/reports')).statusCode).toBe(401);
      expect((await t.call(cookies[3]!, 'GET', '/api/reports')).statusCode).toBe(200);
      // another user's session id cannot be ended
      const theirs = json(await t.call(await t.login('prep2'), 'GET', '/api/account/sessions')).items[0].id;
      expect((await t.call(cookies[3]!, 'DELETE', `/api/account/sessions/${theirs}`)).statusCode).toBe(404);
    });

    it('forces a change of a password the security administrator set, which expires unused after 72 hours', async () => {
      const sec = await t.login('sec');
      const reset = await t.call(sec, 'POST', `/api/users/${t.ids.prep2}/password`, { password: 'Temp-pass-2026x' });
      expect(reset.statusCode, reset.body).toBe(200);
      const first = await t.call(null, 'POST', '/api/session', { username: 'prep2', password: 'Temp-pass-2026x' });
      expect(json(first).mustChangePassword).toBe(true);
      t.clock.advanceMinutes(73 * 60);
      const late = await t.call(null, 'POST', '/api/session', { username: 'prep2', password: 'Temp-pass-2026x' });
      expect(late.statusCode).toBe(401);
      expect(json(late).error.message).toContain('初始密码已过期');
      // the 三员 accounts are reset by the deployer only; the system administrator resets nobody's
      const sec2 = await t.login('sec');
      for (const target of [t.ids.aud, t.ids.sys]) {
        const r = await t.call(sec2, 'POST', `/api/users/${target}/password`, { password: 'Temp-pass-2026x' });
        expect(r.statusCode).toBe(403);
        expect(json(r).error.message).toContain('命令行');
      }
      const sys = await t.login('sys');
      expect((await t.call(sys, 'POST', `/api/users/${t.ids.prep2}/password`, { password: 'Temp-pass-2026x' })).statusCode).toBe(403);
      for (const target of [t.ids.aud, t.ids.sec]) expect((await t.call(sys, 'POST', `/api/users/${target}/disable`)).statusCode).toBe(403);
    });

    it('shows the security administrator who is locked out, until when, and lets her unlock or reset them (audited)', async () => {
      for (let i = 0; i < 5; i++) await attempt('prep2', WRONG);
      expect((await attempt('prep2', PASSWORD)).statusCode).toBe(423);
      const sec = await t.login('sec');
      const listed = json<{ items: Array<{ username: string; lockedUntil: string | null }> }>(await t.call(sec, 'GET', '/api/users')).items;
      const locked = listed.find((u) => u.username === 'prep2')!;
      expect(Date.parse(locked.lockedUntil!)).toBeGreaterThan(t.clock.now().getTime());
      expect(listed.filter((u) => u.lockedUntil).map((u) => u.username)).toEqual(['prep2']);
      expect((await t.call(await t.login('sys'), 'POST', `/api/users/${t.ids.prep2}/unlock`)).statusCode).toBe(403);
      const unlocked = await t.call(sec, 'POST', `/api/users/${t.ids.prep2}/unlock`);
      expect(unlocked.statusCode).toBe(200);
      expect(json(unlocked).lockedUntil).toBeNull();
      expect((await attempt('prep2', PASSWORD)).statusCode).toBe(200);
      const events = await t.db.kysely.selectFrom('audit_log').select(['event', 'actor_username']).where('event', '=', 'account_unlock').execute();
      expect(events).toEqual([{ event: 'account_unlock', actor_username: 'sec' }]);
      // a reset clears a lock as well: locked again, reset, and the temporary password works at once
      for (let i = 0; i < 5; i++) await attempt('prep2', WRONG);
      expect((await t.call(sec, 'POST', `/api/users/${t.ids.prep2}/password`, { password: 'Temp-pass-2026y' })).statusCode).toBe(200);
      expect(json(await t.call(null, 'POST', '/api/session', { username: 'prep2', password: 'Temp-pass-2026y' })).mustChangePassword).toBe(true);
    });

    it('throttles and audits failed password changes; a weak new password is refused with the reason', async () => {
      const cookie = await t.login('prep1');
      for (let i = 0; i < 4; i++) expect((await t.call(cookie, 'POST', '/api/session/password', { currentPassword: WRONG, newPassword: 'New-pass-2026' })).statusCode).toBe(400);
      expect((await t.call(cookie, 'POST', '/api/session/password', { currentPassword: WRONG, newPassword: 'New-pass-2026' })).statusCode).toBe(423);
      const failures = await t.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'password_change_failed').execute();
      expect(failures).toHaveLength(5);
      t.clock.advanceMinutes(16);
      const fresh = await t.login('prep1');
      const weak = await t.call(fresh, 'POST', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'P@ssw0rd' });
      expect(weak.statusCode).toBe(400);
      expect(json(weak).error.message).toContain('过于常见');
    });
  });
}
