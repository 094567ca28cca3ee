// Pure and small pieces: canonical JSON, the password policy, configuration, SQLite durability
// settings, and the SPA fallback for the built web UI.
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { CompiledQuery } from 'kysely';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, reportDigest } from './audit/canonical';
import { foldUsername, passwordProblems } from './auth/password';
import { loadConfig } from './config';
import { loadCryptoProvider } from './crypto/keys';
import { softwareProvider } from './crypto/provider';
import { openSqlite } from './db/connect';
import { sqliteBackend } from './testing/backends';
import { makeTestApp } from './testing/harness';
import { importErrorCode } from './use-cases/import-report';
import { precompress } from '../../web/build.mjs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

describe('canonical JSON', () => {
  it('sorts keys at every level, normalises to NFC and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 'e\u0301' } })).toBe('{"a":{"c":"é","d":[1,{"z":1}]},"b":1}');
    const crypto = softwareProvider({ suite: 'standard', auditSecret: Buffer.alloc(32, 1), dataSecret: Buffer.alloc(32, 2) });
    expect(reportDigest(crypto, { a: 1, b: 2 })).toBe(reportDigest(crypto, { b: 2, a: 1 }));
    expect(reportDigest(crypto, { a: 1 })).toMatch(/^[0-9a-f]{64}$/);
    expect(reportDigest({ ...crypto, digestAlg: 'sm3' }, { a: 1 })).toMatch(/^sm3:[0-9a-f]{64}$/);
  });
});

describe('password policy (等保 DB-AUTH-1)', () => {
  const policy = { minLength: 8, minClasses: 3 };
  it('accepts ≥ 8 characters of ≥ 3 classes and refuses the rest in Chinese', () => {
    expect(passwordProblems('Jixiao-demo-2026', policy)).toEqual([]);
    expect(passwordProblems('12345678', policy)[0]).toContain('至少 3 类');
    expect(passwordProblems('Ab1!', policy)[0]).toContain('至少 8 位');
    expect(passwordProblems('Abc1Abc1Abc1', policy)).toContain('密码不能是简单重复的字符');
    // the maintained list of ~49,000 common and breached passwords, with the usual disguises undone
    for (const weak of ['P@ssw0rd', 'Password1', 'Qwer1234!', 'Woaini1314!', 'Caizheng@2026']) expect(passwordProblems(weak, policy), weak).toContain('密码过于常见（在常用密码或泄露密码清单中），请换一个');
    expect(passwordProblems('Zxcvbn-778', policy)[0]).toContain('键盘顺序');
    expect(passwordProblems('Zhang-san-2026', policy, 'zhang-san')).toContain('密码不能包含用户名');
    expect(passwordProblems('quiet-moon-bay', { ...policy, minClasses: 1 })).toEqual([]);
    expect(passwordProblems('abcdefgh', { ...policy, minClasses: 1 })[0]).toContain('键盘顺序');
  });
  it('folds usernames: full-width and case', () => {
    expect(foldUsername(' ＤＥＭＯ-Admin ')).toBe('demo-admin');
  });
});

describe('configuration', () => {
  it('reads the environment with 等保 defaults and refuses nonsense', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, databaseUrl: null, lockout: { maxFailures: 5 }, session: { idleMinutes: 30, adminIdleMinutes: 15 } });
    expect(loadConfig({ PORT: '9000', JIXIAO_LOCKOUT_FAILURES: '3', JIXIAO_DEMO: '1', DATABASE_URL: 'postgres://x' })).toMatchObject({ port: 9000, demo: true, lockout: { maxFailures: 3 }, databaseUrl: 'postgres://x' });
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(loadConfig({ DATABASE_URL: 'postgres://p', DATABASE_READ_URL: 'postgres://r', JIXIAO_PROCESSES: '3' })).toMatchObject({ databaseReadUrl: 'postgres://r', processes: 3 });
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://r' })).toThrow(/DATABASE_URL/);
  });
});

describe('SQLite durability settings (security.md SQ-1…3)', () => {
  it('opens a file in WAL mode with synchronous=FULL, foreign keys and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
    const db = openSqlite({ file: join(dir, 'sub', 'j.sqlite') });
    const pragma = async (p: string) => Object.values((await db.kysely.executeQuery({ sql: `pragma ${p}`, parameters: [], query: { kind: 'RawNode' } as never, queryId: { queryId: p } })).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2); // FULL
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    await db.destroy();
    rmSync(dir, { recursive: true });
  });
});

