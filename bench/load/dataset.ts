// The province-sized data set of bench/server-load.ts: departments in 15 bureaus, ten years of reports
// each (the seed report with varied names, 预算编码, years, statuses and scores), one version row per
// report as the server writes it (migration 0040: the document lives in the report row only), and for
// the first departments of the first bureau a preparer and a head who drive the write scenarios.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { emptyReport, type Report } from '../../src/core/model/report';
import { appendAudit } from '../../src/server/audit/chain';
import { argon2Hasher } from '../../src/server/auth/password';
import { loadConfig } from '../../src/server/config';
import { loadCryptoProvider } from '../../src/server/crypto/keys';
import { openPostgres, openSqlite } from '../../src/server/db/connect';
import { migrate } from '../../src/server/db/migrate';
import type { Db } from '../../src/server/db/schema';
import { seedReport } from '../../test/helpers/seed';

/** The audit chain keyed as the bench server keys it (the default data folder's keys, made once). */
const auditWriter = (dialect: 'sqlite' | 'postgres') => ({ dialect, crypto: loadCryptoProvider(loadConfig({}), { create: true }) });

export const PASSWORD = 'Bench-load-2026';

export interface Size {
  departments: number;
  perDepartment: number;
  /** departments whose preparer and head drive the write scenarios (one per connection) */
  writers: number;
}

export const CITIES = ['省本级', '长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西州'];
const COUNTERPARTS = ['行政政法科', '教科文科', '经济建设科', '农业农村科', '社会保障科', '资源环境科', '国防科', '金融科'];
const KINDS = ['教育局', '公安局', '民政局', '司法局', '人社局', '自然资源局', '生态环境局', '住建局', '交通运输局', '水利局', '农业农村局', '商务局', '文旅局', '卫健委', '应急管理局', '审计局', '市场监管局', '体育局', '统计局', '医保局', '林业局', '城管局', '党群工作部', '党政办公室', '经济发展局'];
const UNITS = ['机关', '事务中心', '第一中学', '第二中学', '实验小学', '服务站', '监测站', '研究所', '执法大队', '档案馆'];
const GRADES: Array<[number, string]> = [[90, '优'], [80, '良'], [60, '中'], [0, '差']];

export interface BenchIds {
  bureau: string;
  section: string;
  writers: Array<{ department: string; draft: string; prep: string; head: string }>;
}

export interface Generated {
  ids: BenchIds;
  seconds: number;
  bytes: number;
  departments: number;
  reports: number;
}

/** Status of a department's report for a year: old years are done, the current one is in flight. */
function statusFor(year: number, n: number): string {
  const r = n % 20;
  if (year <= 2023) return r < 12 ? 'published' : 'accepted';
  if (year === 2024) return ['accepted', 'accepted', 'published', 'finance_review', 'submitted', 'returned'][r % 6]!;
  return ['draft', 'draft', 'dept_review', 'submitted', 'finance_review', 'returned', 'draft', 'submitted'][r % 8]!;
}

type Row = { report: Record<string, unknown>; version: Record<string, unknown> };
type Org = Awaited<ReturnType<typeof orgRows>>;

/** Everything to insert, generated lazily department by department. */
function* dataset(size: Size, seed: Report, at: string, org: Org): Generator<{ department: Record<string, unknown>; rows: Row[] }> {
  const years = Array.from({ length: size.perDepartment }, (_, i) => 2025 - i);
  const by = org.users.get('bench-admin')!;
  for (let i = 0; i < size.departments; i++) {
    const b = i % CITIES.length;
    const k = Math.floor(i / CITIES.length);
    const isHead = k % 10 === 0;
    const kind = KINDS[Math.floor(k / 10) % KINDS.length]!;
    const name = `${CITIES[b]}${kind}${isHead ? '' : UNITS[k % 10]}${k >= 250 ? Math.floor(k / 250) : ''}`;
    const code = `${String(b + 10)}${String(k).padStart(4, '0')}`;
    const writer = b === 0 && k < size.writers ? org.ids.writers[k] : undefined;
    const id = writer?.department ?? randomUUID();
    const department = { id, bureau_id: org.bureauIds[b], name, budget_code: code, parent_id: null, section_id: org.sections[b]![k % COUNTERPARTS.length], created_at: at };
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
      rows.push({
        report: {
          id: rid, bureau_id: org.bureauIds[b], department_id: id, department_name: name, year, kind: 'overall', template_id: report.templateId,
          status, version, document: JSON.stringify(report), self_score: score, grade, finance_since: status === 'draft' || status === 'dept_review' ? null : at,
          import_meta: null, created_by: by, created_at: at, updated_by: by, updated_at: at,
        },
        // the newest version's content is the report row's document
        version: { report_id: rid, version, status, action: version === 1 ? 'create' : 'save', document: null, delta: null, user_id: by, created_at: at },
      });
    }
    yield { department, rows };
  }
}

