// Benchmark (not a test; issue 3 item 10): a province-sized data set — ≥ 20,000 departments and
// 200,000 reports — in a fresh SQLite file and, when TEST_DATABASE_URL or DATABASE_URL is set, in a fresh
// PostgreSQL database; then the real server (createServer + listen, in its own process so the load
// generator does not share its event loop) under autocannon: list, get, save (If-Match carried from each
// response), transition (submit/return pairs), a mixed workload with and without If-None-Match (get-304
// alone too), the 绩效管理科's 500-row list, and a bare Fastify route beside them. Results: the server README.
// Target (issue 3): ≥ 2,000 req/s mixed and p99 < 100 ms on SQLite on 2 cores.
//
//   npx tsx bench/server-load.ts [--departments 20000] [--reports-per-department 10] [--duration 10]
//                               [--connections 20] [--reuse] [--no-pg] [--only list,get,…] [--profile]
//
// Generated data stays in bench/out/ (gitignored). The machine is shared: the load average is printed next
// to every figure; --profile writes a V8 CPU profile of the server process to bench/out/.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import { emptyReport, type Report } from '../src/core/model/report';
import { seedReport } from '../test/helpers/seed';
import { createServer } from '../src/server/app';
import { argon2Hasher } from '../src/server/auth/password';
import { loadConfig } from '../src/server/config';
import { loadCryptoProvider } from '../src/server/crypto/keys';
import { openPostgres, openSqlite } from '../src/server/db/connect';
import { migrate } from '../src/server/db/migrate';
import { appendAudit } from '../src/server/audit/chain';
import type { Db } from '../src/server/db/schema';

const SELF = fileURLToPath(import.meta.url);
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const SQLITE_FILE = `${OUT}server-load.sqlite`;
const PASSWORD = 'Bench-load-2026';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] && !process.argv[i + 1]!.startsWith('--') ? process.argv[i + 1]! : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const OPTS = {
  departments: Number(arg('departments', '20000')),
  perDepartment: Number(arg('reports-per-department', '10')),
  duration: Number(arg('duration', '10')),
  connections: Number(arg('connections', '20')),
  reuse: flag('reuse'),
  pg: !flag('no-pg'),
  only: arg('only', '').split(',').filter(Boolean),
  profile: flag('profile'),
};
/** departments whose preparer and head drive the write scenarios, one per connection */
const WRITERS = Math.max(OPTS.connections, 8);

// ─── the data set ────────────────────────────────────────────────────────────────────────────────

const CITIES = ['省本级', '长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西州'];
const COUNTERPARTS = ['行政政法科', '教科文科', '经济建设科', '农业农村科', '社会保障科', '资源环境科', '国防科', '金融科'];
const KINDS = ['教育局', '公安局', '民政局', '司法局', '人社局', '自然资源局', '生态环境局', '住建局', '交通运输局', '水利局', '农业农村局', '商务局', '文旅局', '卫健委', '应急管理局', '审计局', '市场监管局', '体育局', '统计局', '医保局', '林业局', '城管局', '党群工作部', '党政办公室', '经济发展局'];
const UNITS = ['机关', '事务中心', '第一中学', '第二中学', '实验小学', '服务站', '监测站', '研究所', '执法大队', '档案馆'];

export interface BenchIds {
  bureau: string;
  section: string;
  writers: Array<{ department: string; draft: string; prep: string; head: string }>;
}

/** Status of a department's report for a year: old years are done, the current one is in flight. */
function statusFor(year: number, n: number): string {
  const r = n % 20;
  if (year <= 2023) return r < 12 ? 'published' : 'accepted';
  if (year === 2024) return ['accepted', 'accepted', 'published', 'finance_review', 'submitted', 'returned'][r % 6]!;
  return ['draft', 'draft', 'dept_review', 'submitted', 'finance_review', 'returned', 'draft', 'submitted'][r % 8]!;
}

const GRADES: Array<[number, string]> = [[90, '优'], [80, '良'], [60, '中'], [0, '差']];

