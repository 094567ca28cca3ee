// Issue 13 §2 as a hostile user tries it, over real HTTP with production password hashing (argon2id
// 19 MiB, t=2) and the production answer floor: bursts of 40 parallel guesses against one account each
// (the right password among them), a spray of wrong passwords over 12 accounts from one address, and the
// answer times of locked, unknown and wrong. Prints the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/server/auth/password';
import { createServer } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { insertUser } from '../../src/server/repositories/users';
import { sqliteBackend } from '../../src/server/testing/backends';
import { TEST_KEYS, testConfig } from '../../src/server/testing/harness';
import { loadCryptoProvider } from '../../src/server/crypto/keys';
import { percentiles } from './support/server-process';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/server/db/schema';

const PASSWORD = 'Burst-test-2026';
const BURSTS = 12;
const GUESSES = 40;

describe('concurrent-login burst', () => {
  let app: FastifyInstance;
  let db: Db;
  let base: string;
  let checks = 0;
  beforeAll(async () => {
    const prod = loadConfig({});
    const config = testConfig({ argon2: prod.argon2, trustProxy: true, lockout: prod.lockout });
    const real = argon2Hasher(config.argon2);
    const passwords = { hash: real.hash, verify: (h: string, p: string) => ((checks += 1), real.verify(h, p)) };
    db = await sqliteBackend.open();
    app = await createServer(config, { db, deps: { passwords, crypto: loadCryptoProvider(config) } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const hash = await real.hash(PASSWORD);
    const at = new Date().toISOString();
    for (let i = 0; i < BURSTS + 12; i++)
      await insertUser(db.kysely, { id: `u${i}`, username: `user${i}`, display_name: `用户${i}`, kind: 'business', password_hash: hash, bureau_id: null, department_id: null, section_id: null, disabled: 0, failed_count: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at }, []);
    void TEST_KEYS;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  const attempt = async (username: string, password: string, ip: string) => {
    const t0 = performance.now();
    const r = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ username, password }) });
    await r.arrayBuffer();
    return { status: r.status, ms: performance.now() - t0, retryAfter: r.headers.get('retry-after') };
  };

  it('checks at most the limit per burst, throttles a spraying address, and answers alike in time', async () => {
    const perBurst: number[] = [];
    let accepted = 0;
    for (let b = 0; b < BURSTS; b++) {
      checks = 0;
      const right = Math.floor(Math.random() * GUESSES);
      const results = await Promise.all(Array.from({ length: GUESSES }, (_, g) => attempt(`user${b}`, g === right ? PASSWORD : `Wrong-guess-${g}`, `10.${b}.${g}.1`)));
      perBurst.push(checks);
      if (results.some((r) => r.status === 200)) accepted += 1;
      expect(results.every((r) => [200, 401, 423].includes(r.status))).toBe(true);
    }

    // one address, wrong passwords over 12 accounts, four each
    const spray: Array<{ status: number; retryAfter: string | null }> = [];
    for (let a = 0; a < 12; a++) for (let k = 0; k < 4; k++) spray.push(await attempt(`user${BURSTS + a}`, `Spray-${k}`, '10.200.0.1'));
    const answered = spray.filter((s) => s.status === 401 || s.status === 423).length;
    const throttled = spray.filter((s) => s.status === 429);
    const elsewhere = await attempt(`user${BURSTS + 11}`, PASSWORD, '10.201.0.1');

    // answer times: locked (existing), unknown, wrong
    const times = { locked: [] as number[], unknown: [] as number[], wrong: [] as number[] };
    for (let i = 0; i < 8; i++) {
      times.locked.push((await attempt('user0', PASSWORD, `10.210.${i}.1`)).ms);
      times.unknown.push((await attempt(`nobody-${i}`, 'Wrong-guess-x', `10.211.${i}.1`)).ms);
      times.wrong.push((await attempt(`user${BURSTS + 1}`, 'Wrong-guess-y', `10.212.${i}.1`)).ms);
      if (i % 4 === 3) await db.kysely.deleteFrom('auth_throttle').where('key', '=', `user:user${BURSTS + 1}`).execute(); // keep it unlocked: "wrong", not "locked"
    }
    const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, percentiles(v)])) as Record<keyof typeof times, ReturnType<typeof percentiles>>;
    const medians = Object.values(med).map((m) => m.p50);
    console.log(
      `login burst (real HTTP, argon2id 19 MiB t=2, floor ${loadConfig({}).lockout.failureFloorMs} ms):\n` +
        `  ${BURSTS} bursts × ${GUESSES} parallel guesses (right password at a random place): passwords checked per burst max ${Math.max(...perBurst)} (limit ${loadConfig({}).lockout.maxFailures}), total ${perBurst.reduce((a, b) => a + b, 0)}; right password accepted in ${accepted}/${BURSTS} bursts (only when among the first ${loadConfig({}).lockout.maxFailures} claimed)\n` +
        `  one address spraying 12 accounts × 4: ${answered} answered, then ${throttled.length} refused 429 (Retry-After ${throttled[0]?.retryAfter ?? '-'} s); another address logs in: HTTP ${elsewhere.status}\n` +
        `  answer times: locked p50 ${med.locked.p50} ms (max ${med.locked.max}), unknown p50 ${med.unknown.p50} ms (max ${med.unknown.max}), wrong p50 ${med.wrong.p50} ms (max ${med.wrong.max}); spread of medians ${Math.max(...medians) - Math.min(...medians)} ms`,
    );
    expect(Math.max(...perBurst)).toBeLessThanOrEqual(loadConfig({}).lockout.maxFailures);
    expect(answered).toBe(loadConfig({}).lockout.ipMaxFailures);
    expect(throttled.length).toBe(48 - answered);
    expect(elsewhere.status).toBe(200);
    for (const v of Object.values(times)) expect(Math.min(...v)).toBeGreaterThanOrEqual(loadConfig({}).lockout.failureFloorMs - 5);
  }, 300_000);
});
