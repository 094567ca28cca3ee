// Authentication and accounts (等保 DB-AUTH-*, DB-AC-3/4): login, lockout, idle timeout, logout,
// disabling, 三员 separation, password policy and expiry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { json, makeTestApp, PASSWORD, type TestApp } from '../harness';

export function authSuite(backend: Backend): void {
  describe(`auth and accounts (${backend.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await makeTestApp(backend);
    });
    afterEach(async () => {
      await t.close();
    });

    it('GET /api/health answers without a session', async () => {
      const res = await t.call(null, 'GET', '/api/health');
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual({ ok: true, database: backend.name, demo: false });
    });

    it('logs in with an httpOnly SameSite=Lax cookie and returns the user', async () => {
      const res = await t.call(null, 'POST', '/api/session', { username: ' PREP1 ', password: PASSWORD });
      expect(res.statusCode).toBe(200);
      const body = json(res);
      expect(body.user).toMatchObject({ username: 'prep1', displayName: '测试prep1', role: 'preparer', roleLabel: '填报人', roles: ['preparer'], kind: 'business', departmentId: 'd1' });
      expect(body.mustChangePassword).toBe(false);
      const c = res.cookies.find((x) => x.name === 'jixiao_sid')!;
      expect(c.httpOnly).toBe(true);
      expect(c.sameSite).toBe('Lax');
      expect(c.value).toMatch(/^[\w-]{43}$/);
      const me = await t.call(`jixiao_sid=${c.value}`, 'GET', '/api/session');
      expect(me.statusCode).toBe(200);
      expect(json(me).user).toMatchObject({ username: 'prep1', role: 'preparer', roleLabel: '填报人' });
      // only the hash of the token is stored
      const rows = await t.db.kysely.selectFrom('sessions').selectAll().execute();
      expect(rows.some((r) => r.token_hash === c.value)).toBe(false);
    });

    it('answers a wrong password and an unknown user identically (401)', async () => {
      const a = await t.call(null, 'POST', '/api/session', { username: 'prep1', password: 'Wrong-pass-1' });
      const b = await t.call(null, 'POST', '/api/session', { username: 'nobody', password: 'Wrong-pass-1' });
      expect(a.statusCode).toBe(401);
      expect(b.statusCode).toBe(401);
      expect(json(a)).toEqual(json(b));
      expect(json(a).error).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    });

    it('validates the login body with Chinese messages (400)', async () => {
      const res = await t.call(null, 'POST', '/api/session', { username: '' });
      expect(res.statusCode).toBe(400);
      const e = json(res).error;
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain('请输入用户名');
      expect(e.message).toContain('请输入密码');
    });

    it('locks after 5 failures (423), also for unknown names, and unlocks after the lock time', async () => {
      for (const name of ['prep1', 'ghost']) {
        const codes: number[] = [];
        for (let i = 0; i < 5; i++) codes.push((await t.call(null, 'POST', '/api/session', { username: name, password: 'Wrong-pass-1' })).statusCode);
        expect(codes).toEqual([401, 401, 401, 401, 423]);
        const locked = await t.call(null, 'POST', '/api/session', { username: name, password: PASSWORD });
        expect(locked.statusCode).toBe(423);
        expect(json(locked).error.code).toBe('ACCOUNT_LOCKED');
      }
      t.clock.advanceMinutes(16);
      expect((await t.call(null, 'POST', '/api/session', { username: 'prep1', password: PASSWORD })).statusCode).toBe(200);
      const events = await t.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'lockout').execute();
      expect(events).toHaveLength(2);
    });

    it('counts parallel guesses exactly (no lost increments)', async () => {
      await Promise.all(Array.from({ length: 8 }, () => t.call(null, 'POST', '/api/session', { username: 'head1', password: 'Wrong-pass-1' })));
      expect((await t.call(null, 'POST', '/api/session', { username: 'head1', password: PASSWORD })).statusCode).toBe(423);
    });

    it('times out an idle session (401) and keeps an active one', async () => {
      const cookie = await t.login('prep1');
      t.clock.advanceMinutes(20);
      expect((await t.call(cookie, 'GET', '/api/reports')).statusCode).toBe(200);
      t.clock.advanceMinutes(25); // 25 min since last use: still inside 30
      expect((await t.call(cookie, 'GET', '/api/reports')).statusCode).toBe(200);
      t.clock.advanceMinutes(31);
      const res = await t.call(cookie, 'GET', '/api/reports');
      expect(res.statusCode).toBe(401);
      expect(json(res).error.code).toBe('SESSION_EXPIRED');
      // finance staff time out after 15 minutes
      const rev = await t.login('revA');
      t.clock.advanceMinutes(16);
      expect((await t.call(rev, 'GET', '/api/reports')).statusCode).toBe(401);
    });

    it('revokes the session on logout: replaying the cookie gives 401', async () => {
      const cookie = await t.login('prep1');
      const out = await t.call(cookie, 'DELETE', '/api/session');
      expect(out.statusCode).toBe(204);
      expect(out.headers['set-cookie']).toBeDefined();
      expect((await t.call(cookie, 'GET', '/api/session')).statusCode).toBe(401);
      // a visitor without a cookie is told nobody is signed in, without an error (no console line on the login page)
      const visitor = await t.call(null, 'GET', '/api/session');
      expect(visitor.statusCode).toBe(200);
      expect(json(visitor)).toEqual({ user: null });
      expect((await t.call(null, 'GET', '/api/reports')).statusCode).toBe(401);
    });

    it('disabling a user revokes its sessions at once and blocks login; enabling restores', async () => {
      const victim = await t.login('prep2');
      const sys = await t.login('sys');
      const res = await t.call(sys, 'POST', `/api/users/${t.ids.prep2}/disable`);
      expect(res.statusCode).toBe(200);
      expect(json(res).disabled).toBe(true);
      expect((await t.call(victim, 'GET', '/api/reports')).statusCode).toBe(401);
      expect((await t.call(null, 'POST', '/api/session', { username: 'prep2', password: PASSWORD })).statusCode).toBe(401);
      expect((await t.call(sys, 'POST', `/api/users/${t.ids.prep2}/enable`)).statusCode).toBe(200);
      expect((await t.call(null, 'POST', '/api/session', { username: 'prep2', password: PASSWORD })).statusCode).toBe(200);
    });

    it('keeps the 三员 apart: only sysadmin adds users, only secadmin grants roles, none read reports', async () => {
      const [sys, sec, aud, prep] = [await t.login('sys'), await t.login('sec'), await t.login('aud'), await t.login('prep1')];
      const body = { username: 'New.User', displayName: '新用户', password: 'Strong-pass-9', departmentId: 'd1' };
      for (const c of [sec, aud, prep]) expect((await t.call(c, 'POST', '/api/users', body)).statusCode).toBe(403);
      const created = await t.call(sys, 'POST', '/api/users', body);
      expect(created.statusCode).toBe(201);
      const user = json(created);
      expect(user).toMatchObject({ username: 'new.user', roles: [], bureauId: 'b1' });
      expect((await t.call(sys, 'POST', '/api/users', { ...body, username: 'NEW.USER' })).statusCode).toBe(409);
      expect((await t.call(sys, 'PUT', `/api/users/${user.id}/roles`, { roles: ['preparer'] })).statusCode).toBe(403);
      const granted = await t.call(sec, 'PUT', `/api/users/${user.id}/roles`, { roles: ['preparer'] });
      expect(granted.statusCode).toBe(200);
      expect(json(granted).roles).toEqual(['preparer']);
      expect((await t.call(sec, 'PUT', `/api/users/${t.ids.aud}/roles`, { roles: ['reviewer'], sectionId: 'sec-a' })).statusCode).toBe(400);
      for (const c of [sys, sec, aud]) {
        const res = await t.call(c, 'GET', '/api/reports');
        expect(res.statusCode).toBe(403);
        expect(json(res).error.message).toContain('不能查看或修改报告内容');
      }
      expect((await t.call(aud, 'GET', '/api/users')).statusCode).toBe(403);
      expect((await t.call(sec, 'GET', '/api/users')).statusCode).toBe(200);
      const events = await t.db.kysely.selectFrom('audit_log').select('event').where('event', 'in', ['user_add', 'role_change']).execute();
      expect(events.map((e) => e.event).sort()).toEqual(['role_change', 'user_add']);
    });

    it('refuses business roles on a 三员 account at the database level', async () => {
      await expect(
        t.db.kysely.insertInto('user_roles').values({ user_id: t.ids.aud!, user_kind: 'business', role: 'reviewer' }).execute(),
      ).rejects.toThrow();
      await expect(t.db.kysely.updateTable('users').set({ kind: 'sysadmin' }).where('id', '=', t.ids.prep1!).execute()).rejects.toThrow();
    });

    it('enforces the password policy on new accounts', async () => {
      const sys = await t.login('sys');
      for (const password of ['12345678', 'abcabcabc', 'short1A', 'alllowercase']) {
        const res = await t.call(sys, 'POST', '/api/users', { username: 'weak', displayName: '弱', password, departmentId: 'd1' });
        expect(res.statusCode, password).toBe(400);
        expect(json(res).error.message).toMatch(/密码/);
      }
    });

    it('forces a password change after the maximum age, then lets the user in', async () => {
      t.clock.advanceMinutes(91 * 24 * 60);
      const res = await t.call(null, 'POST', '/api/session', { username: 'prep1', password: PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(json(res).mustChangePassword).toBe(true);
      const cookie = `jixiao_sid=${res.cookies[0]!.value}`;
      const blocked = await t.call(cookie, 'GET', '/api/reports');
      expect(blocked.statusCode).toBe(403);
      expect(json(blocked).error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await t.call(cookie, 'POST', '/api/session/password', { currentPassword: 'nope', newPassword: 'New-pass-2026' })).statusCode).toBe(400);
      expect((await t.call(cookie, 'POST', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'weakweak' })).statusCode).toBe(400);
      expect((await t.call(cookie, 'POST', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'New-pass-2026' })).statusCode).toBe(204);
      expect((await t.call(cookie, 'GET', '/api/reports')).statusCode).toBe(200);
    });

    it('publishes the OpenAPI document with every route', async () => {
      expect((await t.call(null, 'GET', '/api/docs/json')).statusCode).toBe(401);
      const res = await t.call(await t.login('prep1'), 'GET', '/api/docs/json');
      expect(res.statusCode).toBe(200);
      const paths = Object.keys(json(res).paths);
      for (const p of ['/api/health', '/api/session', '/api/reports', '/api/reports/{id}', '/api/reports/{id}/transitions', '/api/reports/import', '/api/reports/{id}/versions', '/api/reports/{id}/versions/{a}/diff/{b}', '/api/reports/{id}/signatures', '/api/audit/verify'])
        expect(paths).toContain(p);
      expect((await t.call(null, 'GET', '/api/docs')).statusCode).toBe(401);
      expect((await t.call(await t.login('aud'), 'GET', '/api/docs')).statusCode).toBeLessThan(400);
      const open = await makeTestApp(backend, { config: { web: { ...t.config.web, docsPublic: true } } });
      expect((await open.call(null, 'GET', '/api/docs/json')).statusCode).toBe(200);
      await open.close();
    });

    it('answers unknown API paths with a Chinese 404 body and sets security headers', async () => {
      const res = await t.call(null, 'GET', '/api/nope');
      expect(res.statusCode).toBe(404);
      expect(json(res).error.code).toBe('NOT_FOUND');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    });
  });
}