describe('files only the server may read (issue 13 §6)', () => {
  it('creates the data folder 0700, the database, its WAL and the key files 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-perm-'));
    try {
      const file = join(dir, 'data', 'j.sqlite');
      const db = openSqlite({ file });
      await db.kysely.executeQuery(CompiledQuery.raw('create table t (v text)'));
      await db.kysely.executeQuery(CompiledQuery.raw("insert into t values ('x')"));
      const mode = (p: string) => statSync(p).mode & 0o777;
      expect(mode(join(dir, 'data'))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      await db.destroy();
      const config = loadConfig({ JIXIAO_SQLITE_FILE: file });
      loadCryptoProvider(config, { create: true });
      expect(mode(join(dir, 'data', 'keys'))).toBe(0o700);
      expect(mode(join(dir, 'data', 'keys', 'audit.key'))).toBe(0o600);
      expect(mode(join(dir, 'data', 'keys', 'data.key'))).toBe(0o600);
      // the same keys the next time: a chain written today verifies tomorrow
      const a = loadCryptoProvider(config).mac('audit', 'x');
      expect(loadCryptoProvider(config).mac('audit', 'x')).toBe(a);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('SQLite WAL checkpoints in the background (the server)', () => {
  it('copies committed pages into the database file from a worker, with a high automatic fallback', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-ckpt-'));
    const file = join(dir, 'j.sqlite');
    // a cluster worker's connection: no checkpointer of its own, and commits below the fallback leave the WAL alone
    const worker = openSqlite({ file, checkpoint: 'external' });
    const run = (db: typeof worker, q: string) => db.kysely.executeQuery(CompiledQuery.raw(q));
    try {
      expect(((await run(worker, 'pragma wal_autocheckpoint')).rows[0] as { wal_autocheckpoint: number }).wal_autocheckpoint).toBe(10_000);
      await run(worker, 'create table t (v text)');
      for (let i = 0; i < 40; i++) await run(worker, `insert into t values ('${'x'.repeat(50_000)}')`);
      expect(statSync(file).size).toBeLessThan(100_000); // all still in the WAL
      // the primary's checkpointer thread copies it over
      const primary = openSqlite({ file, checkpoint: 'background' });
      try {
        let after = statSync(file).size;
        for (let i = 0; i < 100 && after < 2_000_000; i++) {
          await new Promise((r) => setTimeout(r, 100));
          after = statSync(file).size;
        }
        expect(after).toBeGreaterThan(2_000_000);
      } finally {
        await primary.destroy();
      }
    } finally {
      await worker.destroy();
      rmSync(dir, { recursive: true });
    }
  });
});

describe('import error codes', () => {
  it('maps "not a file we read" to 415 and broken files to 400', () => {
    expect(importErrorCode('FORMAT.LEGACY_DOC')).toBe('UNSUPPORTED_FILE');
    expect(importErrorCode('TEXT.BINARY')).toBe('UNSUPPORTED_FILE');
    expect(importErrorCode('OOXML.ZIP_BOMB')).toBe('IMPORT_FAILED');
    expect(importErrorCode('OOXML.ZIP_TOO_LARGE')).toBe('FILE_TOO_LARGE');
    expect(importErrorCode('OOXML.BUSY')).toBe('IMPORT_BUSY');
  });
});

describe('web UI serving', () => {
  it('serves files from web/dist and falls back to index.html for non-API paths', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>绩效自评</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const t = await makeTestApp(sqliteBackend, { config: { webDist: dist } });
    try {
      const page = await t.call(null, 'GET', '/reports/123');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('绩效自评');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect((await t.call(null, 'GET', '/')).body).toContain('绩效自评');
      expect((await t.call(null, 'GET', '/assets/app.js')).body).toBe('console.log(1)');
      const api = await t.call(null, 'GET', '/api/nothing');
      expect(api.headers['cache-control']).toBe('no-store');
      expect(api.statusCode).toBe(404);
      expect(JSON.parse(api.body).error.code).toBe('NOT_FOUND');
    } finally {
      await t.close();
      rmSync(dist, { recursive: true });
    }
  });
});

describe('web UI assets (precompressed, cached by content hash)', () => {
  it('sends brotli or gzip as the browser accepts, assets immutable for a year, the HTML revalidated', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
    mkdirSync(join(dist, 'assets'));
    const js = `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `第${i}项 部门整体支出绩效`))};\n`;
    writeFileSync(join(dist, 'index.html'), `<!doctype html><title>绩效自评</title>${'<!-- pad -->'.repeat(200)}`);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), js);
    precompress(dist);
    const t = await makeTestApp(sqliteBackend, { config: { webDist: dist } });
    try {
      const get = (url: string, encoding?: string) => t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });
      const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
      expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', vary: expect.stringMatching(/accept-encoding/i) });
      expect(String(br.headers['content-type'])).toContain('javascript');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);
      expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(js) / 4);
      const gz = await get('/assets/index-abc123.js', 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString()).toBe(js);
      const plain = await get('/assets/index-abc123.js');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(js);
      for (const url of ['/', '/index.html', '/reports/42']) {
        const html = await get(url, 'br');
        expect(html.statusCode, url).toBe(200);
        expect(html.headers['cache-control'], url).toBe('no-cache');
        expect(brotliDecompressSync(html.rawPayload).toString(), url).toContain('绩效自评');
      }
    } finally {
      await t.close();
      rmSync(dist, { recursive: true });
    }
  });
});

describe('cookies behind TLS', () => {
  it('uses the __Host- prefix with Secure, HttpOnly and SameSite=Lax, and sends HSTS', async () => {
    const t = await makeTestApp(sqliteBackend, { config: { secureCookies: true, trustProxy: true } });
    try {
      const tls = { 'x-forwarded-proto': 'https' };
      const res = await t.call(null, 'POST', '/api/session', { username: 'prep1', password: 'Test-pass-2026' }, tls);
      const c = res.cookies[0]!;
      expect(c).toMatchObject({ name: '__Host-jixiao_sid', secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect((await t.call(`${c.name}=${c.value}`, 'GET', '/api/session', undefined, tls)).statusCode).toBe(200);
      // the token under the plain name is no session at all: nobody is signed in, and no API answers it
      expect(JSON.parse((await t.call(`jixiao_sid=${c.value}`, 'GET', '/api/session', undefined, tls)).body)).toEqual({ user: null });
      expect((await t.call(`jixiao_sid=${c.value}`, 'GET', '/api/reports', undefined, tls)).statusCode).toBe(401);
      // over plain HTTP no session cookie is ever handed out (等保 DB-AUTH-3)
      const plain = await t.call(null, 'POST', '/api/session', { username: 'prep1', password: 'Test-pass-2026' });
      expect(plain.statusCode).toBe(400);
      expect(JSON.parse(plain.body).error.code).toBe('INSECURE_TRANSPORT');
      expect(plain.headers['set-cookie']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
