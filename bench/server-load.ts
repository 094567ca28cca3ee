// Benchmark (not a test; issue 12 point 2): a province on one 2-core server. A province-sized data set —
// 20,000 departments × 10 years = 200,000 reports (load/dataset.ts) — in a fresh SQLite file and, when
// TEST_DATABASE_URL or DATABASE_URL is set, a fresh PostgreSQL database; then the real server, started as
// `npm start` starts it (startServer: a primary and JIXIAO_PROCESSES worker processes), in its own process
// tree so the load generator does not share its event loop, under autocannon (load/scenarios.ts): list,
// get, get-304, save, transition, mixed (45% open, 30% list, 25% writes) with and without If-None-Match,
// finance lists paged with the cursor, and a bare Fastify route beside them. Each scenario runs --runs
// times; the table gives min / median / max of req/s, p50 and p99, the peak RSS of the server's
// processes and the load average (the machine is shared). Targets: mixed ≥ 2,000 req/s with p99 < 100 ms,
// a finance section's filtered, paged list p99 < 50 ms.
//
//   npx tsx bench/server-load.ts [--departments 20000] [--reports-per-department 10] [--duration 10]
//     [--connections 20] [--runs 3] [--processes 2] [--reuse] [--no-pg] [--only list,mixed,…] [--profile]
//
// Generated data stays in bench/out/ (gitignored); --profile writes V8 CPU profiles of the server processes.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openSqlite } from '../src/server/db/connect';
import { CITIES, generatePostgres, generateSqlite, loadIds, openPostgresIfFilled, type BenchIds } from './load/dataset';
import { cannon, SCENARIOS, setupFor, type Measured } from './load/scenarios';
import { startChild, type Child } from './load/server';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const SQLITE_FILE = `${OUT}server-load.sqlite`;
const PROFILES_DIR = `${OUT}profiles`;

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
  runs: Number(arg('runs', '3')),
  workers: Number(arg('processes', String(availableParallelism()))),
  reuse: flag('reuse'),
  pg: !flag('no-pg'),
  only: arg('only', '').split(',').filter(Boolean),
  profile: flag('profile'),
};
const PROFILES = OPTS.profile ? PROFILES_DIR : undefined;
const SIZE = { departments: OPTS.departments, perDepartment: OPTS.perDepartment, writers: Math.max(OPTS.connections, 8) };

// ─── runs and the table ────────────────────────────────────────────────────────────────────────