interface Row {
  report: Record<string, unknown>;
  version: Record<string, unknown>;
}

/** Everything to insert, generated lazily department by department. */
function* dataset(seed: Report, at: string, ids: BenchIds, bureauIds: string[], sections: string[][], users: Map<string, string>): Generator<{ department: Record<string, unknown>; rows: Row[] }> {
  const years = Array.from({ length: OPTS.perDepartment }, (_, i) => 2025 - i);
  for (let i = 0; i < OPTS.departments; i++) {
    const b = i % CITIES.length;
    const k = Math.floor(i / CITIES.length);
    const isHead = k % 10 === 0;
    const kind = KINDS[Math.floor(k / 10) % KINDS.length]!;
    const name = `${CITIES[b]}${kind}${isHead ? '' : UNITS[k % 10]}${k >= 250 ? Math.floor(k / 250) : ''}`;
    const code = `${String(b + 10)}${String(k).padStart(4, '0')}`;
    const writer = b === 0 && k < WRITERS ? ids.writers[k] : undefined;
    const id = writer?.department ?? randomUUID();
    const department = {
      id, bureau_id: bureauIds[b], name, budget_code: code,
      parent_id: null, section_id: sections[b]![k % COUNTERPARTS.length], created_at: at,
    };
    const rows: Row[] = [];
    for (const year of years) {
      const n = i * 7 + year;
      const status = writer && year === 2025 ? 'draft' : statusFor(year, n);
      const blank = status === 'draft' && !writer && n % 2 === 0;
      const doc: Report = blank ? emptyReport() : { ...seed, overview: { ...seed.overview, contact: `联系人${n % 997}` } };
      const score = blank ? null : 60 + (n % 40) + (n % 10) / 10;
      const grade = score == null ? '' : GRADES.find(([min]) => score >= min)![1];
      const report: Report = {
        ...doc, year,
        cover: { ...doc.cover, departmentName: name, budgetCode: code, title: `${year}年度部门整体支出绩效评价自评报告` },
        performance: { ...doc.performance, selfScore: score, grade },
      };
      const version = writer && year === 2025 ? 1 : 1 + (n % 9);
      const rid = writer && year === 2025 ? writer.draft : randomUUID();
      const by = users.get('bench-admin')!;
      const document = JSON.stringify(report);
      rows.push({
        report: {
          id: rid, bureau_id: bureauIds[b], department_id: id, department_name: name, year, kind: 'overall', template_id: report.templateId,
          status, version, document, self_score: score, grade, finance_since: status === 'draft' || status === 'dept_review' ? null : at,
          import_meta: null, created_by: by, created_at: at, updated_by: by, updated_at: at,
        },
        version: { report_id: rid, version, status, action: version === 1 ? 'create' : 'save', document, user_id: by, created_at: at },
      });
    }
    yield { department, rows };
  }
}

interface OrgRows {
  bureaus: Record<string, unknown>[];
  sections: Record<string, unknown>[];
  users: Record<string, unknown>[];
  roles: Record<string, unknown>[];
}

