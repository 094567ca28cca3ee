// One test app: a fresh database on the chosen backend, a fixture organisation with a user of every
// role, a controllable clock, and helpers to log in and call the API through fastify.inject().
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../core/workflow/index';
import { createServer } from '../app';
import { argon2Hasher } from '../auth/password';
import { loadConfig, type ServerConfig } from '../config';
import { loadCryptoProvider } from '../crypto/keys';
import type { CryptoProvider } from '../crypto/provider';
import type { AccountKind, Db } from '../db/schema';
import type { Deps } from '../deps';
import { insertBureau, insertDepartment, insertSection } from '../repositories/org';
import { insertUser } from '../repositories/users';
import type { Backend } from './backends';
import { fakeCheck, fakeImportFile } from './fakes';

export const PASSWORD = 'Test-pass-2026';

/** Fixed test secrets (never used outside tests): the audit chain and field encryption are keyed as in production. */
export const TEST_KEYS = { audit: 'a1'.repeat(32), data: 'd4'.repeat(32) };

/** The configuration every test app starts from: cheap argon2, no web UI, no second factor unless a test asks. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const base = loadConfig({}, { argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 }, webDist: '/nonexistent' });
  return {
    ...base,
    crypto: { suite: base.crypto.suite, auditKey: { inline: TEST_KEYS.audit, file: '/nonexistent' }, dataKey: { inline: TEST_KEYS.data, file: '/nonexistent' } },
    twoFactor: { ...base.twoFactor, required: 'none' },
    lockout: { ...base.lockout, failureFloorMs: 0 },
    audit: { ...base.audit, checkpointMinutes: 0 },
    ...overrides,
  };
}

export class TestClock {
  constructor(public current = new Date('2026-03-01T08:00:00.000Z')) {}
  now = (): Date => new Date(this.current.getTime());
  advanceMinutes(m: number): void {
    this.current = new Date(this.current.getTime() + m * 60_000);
  }
}

/** Users by handle. Bureau B1: sections A (归口 of D1, D2), E (归口 of D3), P (绩效管理科). Bureau B2: D9. */
export const FIXTURE_USERS: Record<string, { kind: AccountKind; roles: Role[]; dept?: string; section?: string; bureau?: string }> = {
  prep1: { kind: 'business', roles: ['preparer'], dept: 'D1' },
  head1: { kind: 'business', roles: ['head'], dept: 'D1' },
  eval1: { kind: 'business', roles: ['evaluator', 'leader'], dept: 'D1' },
  prep2: { kind: 'business', roles: ['preparer'], dept: 'D2' },
  prep3: { kind: 'business', roles: ['preparer'], dept: 'D3' },
  prep9: { kind: 'business', roles: ['preparer'], dept: 'D9' },
  revA: { kind: 'business', roles: ['reviewer'], section: 'A' },
  revE: { kind: 'business', roles: ['reviewer'], section: 'E' },
  perf: { kind: 'business', roles: ['perf_admin'], section: 'P' },
  perf2: { kind: 'business', roles: ['perf_admin'], bureau: 'B2' },
  sys: { kind: 'sysadmin', roles: [] },
  sec: { kind: 'secadmin', roles: [] },
  aud: { kind: 'auditor', roles: [] },
};

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: TestClock;
  config: ServerConfig;
  ids: Record<string, string>;
  crypto: CryptoProvider;
  /** logs in and returns the cookie header value */
  login(handle: string, password?: string): Promise<string>;
  call(cookie: string | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<ServerConfig>;
  deps?: Partial<Omit<Deps, 'db' | 'config' | 'logger'>>;
}

export async function makeTestApp(backend: Backend, opts: TestAppOptions = {}): Promise<TestApp> {
  const clock = new TestClock();
  const config = testConfig(opts.config);
  const passwords = argon2Hasher(config.argon2);
  const crypto = loadCryptoProvider(config);
  const db = await backend.open();
  const app = await createServer(config, { db, deps: { clock, passwords, crypto, check: fakeCheck, importFile: fakeImportFile, ...opts.deps } });
  const ids = await seedFixture(db, passwords, clock.now().toISOString());
  const call: TestApp['call'] = (cookie, method, url, body, headers = {}) =>
    app.inject({ method: method as 'GET', url, payload: body as object, headers: { ...(cookie ? { cookie } : {}), ...headers } });
  return {
    app, db, clock, config, ids, call, crypto,
    async login(handle, password = PASSWORD) {
      const res = await call(null, 'POST', '/api/session', { username: handle, password });
      if (res.statusCode !== 200) throw new Error(`login ${handle} → ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((x) => x.name.endsWith('jixiao_sid'));
      return `${c!.name}=${c!.value}`;
    },
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

export async function seedFixture(db: Db, passwords: ReturnType<typeof argon2Hasher>, at: string): Promise<Record<string, string>> {
  const k = db.kysely;
  const ids: Record<string, string> = { B1: 'b1', B2: 'b2', A: 'sec-a', E: 'sec-e', P: 'sec-p', D1: 'd1', D2: 'd2', D3: 'd3', D9: 'd9' };
  await insertBureau(k, { id: 'b1', name: '测试市财政局', region: '测试市', created_at: at });
  await insertBureau(k, { id: 'b2', name: '另一市财政局', region: '另一市', created_at: at });
  await insertSection(k, { id: 'sec-a', bureau_id: 'b1', name: '行政政法科', kind: 'counterpart', created_at: at });
  await insertSection(k, { id: 'sec-e', bureau_id: 'b1', name: '经济建设科', kind: 'counterpart', created_at: at });
  await insertSection(k, { id: 'sec-p', bureau_id: 'b1', name: '绩效管理科', kind: 'performance', created_at: at });
  await insertSection(k, { id: 'sec-x', bureau_id: 'b2', name: '行政政法科', kind: 'counterpart', created_at: at });
  const depts: Array<[string, string, string, string]> = [['d1', 'b1', '党群工作部', 'sec-a'], ['d2', 'b1', '党政办公室', 'sec-a'], ['d3', 'b1', '经济发展局', 'sec-e'], ['d9', 'b2', '外市某局', 'sec-x']];
  for (const [id, bureau, name, section] of depts)
    await insertDepartment(k, { id, bureau_id: bureau, name, budget_code: `9992${id.slice(1)}`, parent_id: null, section_id: section, created_at: at });
  const hash = await passwords.hash(PASSWORD);
  for (const [handle, u] of Object.entries(FIXTURE_USERS)) {
    const id = `u-${handle}`;
    ids[handle] = id;
    const deptId = u.dept ? ids[u.dept]! : null;
    const sectionId = u.section ? ids[u.section]! : null;
    const bureau = u.bureau ? ids[u.bureau]! : deptId === 'd9' ? 'b2' : 'b1';
    await insertUser(k, {
      id, username: handle.toLowerCase(), display_name: `测试${handle}`, kind: u.kind, password_hash: hash,
      bureau_id: bureau, department_id: deptId, section_id: sectionId,
      disabled: 0, failed_count: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at,
    }, u.roles);
  }
  return ids;
}

export function json<T = any>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}
