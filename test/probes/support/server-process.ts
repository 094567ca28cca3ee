// The real server in its own process, as production runs it (bin/jixiao.mjs serve), for the probes that
// kill it, load it from outside, or measure other users' latency while it works.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  base: string;
  /** starts (or starts again) and waits until /api/health answers */
  start(): Promise<number>;
  /** SIGKILL: no shutdown, no flush, the way a crash or an OOM kill ends it */
  kill(): Promise<void>;
  /** SIGTERM and wait */
  stop(): Promise<void>;
  readonly pid: number | undefined;
  readonly log: string[];
}

export function serverProcess(env: Record<string, string>, port: number, opts: { demo?: boolean } = {}): ServerProcess {
  let child: ChildProcess | null = null;
  const log: string[] = [];
  const base = `http://127.0.0.1:${port}`;
  const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));
  return {
    base,
    log,
    get pid() {
      return child?.pid;
    },
    async start() {
      const t0 = performance.now();
      const args = ['bin/jixiao.mjs', 'serve', '--port', String(port), ...(opts.demo ? ['--demo'] : [])];
      // its own process group: `jixiao serve` is a primary with a worker per core, and a crash takes them all
      child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      const keep = (d: Buffer) => {
        log.push(d.toString());
        if (log.length > 200) log.shift();
      };
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      for (;;) {
        if (child.exitCode !== null) throw new Error(`服务器进程退出（${child.exitCode}）：${log.join('').slice(-2000)}`);
        try {
          const r = await fetch(`${base}/api/health`);
          if (r.ok) return performance.now() - t0;
        } catch {
          // not listening yet
        }
        if (performance.now() - t0 > 60_000) throw new Error(`服务器 60 秒内未就绪：${log.join('').slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async kill() {
      const c = child;
      if (!c) return;
      signalGroup(c, 'SIGKILL');
      await exited(c);
      await groupGone(c);
      child = null;
    },
    async stop() {
      const c = child;
      if (!c) return;
      c.kill('SIGTERM');
      await exited(c);
      await groupGone(c);
      child = null;
    },
  };
}

/** A signal to the server's whole process group (the primary and its workers). */
function signalGroup(c: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-c.pid!, signal);
  } catch {
    c.kill(signal);
  }
}

/** Waits until no process of the group is left (a worker outliving its primary would hold the data). */
async function groupGone(c: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(-c.pid!, 0);
    } catch {
      return;
    }
    if (i === 100) signalGroup(c, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A signed-in HTTP client: the session cookie kept, JSON in and out. */
export type Api = ((method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any; headers: Headers }>) & { cookie: string };

export async function signIn(base: string, username: string, password: string): Promise<Api> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`登录 ${username} 失败：${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return Object.assign(async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (a file)
    }
    return { status: r.status, body: parsed, headers: r.headers };
  }, { cookie });
}

/** p50 / p95 / p99 / max of a list of milliseconds. */
export function percentiles(ms: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0);
  return { n: s.length, p50: Math.round(at(0.5)), p95: Math.round(at(0.95)), p99: Math.round(at(0.99)), max: Math.round(s.at(-1) ?? 0) };
}