async function orgRows(at: string): Promise<{ org: OrgRows; ids: BenchIds; bureauIds: string[]; sections: string[][]; users: Map<string, string> }> {
  const bureauIds = CITIES.map(() => randomUUID());
  const sections = CITIES.map(() => COUNTERPARTS.map(() => randomUUID()));
  const perf = CITIES.map(() => randomUUID());
  const org: OrgRows = {
    bureaus: CITIES.map((c, i) => ({ id: bureauIds[i], name: c === '省本级' ? '湖南省财政厅（压测）' : `${c}财政局（压测）`, region: c, created_at: at })),
    sections: CITIES.flatMap((_, b) => [
      ...COUNTERPARTS.map((name, s) => ({ id: sections[b]![s], bureau_id: bureauIds[b], name, kind: 'counterpart', created_at: at })),
      { id: perf[b], bureau_id: bureauIds[b], name: '绩效管理科', kind: 'performance', created_at: at },
    ]),
    users: [],
    roles: [],
  };
  const hash = await argon2Hasher(loadConfig({}).argon2).hash(PASSWORD);
  const users = new Map<string, string>();
  const ids: BenchIds = { bureau: bureauIds[0]!, section: sections[0]![0]!, writers: [] };
  const addUser = (username: string, roles: string[], where: { department?: string; section?: string }) => {
    const id = randomUUID();
    users.set(username, id);
    org.users.push({
      id, username, display_name: username, kind: 'business', password_hash: hash, bureau_id: bureauIds[0], department_id: where.department ?? null,
      section_id: where.section ?? null, disabled: 0, failed_count: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at,
    });
    for (const role of roles) org.roles.push({ user_id: id, user_kind: 'business', role });
    return id;
  };
  // Department k of bureau 0 is the k-th department generated for it (i = k * CITIES.length).
  for (let k = 0; k < WRITERS; k++) {
    const department = randomUUID();
    const w = { department, draft: randomUUID(), prep: `bench-prep-${k}`, head: `bench-head-${k}` };
    addUser(w.prep, ['preparer'], { department });
    addUser(w.head, ['head'], { department });
    ids.writers.push(w);
  }
  addUser('bench-reviewer', ['reviewer'], { section: sections[0]![0] });
  addUser('bench-admin', ['perf_admin'], { section: perf[0] });
  return { org, ids, bureauIds, sections, users };
}

interface Generated {
  ids: BenchIds;
  seconds: number;
  bytes: number;
  departments: number;
  reports: number;
}