async function orgRows(size: Size, at: string) {
  const bureauIds = CITIES.map(() => randomUUID());
  const sections = CITIES.map(() => COUNTERPARTS.map(() => randomUUID()));
  const perf = CITIES.map(() => randomUUID());
  const bureaus = CITIES.map((c, i) => ({ id: bureauIds[i], name: c === '省本级' ? '湖南省财政厅（压测）' : `${c}财政局（压测）`, region: c, created_at: at }));
  const sectionRows = CITIES.flatMap((_, b) => [
    ...COUNTERPARTS.map((name, s) => ({ id: sections[b]![s], bureau_id: bureauIds[b], name, kind: 'counterpart', created_at: at })),
    { id: perf[b], bureau_id: bureauIds[b], name: '绩效管理科', kind: 'performance', created_at: at },
  ]);
  const hash = await argon2Hasher(loadConfig({}).argon2).hash(PASSWORD);
  const users = new Map<string, string>();
  const userRows: Record<string, unknown>[] = [];
  const roles: Record<string, unknown>[] = [];
  const ids: BenchIds = { bureau: bureauIds[0]!, section: sections[0]![0]!, writers: [] };
  const addUser = (username: string, role: string, where: { department?: string; section?: string }) => {
    const id = randomUUID();
    users.set(username, id);
    userRows.push({
      id, username, display_name: username, kind: 'business', password_hash: hash, bureau_id: bureauIds[0], department_id: where.department ?? null,
      section_id: where.section ?? null, disabled: 0, failed_count: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at,
    });
    roles.push({ user_id: id, user_kind: 'business', role });
  };
  // department k of bureau 0 is the k-th department generated for it (i = k * CITIES.length)
  for (let k = 0; k < size.writers; k++) {
    const w = { department: randomUUID(), draft: randomUUID(), prep: `bench-prep-${k}`, head: `bench-head-${k}` };
    addUser(w.prep, 'preparer', { department: w.department });
    addUser(w.head, 'head', { department: w.department });
    ids.writers.push(w);
  }
  addUser('bench-reviewer', 'reviewer', { section: sections[0]![0] });
  addUser('bench-admin', 'perf_admin', { section: perf[0] });
  return { bureaus, sectionRows, userRows, roles, ids, bureauIds, sections, users };
}

function progress(what: string, reports: number, step: number): void {
  if (reports % 20_000 < step) process.stderr.write(`  ${what}: ${reports.toLocaleString()} 份报告已写入…\n`);
}

