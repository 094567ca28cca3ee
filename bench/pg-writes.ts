// Benchmark (not a test; issue 12 point 3): audited writes per second on PostgreSQL with one app instance
// and with two, sharing nothing but the database. Every save is an audited write — the report, its
// version row and an audit-chain row in one transaction — so this measures what the audit chain's write
// path lets several instances do together. Each connection saves its own department's draft (no
// conflicts between connections); with two instances half the connections go to each.
//
//   TEST_DATABASE_URL=… npx tsx bench/pg-writes.ts [--connections 16] [--duration 10] [--runs 3] [--departments 64]
//
// It works through the HTTP API only, so it measures whatever audit implementation the server has. The
// database is created fresh (jixiao_bench_writes); its fsync and synchronous_commit settings are printed
// (the throwaway test cluster of test/pg/pg-up.sh runs with fsync off, a real server would not).
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { emptyReport } from '../src/core/model/report';
import { argon2Hasher } from '../src/server/auth/password';
import { loadConfig } from '../src/server/config';
import { openPostgres } from '../src/server/db/connect';
import { migrate } from '../src/server/db/migrate';
import { PASSWORD } from './load/dataset';
import { login } from './load/scenarios';
import { startChild, type Child } from './load/server';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const OPTS = { connections: Number(arg('connections', '16')), duration: Number(arg('duration', '10')), runs: Number(arg('runs', '3')), departments: Number(arg('departments', '64')) };

async function freshDatabase(baseUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query('drop database if exists jixiao_bench_writes with (force)');
  await admin.query('create database jixiao_bench_writes');
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = '/jixiao_bench_writes';
  return url.toString();
}

/** One bureau, `departments` departments, each with a preparer and a blank 2025 draft. */
async function seed(url: string): Promise<Array<{ user: string; report: string }>> {
  const db = openPostgres({ url, max: 2 });
  await migrate(db);
  const at = new Date().toISOString();
  const hash = await argon2Hasher(loadConfig({}).argon2).hash(PASSWORD);
  const k = db.kysely;
  await k.insertInto('bureaus').values({ id: 'b', name: '压测财政局', region: '', created_at: at }).execute();
  const out: Array<{ user: string; report: string }> = [];
  for (let i = 0; i < OPTS.departments; i++) {
    const d = `d${i}`;
    const report = randomUUID();
    await k.insertInto('departments').values({ id: d, bureau_id: 'b', name: `部门${i}`, budget_code: String(100000 + i), parent_id: null, section_id: null, created_at: at }).execute();
    await k.insertInto('users').values({ id: `u${i}`, username: `writer-${i}`, display_name: `填报人${i}`, kind: 'business', password_hash: hash, bureau_id: 'b', department_id: d, section_id: null, disabled: 0, failed_count: 0, locked_until: null, password_changed_at: at, created_at: at, updated_at: at }).execute();
    await k.insertInto('user_roles').values({ user_id: `u${i}`, user_kind: 'business', role: 'preparer' }).execute();
    const doc = emptyReport();
    doc.year = 2025;
    await k.insertInto('reports').values({ id: report, bureau_id: 'b', department_id: d, department_name: `部门${i}`, year: 2025, kind: 'overall', template_id: doc.templateId, status: 'draft', version: 1, document: JSON.stringify(doc), self_score: null, grade: '', finance_since: null, import_meta: null, created_by: `u${i}`, created_at: at, updated_by: `u${i}`, updated_at: at }).execute();
    await k.insertInto('report_versions').values({ report_id: report, version: 1, status: 'draft', action: 'create', document: null, delta: null, user_id: `u${i}`, created_at: at }).execute();
    out.push({ user: `writer-${i}`, report });
  }
  await db.destroy();
  return out;
}

/**
 * How many server sessions wait for a lock right now, by kind (advisory: the audit chain's global lock
 * before issue 13; tuple/transactionid: row locks). Sampled during a run, it shows whether writes queue on
 * a lock or on CPU.
 */
async function lockWaits(client: pg.Client): Promise<Record<string, number>> {
  const r = await client.query<{ w: string; n: string }>("select wait_event as w, count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database() group by wait_event");
  return Object.fromEntries(r.rows.map((x) => [x.w, Number(x.n)]));
}