/** Fills a fresh SQLite file through better-sqlite3 prepared statements, 500 departments per transaction. */
async function generateSqlite(): Promise<Generated> {
  for (const s of ['', '-wal', '-shm']) rmSync(SQLITE_FILE + s, { force: true });
  const t0 = performance.now();
  const db = openSqlite({ file: SQLITE_FILE });
  await migrate(db);
  await db.destroy();
  const at = new Date().toISOString();
  const { org, ids, bureauIds, sections, users } = await orgRows(at);
  const raw = new BetterSqlite3(SQLITE_FILE);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  const insert = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    return raw.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map((c) => `@${c}`).join(',')})`);
  };
  const stmts = new Map<string, BetterSqlite3.Statement>();
  const put = (table: string, row: Record<string, unknown>) => {
    let s = stmts.get(table);
    if (!s) stmts.set(table, (s = insert(table, row)));
    s.run(row);
  };
  raw.transaction(() => {
    for (const r of org.bureaus) put('bureaus', r);
    for (const r of org.sections) put('sections', r);
  })();
  const seed = seedReport();
  let batch: Array<{ department: Record<string, unknown>; rows: Row[] }> = [];
  let reports = 0;
  const flush = raw.transaction(() => {
    for (const d of batch) {
      put('departments', d.department);
      for (const r of d.rows) {
        put('reports', r.report);
        put('report_versions', r.version);
        reports++;
      }
    }
  });
  for (const d of dataset(seed, at, ids, bureauIds, sections, users)) {
    batch.push(d);
    if (batch.length === 500) {
      flush();
      batch = [];
      progress('SQLite', reports);
    }
  }
  flush();
  // users last: they point at their departments
  raw.transaction(() => {
    for (const r of org.users) put('users', r);
    for (const r of org.roles) put('user_roles', r);
  })();
  raw.close();
  const kdb = openSqlite({ file: SQLITE_FILE });
  await kdb.kysely.transaction().execute((trx) => appendAudit(trx, { dialect: 'sqlite', crypto: loadCryptoProvider(loadConfig({}), { create: true }) }, at, { event: 'bench_generate', actorUsername: 'bench', detail: { departments: OPTS.departments, reports } }));
  await kdb.destroy();
  const bytes = ['', '-wal'].reduce((sum, s) => sum + (existsSync(SQLITE_FILE + s) ? statSync(SQLITE_FILE + s).size : 0), 0);
  return { ids, seconds: (performance.now() - t0) / 1000, bytes, departments: OPTS.departments, reports };
}

function progress(what: string, reports: number): void {
  if (reports % 20_000 < OPTS.perDepartment * 500) process.stderr.write(`  ${what}: ${reports.toLocaleString()} 份报告已写入…\n`);
}

/** A fresh database `jixiao_bench` next to the given one; multi-row INSERTs, two batches in flight. */
async function generatePostgres(baseUrl: string): Promise<Generated & { url: string }> {
  const url = new URL(baseUrl);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query('drop database if exists jixiao_bench with (force)');
  await admin.query('create database jixiao_bench');
  await admin.end();
  url.pathname = '/jixiao_bench';
  const t0 = performance.now();
  const db = openPostgres({ url: url.toString(), max: 3 });
  await migrate(db);
  const at = new Date().toISOString();
  const { org, ids, bureauIds, sections, users } = await orgRows(at);
  const pool = new pg.Pool({ connectionString: url.toString(), max: 3 });
  const insertMany = async (client: pg.PoolClient, table: string, rows: Record<string, unknown>[]) => {
    if (rows.length === 0) return;
    const cols = Object.keys(rows[0]!);
    const params: unknown[] = [];
    const tuples = rows.map((r) => `(${cols.map((c) => `$${params.push(r[c])}`).join(',')})`);
    await client.query(`insert into ${table} (${cols.join(',')}) values ${tuples.join(',')}`, params);
  };
  const inTx = async (fn: (c: pg.PoolClient) => Promise<void>) => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await fn(c);
      await c.query('commit');
    } catch (err) {
      await c.query('rollback');
      throw err;
    } finally {
      c.release();
    }
  };
  await inTx(async (c) => {
    await insertMany(c, 'bureaus', org.bureaus);
    await insertMany(c, 'sections', org.sections);
  });
  const seed = seedReport();
  let reports = 0;
  let batch: Array<{ department: Record<string, unknown>; rows: Row[] }> = [];
  const inFlight = new Set<Promise<void>>();
  const send = async (b: typeof batch) => {
    await inTx(async (c) => {
      await insertMany(c, 'departments', b.map((d) => d.department));
      const rows = b.flatMap((d) => d.rows);
      for (let i = 0; i < rows.length; i += 200) {
        await insertMany(c, 'reports', rows.slice(i, i + 200).map((r) => r.report));
        await insertMany(c, 'report_versions', rows.slice(i, i + 200).map((r) => r.version));
      }
    });
  };
  // departments first (users reference them), in dataset order
  for (const d of dataset(seed, at, ids, bureauIds, sections, users)) {
    batch.push(d);
    reports += d.rows.length;
    if (batch.length === 250) {
      const p = send(batch).finally(() => inFlight.delete(p));
      inFlight.add(p);
      batch = [];
      if (inFlight.size >= 2) await Promise.race(inFlight);
      progress('PostgreSQL', reports);
    }
  }
  await send(batch);
  await Promise.all(inFlight);
  await inTx(async (c) => {
    await insertMany(c, 'users', org.users);
    await insertMany(c, 'user_roles', org.roles);
  });
  await pool.end();
  await db.kysely.transaction().execute((trx) => appendAudit(trx, { dialect: 'postgres', crypto: loadCryptoProvider(loadConfig({}), { create: true }) }, at, { event: 'bench_generate', actorUsername: 'bench', detail: { departments: OPTS.departments, reports } }));
  await db.kysely.executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } as never, queryId: { queryId: 'analyze' } });
  const size = await db.kysely.executeQuery<{ n: number }>({ sql: 'select pg_database_size(current_database())::bigint as n', parameters: [], query: { kind: 'RawNode' } as never, queryId: { queryId: 'size' } });
  await db.destroy();
  return { ids, url: url.toString(), seconds: (performance.now() - t0) / 1000, bytes: Number(size.rows[0]!.n), departments: OPTS.departments, reports };
}

/** The writer departments of an existing data set (--reuse), found by their users. */
async function loadIds(db: Db): Promise<BenchIds> {
  const k = db.kysely;
  const writers: BenchIds['writers'] = [];
  for (let i = 0; i < WRITERS; i++) {
    const u = await k.selectFrom('users').select(['department_id', 'bureau_id']).where('username', '=', `bench-prep-${i}`).executeTakeFirst();
    if (!u?.department_id) throw new Error(`现有数据中没有 bench-prep-${i}：请去掉 --reuse 重新生成（或用相同的 --connections）`);
    const r = await k.selectFrom('reports').select('id').where('department_id', '=', u.department_id).where('year', '=', 2025).executeTakeFirstOrThrow();
    writers.push({ department: u.department_id, draft: r.id, prep: `bench-prep-${i}`, head: `bench-head-${i}` });
  }
  const rev = await k.selectFrom('users').select(['section_id', 'bureau_id']).where('username', '=', 'bench-reviewer').executeTakeFirstOrThrow();
  return { bureau: rev.bureau_id!, section: rev.section_id!, writers };
}

// ─── the server under test, in its own process ─────────────────────────────────────────────────

async function serve(kind: string, target: string): Promise<void> {
  let app;
  if (kind === 'bare') {
    app = Fastify();
    app.get('/ok', async () => ({ ok: true }));
  } else {
    const config = loadConfig({}, { databaseUrl: kind === 'postgres' ? target : null, sqliteFile: target, demo: false, webDist: '/nonexistent', logLevel: 'warn' });
    app = await createServer(config);
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
  process.on('message', (m) => {
    if (m === 'stop') void app.close().then(() => process.exit(0));
  });
}

interface Child {
  proc: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

async function startChild(kind: string, target = ''): Promise<Child> {
  const profile = OPTS.profile && kind !== 'bare' ? ['--cpu-prof', `--cpu-prof-dir=${OUT}profiles`] : [];
  const proc = fork(SELF, ['serve', kind, target], { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('message', (m) => resolve((m as { port: number }).port));
    proc.once('exit', (code) => reject(new Error(`服务器进程退出（${code}）`)));
  });
  return {
    proc,
    base: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.send('stop');
    }),
  };
}

async function call(base: string, method: string, path: string, o: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return { res, json: text ? JSON.parse(text) : null };
}

async function login(base: string, username: string): Promise<string> {
  const { res } = await call(base, 'POST', '/api/session', { body: { username, password: PASSWORD } });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

// ─── scenarios ─────────────────────────────────────────────────────────────────────────────────

/** What one connection drives: its own department, draft report, preparer and head. */
interface Writer {
  prep: string;
  head: string;
  reports: string[];
  draft: string;
  version: number;
  status: string;
  saves: number;
  /** what the request in flight does (to read a 409 right), and which report a GET asked for */
  pending: Kind;
  pendingId: string;
  /** versions this connection has seen, for If-None-Match (a UI that keeps what it loaded) */
  known: Map<string, number>;
  conditional: boolean;
  /** the save body around overview.contact, so each save is a real change without re-serialising */
  body: [string, string];
  waivers: Array<{ code: string; path: string; reason: string }>;
}

const PLACEHOLDER = '\u0001contact\u0001';

/** Logs the writers in and puts each draft back into an editable state (earlier scenarios moved them). */
async function prepareWriters(base: string, ids: BenchIds): Promise<Writer[]> {
  return Promise.all(
    ids.writers.slice(0, OPTS.connections).map(async (w) => {
      const prep = await login(base, w.prep);
      const head = await login(base, w.head);
      let view = (await call(base, 'GET', `/api/reports/${w.draft}`, { cookie: prep })).json;
      if (view.status === 'dept_review') {
        await call(base, 'POST', `/api/reports/${w.draft}/transitions`, { cookie: head, body: { action: 'return', reason: '压测：退回重填' } });
        view = (await call(base, 'GET', `/api/reports/${w.draft}`, { cookie: prep })).json;
      }
      const list = (await call(base, 'GET', '/api/reports', { cookie: prep })).json.items as Array<{ id: string }>;
      const report = view.report as Report;
      report.overview.contact = PLACEHOLDER;
      const [before, after] = JSON.stringify({ report }).split(JSON.stringify(PLACEHOLDER)) as [string, string];
      const waivers = (view.findings as Array<{ code: string; path: string; severity: string }>)
        .filter((f) => f.severity === 'error')
        .map((f) => ({ code: f.code, path: f.path, reason: '压测：已核对' }));
      return { prep, head, reports: list.map((r) => r.id), draft: w.draft, version: view.version, status: view.status, saves: 0, pending: 'get' as Kind, pendingId: '', known: new Map<string, number>(), conditional: false, body: [before, after] as [string, string], waivers };
    }),
  );
}

type Kind = 'get' | 'list' | 'save' | 'submit' | 'return';

/** The next request of a writer's connection for a kind of work. */
function request(w: Writer, kind: Kind): autocannon.Request {
  w.pending = kind;
  switch (kind) {
    case 'get': {
      const id = w.reports[Math.floor(Math.random() * w.reports.length)]!;
      const seen = w.conditional ? w.known.get(id) : undefined;
      w.pendingId = id;
      return { method: 'GET', path: `/api/reports/${id}`, headers: { cookie: w.prep, ...(seen ? { 'if-none-match': `"${seen}"` } : {}) } };
    }
    case 'list':
      return { method: 'GET', path: '/api/reports', headers: { cookie: w.prep } };
    case 'save':
      return {
        method: 'PUT', path: `/api/reports/${w.draft}`,
        headers: { cookie: w.prep, 'content-type': 'application/json', 'if-match': `"${w.version}"` },
        body: w.body[0] + JSON.stringify(`压测联系人${++w.saves}`) + w.body[1],
      };
    case 'submit':
      return { method: 'POST', path: `/api/reports/${w.draft}/transitions`, headers: { cookie: w.prep, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'submit', waivers: w.waivers }) };
    case 'return':
      return { method: 'POST', path: `/api/reports/${w.draft}/transitions`, headers: { cookie: w.head, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'return', reason: '压测：退回' }) };
  }
}

/** Keeps the writer's version and status in step with what the server answered. */
function observe(w: Writer, status: number, body: string, headers: Record<string, string | string[]>): void {
  if (w.pending === 'get' && status === 200) w.known.set(w.pendingId, Number(String(headers.etag ?? headers.ETag ?? '').replace(/"/g, '')));
  if (w.pending === 'get' || w.pending === 'list') return; // reads of other reports say nothing about the draft
  if (status === 200) {
    const r = JSON.parse(body) as { version?: number; status?: string };
    if (typeof r.version === 'number' && r.status) {
      w.version = r.version;
      w.status = r.status;
    }
  } else if (status === 412) {
    const cur = (JSON.parse(body) as { current?: { version: number; status: string } }).current;
    if (cur) Object.assign(w, { version: cur.version, status: cur.status });
  } else if (status === 409) {
    // Only this connection writes this report, so a 409 means an answer was lost (a run ended with the
    // request in flight): the report is already where the other step leads.
    if (w.pending === 'return') w.status = 'returned';
    else if (w.pending === 'submit' || w.pending === 'save') w.status = 'dept_review';
  }
}

/** The kind of each next request: a fixed one, the write cycle of a transition, or the mixed workload. */
type Pick = (w: Writer) => Kind;
const editable = (w: Writer) => w.status === 'draft' || w.status === 'returned';
const PICKS: Record<string, Pick> = {
  list: () => 'list',
  get: () => 'get',
  save: () => 'save',
  transition: (w) => (editable(w) ? 'submit' : 'return'),
  // security.md §6.2: mostly reads. 75% reads (45% open a report, 30% the list) and 25% writes: of the
  // write slots 4 in 5 save while the report is editable, 1 in 5 submits, and the next one after a submit is
  // the head's return (≈ 17% saves, ≈ 8% transitions overall).
  mixed: (w) => {
    const r = Math.random();
    if (r < 0.45) return 'get';
    if (r < 0.75) return 'list';
    if (!editable(w)) return 'return';
    return r < 0.95 ? 'save' : 'submit';
  },
};
PICKS['get-304'] = PICKS.get!;
PICKS['mixed-no-etag'] = PICKS.mixed!;
/** Scenarios whose GETs carry If-None-Match for reports the connection has already loaded. */
const CONDITIONAL = new Set(['get-304', 'mixed']);

interface Measured {
  db: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  codes: string;
  load: string;
}

type Setup = (client: autocannon.Client, i: number) => void;

/** Runs a warm-up and then the measured run; `prepare` gives each run fresh per-connection state. */
async function cannon(db: string, scenario: string, base: string, prepare: () => Promise<Setup>, path = '/'): Promise<Measured> {
  const run = async (duration: number) => {
    const setup = await prepare();
    let n = 0;
    return autocannon({ url: base + path, connections: OPTS.connections, duration, setupClient: (c) => setup(c, n++) });
  };
  await run(2); // warm-up: JIT, caches, connection pools
  const before = loadavg()[0]!;
  const r = await run(OPTS.duration);
  const after = loadavg()[0]!;
  const codes = Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => `${code}×${(s as { count: number }).count}`).join(' ');
  // 304 is a success here (a conditional GET answered from the head row); count only 4xx/5xx as failures
  const failed = Object.entries(r.statusCodeStats ?? {}).reduce((n, [code, st]) => n + (Number(code) >= 400 ? (st as { count: number }).count : 0), 0);
  const m: Measured = {
    db, scenario, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: failed, errors: r.errors, codes,
    load: `${before.toFixed(1)}→${after.toFixed(1)}`,
  };
  process.stderr.write(`  ${db} ${scenario}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${codes}, load ${m.load}\n`);
  return m;
}

async function scenarios(db: string, base: string, ids: BenchIds): Promise<Measured[]> {
  const out: Measured[] = [];
  const wanted = (s: string) => OPTS.only.length === 0 || OPTS.only.includes(s);
  for (const name of ['list', 'get', 'get-304', 'save', 'transition', 'mixed', 'mixed-no-etag']) {
    if (!wanted(name)) continue;
    const pick = PICKS[name]!;
    out.push(
      await cannon(db, name, base, async () => {
        const writers = await prepareWriters(base, ids);
        return (client, i) => {
          const w = writers[i % writers.length]!;
          w.conditional = CONDITIONAL.has(name);
          client.setRequests([{
            setupRequest: (req) => Object.assign(req, request(w, pick(w))),
            onResponse: (status, body, _context, headers) => observe(w, status, body, headers as Record<string, string>),
          }]);
        };
      }),
    );
  }
  if (wanted('list-finance')) {
    // 绩效管理科: a page of 500 out of the bureau's ~9,000 visible reports
    const admin = await login(base, 'bench-admin');
    out.push(await cannon(db, 'list-finance', base, async () => (client) => client.setRequests([{ method: 'GET', path: '/api/reports', headers: { cookie: admin } }])));
  }
  return out;
}

// ─── main ──────────────────────────────────────────────────────────────────────────────────────

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

function table(rows: Measured[]): string {
  const head = ['database', 'scenario', 'req/s', 'p50 ms', 'p99 ms', '4xx/5xx', 'socket errors', 'status codes', 'load 1m (before→after)'];
  const lines = rows.map((r) => [r.db, r.scenario, r.rps.toFixed(0), String(r.p50), String(r.p99), String(r.non2xx), String(r.errors), r.codes, r.load]);
  return [head, head.map(() => '---'), ...lines].map((c) => `| ${c.join(' | ')} |`).join('\n');
}

async function main(): Promise<void> {
  // the writers are the first departments of the first bureau, which gets every CITIES.length-th department
  if (OPTS.departments < WRITERS * CITIES.length) throw new Error(`--departments 至少为 ${WRITERS * CITIES.length}（${OPTS.connections} 个连接）`);
  mkdirSync(`${OUT}profiles`, { recursive: true });
  const rows: Measured[] = [];
  const notes: string[] = [];
  process.stderr.write(`机器：${cpus().length} 核 ${cpus()[0]?.model ?? ''}，Node ${process.version}，负载 ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

  if (OPTS.only.length === 0 || OPTS.only.includes('bare')) {
    const bare = await startChild('bare');
    rows.push(await cannon('-', 'bare Fastify {ok:true}', bare.base, async () => (client) => client.setRequests([{ method: 'GET', path: '/ok' }]), '/ok'));
    await bare.stop();
  }

  let ids: BenchIds;
  if (OPTS.reuse && existsSync(SQLITE_FILE)) {
    const db = openSqlite({ file: SQLITE_FILE });
    ids = await loadIds(db);
    await db.destroy();
    notes.push(`SQLite: reused ${SQLITE_FILE} (${mb(statSync(SQLITE_FILE).size)})`);
  } else {
    process.stderr.write(`生成 SQLite 数据：${OPTS.departments.toLocaleString()} 个部门 × ${OPTS.perDepartment} 份报告…\n`);
    const g = await generateSqlite();
    ids = g.ids;
    notes.push(`SQLite: generated ${g.departments.toLocaleString()} departments, ${g.reports.toLocaleString()} reports (+ one version row each) in ${g.seconds.toFixed(0)} s; file ${mb(g.bytes)}`);
  }
  process.stderr.write(`${notes.at(-1)}\n`);
  const sqlite = await startChild('sqlite', SQLITE_FILE);
  try {
    rows.push(...(await scenarios('SQLite', sqlite.base, ids)));
  } finally {
    await sqlite.stop();
  }

  const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (OPTS.pg && pgUrl) {
    let g: Generated & { url: string };
    const benchUrl = new URL(pgUrl);
    benchUrl.pathname = '/jixiao_bench';
    const existing = OPTS.reuse ? await openPostgresIfFilled(benchUrl.toString()) : null;
    if (existing) {
      g = { ids: await loadIds(existing), url: benchUrl.toString(), seconds: 0, bytes: 0, departments: 0, reports: 0 };
      await existing.destroy();
      notes.push('PostgreSQL: reused database jixiao_bench');
    } else {
      process.stderr.write('生成 PostgreSQL 数据（数据库 jixiao_bench）…\n');
      g = await generatePostgres(pgUrl);
      notes.push(`PostgreSQL: generated ${g.departments.toLocaleString()} departments, ${g.reports.toLocaleString()} reports in ${g.seconds.toFixed(0)} s; database ${mb(g.bytes)}`);
    }
    process.stderr.write(`${notes.at(-1)}\n`);
    const server = await startChild('postgres', g.url);
    try {
      rows.push(...(await scenarios('PostgreSQL', server.base, g.ids)));
    } finally {
      await server.stop();
    }
  } else if (OPTS.pg) notes.push('PostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL; see test/pg/pg-up.sh)');

  const mixed = rows.find((r) => r.db === 'SQLite' && r.scenario === 'mixed');
  process.stdout.write(`\n${table(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
  process.stdout.write(`- ${OPTS.connections} connections, ${OPTS.duration} s per scenario after a 2 s warm-up; ${cpus().length} cores; Node ${process.version}\n`);
  if (mixed) process.stdout.write(`- target (SQLite mixed ≥ 2,000 req/s, p99 < 100 ms): ${mixed.rps >= 2000 && mixed.p99 < 100 ? 'met' : 'NOT met'} on this run\n`);
}

async function openPostgresIfFilled(url: string): Promise<Db | null> {
  const db = openPostgres({ url, max: 2 });
  try {
    await db.kysely.selectFrom('users').select('id').where('username', '=', 'bench-prep-0').executeTakeFirstOrThrow();
    return db;
  } catch {
    await db.destroy();
    return null;
  }
}

if (process.argv[2] === 'serve') await serve(process.argv[3]!, process.argv[4] ?? '');
else await main();