/** Fills a fresh SQLite file through better-sqlite3 prepared statements, 500 departments per transaction. */
export async function generateSqlite(file: string, size: Size): Promise<Generated> {
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  const t0 = performance.now();
  const db = openSqlite({ file });
  await migrate(db);
  await db.destroy();
  const at = new Date().toISOString();
  const org = await orgRows(size, at);
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  const stmts = new Map<string, BetterSqlite3.Statement>();
  const put = (table: string, row: Record<string, unknown>) => {
    let s = stmts.get(table);
    const cols = Object.keys(row);
    if (!s) stmts.set(table, (s = raw.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map((c) => `@${c}`).join(',')})`)));
    s.run(row);
  };
  raw.transaction(() => {
    for (const r of org.bureaus) put('bureaus', r);
    for (const r of org.sectionRows) put('sections', r);
  })();
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
  for (const d of dataset(size, seedReport(), at, org)) {
    batch.push(d);
    if (batch.length === 500) {
      flush();
      batch = [];
      progress('SQLite', reports, size.perDepartment * 500);
    }
  }
  flush();
  // users last: they point at their departments
  raw.transaction(() => {
    for (const r of org.userRows) put('users', r);
    for (const r of org.roles) put('user_roles', r);
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  const kdb = openSqlite({ file });
  await kdb.kysely.transaction().execute((trx) => appendAudit(trx, auditWriter('sqlite'), at, { event: 'bench_generate', actorUsername: 'bench', detail: { departments: size.departments, reports } }));
  await kdb.destroy();
  const bytes = ['', '-wal'].reduce((sum, s) => sum + (existsSync(file + s) ? statSync(file + s).size : 0), 0);
  return { ids: org.ids, seconds: (performance.now() - t0) / 1000, bytes, departments: size.departments, reports };
}

/** A fresh database `jixiao_bench` next to the given one; multi-row INSERTs, two batches in flight. */
export async function generatePostgres(baseUrl: string, size: Size): Promise<Generated & { url: string }> {
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
  const org = await orgRows(size, at);
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
    await insertMany(c, 'sections', org.sectionRows);
  });
  let reports = 0;
  let batch: Array<{ department: Record<string, unknown>; rows: Row[] }> = [];
  const inFlight = new Set<Promise<void>>();
  const send = (b: typeof batch) =>
    inTx(async (c) => {
      await insertMany(c, 'departments', b.map((d) => d.department));
      const rows = b.flatMap((d) => d.rows);
      for (let i = 0; i < rows.length; i += 200) {
        await insertMany(c, 'reports', rows.slice(i, i + 200).map((r) => r.report));
        await insertMany(c, 'report_versions', rows.slice(i, i + 200).map((r) => r.version));
      }
    });
  for (const d of dataset(size, seedReport(), at, org)) {
    batch.push(d);
    reports += d.rows.length;
    if (batch.length === 250) {
      const p = send(batch).finally(() => inFlight.delete(p));
      inFlight.add(p);
      batch = [];
      if (inFlight.size >= 2) await Promise.race(inFlight);
      progress('PostgreSQL', reports, size.perDepartment * 250);
    }
  }
  await send(batch);
  await Promise.all(inFlight);
  await inTx(async (c) => {
    await insertMany(c, 'users', org.userRows);
    await insertMany(c, 'user_roles', org.roles);
  });
  await pool.end();
  await db.kysely.transaction().execute((trx) => appendAudit(trx, auditWriter('postgres'), at, { event: 'bench_generate', actorUsername: 'bench', detail: { departments: size.departments, reports } }));
  const raw = new pg.Client({ connectionString: url.toString() });
  await raw.connect();
  await raw.query('analyze');
  const sizeRow = await raw.query<{ n: string }>('select pg_database_size(current_database()) as n');
  await raw.end();
  await db.destroy();
  return { ids: org.ids, url: url.toString(), seconds: (performance.now() - t0) / 1000, bytes: Number(sizeRow.rows[0]!.n), departments: size.departments, reports };
}

/** The writer departments of an existing data set (--reuse), found by their users. */
export async function loadIds(db: Db, writers: number): Promise<BenchIds> {
  const k = db.kysely;
  const out: BenchIds['writers'] = [];
  for (let i = 0; i < writers; i++) {
    const u = await k.selectFrom('users').select(['department_id']).where('username', '=', `bench-prep-${i}`).executeTakeFirst();
    if (!u?.department_id) throw new Error(`现有数据中没有 bench-prep-${i}：请去掉 --reuse 重新生成（或用相同的 --connections）`);
    const r = await k.selectFrom('reports').select('id').where('department_id', '=', u.department_id).where('year', '=', 2025).executeTakeFirstOrThrow();
    out.push({ department: u.department_id, draft: r.id, prep: `bench-prep-${i}`, head: `bench-head-${i}` });
  }
  const rev = await k.selectFrom('users').select(['section_id', 'bureau_id']).where('username', '=', 'bench-reviewer').executeTakeFirstOrThrow();
  return { bureau: rev.bureau_id!, section: rev.section_id!, writers: out };
}

/** The bench database on PostgreSQL if it was generated before (--reuse). */
export async function openPostgresIfFilled(url: string): Promise<Db | null> {
  const db = openPostgres({ url, max: 2 });
  try {
    await db.kysely.selectFrom('users').select('id').where('username', '=', 'bench-prep-0').executeTakeFirstOrThrow();
    return db;
  } catch {
    await db.destroy();
    return null;
  }
}
