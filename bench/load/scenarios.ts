// What the connections of bench/server-load.ts send: each connection is one department's preparer (and
// its head) working on its own draft and reading its own reports, or a finance user paging a list.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { Report } from '../../src/core/model/report';
import { PASSWORD, type BenchIds } from './dataset';

async function call(base: string, method: string, path: string, o: { cookie?: string; body?: unknown } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return { res, json: text ? JSON.parse(text) : null };
}

export async function login(base: string, username: string): Promise<string> {
  const { res } = await call(base, 'POST', '/api/session', { body: { username, password: PASSWORD } });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

type Kind = 'get' | 'list' | 'save' | 'submit' | 'return';

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
async function prepareWriters(base: string, ids: BenchIds, connections: number): Promise<Writer[]> {
  return Promise.all(
    ids.writers.slice(0, connections).map(async (w) => {
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

type Pick = (w: Writer) => Kind;
const editable = (w: Writer) => w.status === 'draft' || w.status === 'returned';
const PICKS: Record<string, Pick> = {
  list: () => 'list',
  get: () => 'get',
  'get-304': () => 'get',
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
PICKS['mixed-no-etag'] = PICKS.mixed!;
/** Scenarios whose GETs carry If-None-Match for reports the connection has already loaded. */
const CONDITIONAL = new Set(['get-304', 'mixed']);

/**
 * Finance lists: a user pages through a filtered list with the cursor, page after page, and starts
 * again at the end (as a reviewer working down 待审核 does). `list-finance-500` is the unfiltered first
 * page of 500 the UI used to load.
 */
const LISTS: Record<string, { user: string; query: string; walk: boolean }> = {
  'list-section': { user: 'bench-reviewer', query: 'status=accepted&limit=50', walk: true },
  'list-finance': { user: 'bench-admin', query: 'year=2024&status=accepted&limit=50', walk: true },
  'list-finance-500': { user: 'bench-admin', query: 'limit=500', walk: false },
};

export const SCENARIOS = ['list', 'get', 'get-304', 'save', 'transition', 'mixed', 'mixed-no-etag', ...Object.keys(LISTS)];

export type Setup = (client: autocannon.Client, i: number) => void;

/** Per-connection state for one run of a scenario. */
export async function setupFor(scenario: string, base: string, ids: BenchIds, connections: number): Promise<Setup> {
  const list = LISTS[scenario];
  if (list) {
    const cookie = await login(base, list.user);
    return (client) => {
      let after: string | null = null;
      client.setRequests([{
        setupRequest: (req) => Object.assign(req, { method: 'GET', path: `/api/reports?${list.query}${after ? `&after=${after}` : ''}`, headers: { cookie } }),
        onResponse: (status, body) => {
          if (list.walk && status === 200) after = (JSON.parse(body) as { next: string | null }).next;
        },
      }]);
    };
  }
  const pick = PICKS[scenario]!;
  const writers = await prepareWriters(base, ids, connections);
  return (client, i) => {
    const w = writers[i % writers.length]!;
    w.conditional = CONDITIONAL.has(scenario);
    client.setRequests([{
      setupRequest: (req) => Object.assign(req, request(w, pick(w))),
      onResponse: (status, body, _context, headers) => observe(w, status, body, headers as Record<string, string>),
    }]);
  };
}

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  errors: number;
  codes: string;
  /** peak resident memory of the server's processes during the run, MB */
  rssMb: number;
  /** CPU time the server's processes spent per request (ms): capacity ≈ cores ÷ this, whatever else runs */
  cpuMs: number;
  /** CPU time of the load generator itself per request (ms): it shares the machine */
  clientCpuMs: number;
  load: number;
}

const tree = (pid: number, field: 'rss' | 'pid') => {
  try {
    return execFileSync('ps', ['-o', `${field}=`, '-p', String(pid), '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
  } catch {
    return [];
  }
};

/** Resident memory of a process and its children (the cluster workers), MB. */
const treeRssMb = (pid: number) => tree(pid, 'rss').reduce((a, b) => a + b, 0) / 1024;

/** User + system CPU of each process of the tree, ms (from /proc: clock ticks of 10 ms). */
function treeCpuMs(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of tree(pid, 'pid')) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(p, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // the process just ended
    }
  }
  return out;
}

/** A 2 s warm-up, then the measured run; `prepare` gives each run fresh per-connection state. */
export async function cannon(o: { base: string; path?: string; prepare: () => Promise<Setup>; connections: number; duration: number; serverPid?: number }): Promise<Measured> {
  const run = (setup: Setup, duration: number) => {
    let n = 0;
    return autocannon({ url: o.base + (o.path ?? '/'), connections: o.connections, duration, setupClient: (c) => setup(c, n++) });
  };
  await run(await o.prepare(), 2); // warm-up: JIT, caches, connection pools
  // logins (argon2) and the other per-run preparation happen before the measured window
  const setup = await o.prepare();
  let peak = 0;
  const sampler = o.serverPid ? setInterval(() => (peak = Math.max(peak, treeRssMb(o.serverPid!))), 1000) : null;
  const before = loadavg()[0]!;
  const cpu0 = o.serverPid ? treeCpuMs(o.serverPid) : new Map<number, number>();
  const client0 = process.cpuUsage();
  const r = await run(setup, o.duration);
  const client = process.cpuUsage(client0);
  const cpu1 = o.serverPid ? treeCpuMs(o.serverPid) : new Map<number, number>();
  if (sampler) clearInterval(sampler);
  const serverMs = [...cpu1].reduce((sum, [p, ms]) => sum + ms - (cpu0.get(p) ?? 0), 0);
  const total = Math.max(1, r.requests.total);
  const stats = Object.entries(r.statusCodeStats ?? {}) as Array<[string, { count: number }]>;
  return {
    rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors,
    // 304 is a success here (a conditional GET answered from the head row); only 4xx/5xx are failures
    failed: stats.reduce((n, [code, st]) => n + (Number(code) >= 400 ? st.count : 0), 0),
    codes: stats.map(([code, s]) => `${code}×${s.count}`).join(' '),
    rssMb: peak, cpuMs: serverMs / total, clientCpuMs: (client.user + client.system) / 1000 / total, load: (before + loadavg()[0]!) / 2,
  };
}