interface Row {
  db: string;
  scenario: string;
  runs: Measured[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const mmm = (xs: number[], digits = 0) => {
  const f = (x: number) => x.toFixed(digits);
  return xs.length === 1 ? f(xs[0]!) : `${f(Math.min(...xs))} / **${f(median(xs))}** / ${f(Math.max(...xs))}`;
};

async function measure(db: string, scenario: string, run: () => Promise<Measured>): Promise<Row> {
  const row: Row = { db, scenario, runs: [] };
  for (let i = 0; i < OPTS.runs; i++) {
    const m = await run();
    row.runs.push(m);
    process.stderr.write(`  ${db} ${scenario} #${i + 1}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.codes}, server CPU ${m.cpuMs.toFixed(2)} ms/req (load generator ${m.clientCpuMs.toFixed(2)}), RSS ${m.rssMb.toFixed(0)} MB, load ${m.load.toFixed(1)}\n`);
  }
  return row;
}

async function scenarios(db: string, child: Child, ids: BenchIds): Promise<Row[]> {
  const out: Row[] = [];
  for (const name of SCENARIOS) {
    if (OPTS.only.length > 0 && !OPTS.only.includes(name)) continue;
    out.push(await measure(db, name, () => cannon({
      base: child.base, connections: OPTS.connections, duration: OPTS.duration, serverPid: child.pid,
      prepare: () => setupFor(name, child.base, ids, OPTS.connections),
    })));
  }
  return out;
}

function table(rows: Row[]): string {
  const head = ['database', 'scenario', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'peak RSS MB', '4xx/5xx', 'load 1m'];
  const lines = rows.map((r) => [
    r.db, r.scenario, mmm(r.runs.map((m) => m.rps)), mmm(r.runs.map((m) => m.p50)), mmm(r.runs.map((m) => m.p99)), mmm(r.runs.map((m) => m.cpuMs), 2),
    mmm(r.runs.map((m) => m.rssMb)), String(r.runs.reduce((n, m) => n + m.failed + m.errors, 0)), mmm(r.runs.map((m) => m.load), 1),
  ]);
  return [head, head.map(() => '---'), ...lines].map((c) => `| ${c.join(' | ')} |`).join('\n');
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  // the writers are the first departments of the first bureau, which gets every CITIES.length-th department
  if (OPTS.departments < SIZE.writers * CITIES.length) throw new Error(`--departments 至少为 ${SIZE.writers * CITIES.length}（${OPTS.connections} 个连接）`);
  mkdirSync(PROFILES_DIR, { recursive: true });
  const rows: Row[] = [];
  const notes: string[] = [];
  process.stderr.write(`机器：${cpus().length} 核 ${cpus()[0]?.model ?? ''}，Node ${process.version}，负载 ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

  if (OPTS.only.length === 0 || OPTS.only.includes('bare')) {
    const bare = await startChild('bare', '', 1);
    rows.push(await measure('-', 'bare Fastify {ok:true}, 1 process', () => cannon({ base: bare.base, path: '/ok', connections: OPTS.connections, duration: OPTS.duration, serverPid: bare.pid, prepare: async () => (client) => client.setRequests([{ method: 'GET', path: '/ok' }]) })));
    await bare.stop();
  }

  let ids: BenchIds;
  if (OPTS.reuse && existsSync(SQLITE_FILE)) {
    const db = openSqlite({ file: SQLITE_FILE });
    ids = await loadIds(db, SIZE.writers);
    await db.destroy();
    notes.push(`SQLite: reused ${SQLITE_FILE} (${mb(statSync(SQLITE_FILE).size)})`);
  } else {
    process.stderr.write(`生成 SQLite 数据：${OPTS.departments.toLocaleString()} 个部门 × ${OPTS.perDepartment} 份报告…\n`);
    const g = await generateSqlite(SQLITE_FILE, SIZE);
    ids = g.ids;
    notes.push(`SQLite: generated ${g.departments.toLocaleString()} departments, ${g.reports.toLocaleString()} reports (one version row each) in ${g.seconds.toFixed(0)} s; file ${mb(g.bytes)}`);
  }
  process.stderr.write(`${notes.at(-1)}\n`);
  const sqlite = await startChild('sqlite', SQLITE_FILE, OPTS.workers, PROFILES);
  try {
    rows.push(...(await scenarios(`SQLite, ${OPTS.workers} proc`, sqlite, ids)));
  } finally {
    await sqlite.stop();
  }

  const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (OPTS.pg && pgUrl) {
    const benchUrl = new URL(pgUrl);
    benchUrl.pathname = '/jixiao_bench';
    const existing = OPTS.reuse ? await openPostgresIfFilled(benchUrl.toString()) : null;
    let pgIds: BenchIds;
    if (existing) {
      pgIds = await loadIds(existing, SIZE.writers);
      await existing.destroy();
      notes.push('PostgreSQL: reused database jixiao_bench');
    } else {
      process.stderr.write('生成 PostgreSQL 数据（数据库 jixiao_bench）…\n');
      const g = await generatePostgres(pgUrl, SIZE);
      pgIds = g.ids;
      notes.push(`PostgreSQL: generated ${g.departments.toLocaleString()} departments, ${g.reports.toLocaleString()} reports in ${g.seconds.toFixed(0)} s; database ${mb(g.bytes)}`);
    }
    process.stderr.write(`${notes.at(-1)}\n`);
    const server = await startChild('postgres', benchUrl.toString(), OPTS.workers, PROFILES);
    try {
      rows.push(...(await scenarios(`PostgreSQL, ${OPTS.workers} proc`, server, pgIds)));
    } finally {
      await server.stop();
    }
  } else if (OPTS.pg) notes.push('PostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL; see test/pg/pg-up.sh)');

  process.stdout.write(`\n${table(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
  process.stdout.write(`- ${OPTS.connections} connections, ${OPTS.duration} s per run after a 2 s warm-up, ${OPTS.runs} run(s) per scenario (min / **median** / max); ${OPTS.workers} server process(es); ${cpus().length} cores; Node ${process.version}\n`);
  const mixed = rows.find((r) => r.db.startsWith('SQLite') && r.scenario === 'mixed');
  if (mixed) {
    const rps = median(mixed.runs.map((m) => m.rps));
    const p99 = median(mixed.runs.map((m) => m.p99));
    process.stdout.write(`- target (SQLite mixed ≥ 2,000 req/s, p99 < 100 ms): ${rps >= 2000 && p99 < 100 ? 'met' : 'NOT met'} by the median run\n`);
  }
  for (const name of ['list-section', 'list-finance']) {
    const r = rows.find((x) => x.db.startsWith('SQLite') && x.scenario === name);
    if (r) process.stdout.write(`- target (${name} p99 < 50 ms): ${median(r.runs.map((m) => m.p99)) < 50 ? 'met' : 'NOT met'} by the median run\n`);
  }
}

await main();
