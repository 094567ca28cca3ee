// Two or more app instances against one PostgreSQL, as behind a load balancer: each its own process
// (testing/instance-main.ts) with its own pools and caches; requests are dealt to them in turn, so two
// consecutive requests of one user almost never reach the same instance. The result is a TestApp the
// shared suites can run on. Only the database is common; the clock is each process's own.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { argon2Hasher } from '../auth/password';
import { loadCryptoProvider } from '../crypto/keys';
import { migrate } from '../db/migrate';
import { postgresBackend } from './backends';
import { PASSWORD, seedFixture, testConfig, TestClock, type TestApp } from './harness';

const MAIN = fileURLToPath(new URL('./instance-main.ts', import.meta.url));

async function start(url: string, schema: string): Promise<{ base: string; proc: ChildProcess }> {
  const proc = fork(MAIN, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, JIXIAO_INSTANCE_PG_URL: url, JIXIAO_INSTANCE_PG_SCHEMA: schema }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('message', (m) => resolve((m as { port: number }).port));
    proc.once('exit', (code) => reject(new Error(`instance exited (${code})`)));
  });
  return { base: `http://127.0.0.1:${port}`, proc };
}

export async function makeInstancesApp(url: string, count = 2): Promise<TestApp & { bases: string[] }> {
  const db = await postgresBackend(url).open();
  await migrate(db);
  const clock = new TestClock();
  const config = testConfig();
  const crypto = loadCryptoProvider(config);
  // the instances run on the real clock: the fixture's passwords are set now
  const ids = await seedFixture(db, argon2Hasher(config.argon2), new Date().toISOString());
  const schema = db.schema!;
  const instances = await Promise.all(Array.from({ length: count }, () => start(url, schema)));
  let turn = 0;
  const call: TestApp['call'] = async (cookie, method, path, body, headers = {}) => {
    const { base } = instances[turn++ % instances.length]!;
    const res = await fetch(base + path, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { statusCode: res.status, body: text, headers: Object.fromEntries(res.headers), json: () => JSON.parse(text) } as unknown as LightMyRequestResponse;
  };
  return {
    app: undefined as never,
    db,
    clock,
    config,
    crypto,
    ids,
    call,
    bases: instances.map((i) => i.base),
    async login(handle, password = PASSWORD) {
      const res = await call(null, 'POST', '/api/session', { username: handle, password });
      if (res.statusCode !== 200) throw new Error(`login ${handle} → ${res.statusCode} ${res.body}`);
      return String(res.headers['set-cookie']).split(';')[0]!;
    },
    async close() {
      await Promise.all(instances.map(({ proc }) => new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.send('stop');
      })));
      await db.destroy();
    },
  };
}