/** Each connection saves its own draft again and again, carrying the version from each answer. */
async function saveLoad(base: string, writers: Array<{ user: string; report: string }>, duration: number) {
  const sessions = await Promise.all(writers.map(async (w) => {
    const cookie = await login(base, w.user);
    const view = await (await fetch(`${base}/api/reports/${w.report}`, { headers: { cookie } })).json() as { version: number; report: ReturnType<typeof emptyReport> };
    return { id: w.report, cookie, version: view.version, doc: view.report, n: 0 };
  }));
  let i = 0;
  return autocannon({
    url: base, connections: sessions.length, duration,
    setupClient: (client) => {
      const s = sessions[i++ % sessions.length]!;
      client.setRequests([{
        setupRequest: (req) => {
          s.doc.overview.contact = `压测${++s.n}`;
          return Object.assign(req, { method: 'PUT', path: `/api/reports/${s.id}`, headers: { cookie: s.cookie, 'content-type': 'application/json', 'if-match': `"${s.version}"` }, body: JSON.stringify({ report: s.doc }) });
        },
        onResponse: (status, body) => {
          if (status === 200) s.version = (JSON.parse(body) as { version: number }).version;
          else if (status === 412) s.version = (JSON.parse(body) as { current: { version: number } }).current.version;
        },
      }]);
    },
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const mmm = (xs: number[]) => `${Math.min(...xs).toFixed(0)} / **${median(xs).toFixed(0)}** / ${Math.max(...xs).toFixed(0)}`;

async function main(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!base) throw new Error('请设置 TEST_DATABASE_URL（见 test/pg/pg-up.sh）');
  const url = await freshDatabase(base);
  const writers = await seed(url);
  const settings = new pg.Client({ connectionString: url });
  await settings.connect();
  const fsync = (await settings.query('show fsync')).rows[0].fsync;
  const sync = (await settings.query('show synchronous_commit')).rows[0].synchronous_commit;
  await settings.end();
  process.stderr.write(`PostgreSQL fsync=${fsync} synchronous_commit=${sync}; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}\n`);
  const rows: string[] = [];
  for (const count of [1, 2]) {
    const instances: Child[] = await Promise.all(Array.from({ length: count }, () => startChild('postgres', url, 1)));
    const perInstance = Math.floor(OPTS.connections / count);
    const rates: number[] = [];
    const p99s: number[] = [];
    const waiting: string[] = [];
    try {
      for (let run = 0; run < OPTS.runs + 1; run++) {
        const waits: Record<string, number> = {};
        let samples = 0;
        const watcher = new pg.Client({ connectionString: url });
        await watcher.connect();
        const timer = setInterval(() => void lockWaits(watcher).then((w) => {
          samples++;
          for (const [k, v] of Object.entries(w)) waits[k] = (waits[k] ?? 0) + v;
        }), 100);
        const slices = instances.map((c, j) => saveLoad(c.base, writers.slice(j * perInstance, (j + 1) * perInstance), run === 0 ? 2 : OPTS.duration));
        const results = await Promise.all(slices);
        clearInterval(timer);
        await watcher.end();
        if (run === 0) continue; // warm-up
        waiting.push(Object.entries(waits).map(([k, v]) => `${k} ${(v / Math.max(1, samples)).toFixed(1)}`).join(', ') || 'none');
        const ok = results.reduce((n, r) => n + (r.statusCodeStats?.['200']?.count ?? 0), 0);
        rates.push(ok / OPTS.duration);
        p99s.push(Math.max(...results.map((r) => r.latency.p99)));
        process.stderr.write(`  ${count} instance(s) run ${run}: ${(ok / OPTS.duration).toFixed(0)} audited saves/s, p99 ${p99s.at(-1)} ms, sessions waiting on locks (mean): ${waiting.at(-1)}, load ${loadavg()[0]!.toFixed(1)}\n`);
      }
    } finally {
      await Promise.all(instances.map((c) => c.stop()));
    }
    rows.push(`| ${count} | ${OPTS.connections} | ${mmm(rates)} | ${mmm(p99s)} | ${waiting.join('; ')} |`);
  }
  process.stdout.write(`\n| instances | connections | audited saves/s (min / median / max) | p99 ms | sessions waiting on a lock, mean per run |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n\n- PostgreSQL fsync=${fsync}, synchronous_commit=${sync}; ${OPTS.runs} runs of ${OPTS.duration} s after a 2 s warm-up; ${cpus().length} cores, Node ${process.version}\n`);
}

await main();
