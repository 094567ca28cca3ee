// Several server processes on one port (node:cluster): Node runs JavaScript on one core, so a 2-core
// machine serves about twice as much with two. The primary prepares the database once (migrations, demo
// data), checkpoints the SQLite WAL, forks the workers and replaces one that dies; each worker is a whole
// server with its own connections. They share nothing but the database (sessions, lockouts, idempotency
// keys and the audit chain live there), exactly as separate machines behind a load balancer would.
import cluster, { type Worker } from 'node:cluster';

export interface WorkerPool {
  /** resolves once every worker listens, with the port they share */
  ready: Promise<number>;
  /** asks every worker to finish its requests and exit */
  stop(): Promise<void>;
}

interface Message {
  jixiao?: 'listening' | 'shutdown';
  port?: number;
}

const RESTART_WINDOW_MS = 60_000;
const MAX_RESTARTS = 5;

/** Forks `n` workers (each re-runs the program that started the primary, and finds cluster.isWorker). */
export function forkWorkers(n: number, opts: { onLog: (message: string) => void }): WorkerPool {
  let stopping = false;
  const restarts: number[] = [];
  let fail!: (err: Error) => void;
  let listening = 0;
  let readyResolve!: (port: number) => void;
  const ready = new Promise<number>((resolve, reject) => {
    readyResolve = resolve;
    fail = reject;
  });
  const start = (slot: number, first: boolean): Worker => {
    const worker = cluster.fork({ JIXIAO_WORKER: String(slot) });
    worker.on('message', (m: Message) => {
      if (m?.jixiao === 'listening' && first && ++listening === n) readyResolve(m.port ?? 0);
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      if (first && listening < n) return fail(new Error(`服务器工作进程 ${slot} 启动失败（退出码 ${code ?? signal}）`));
      const now = Date.now();
      restarts.push(now);
      while (restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length > MAX_RESTARTS) {
        opts.onLog(`服务器工作进程一分钟内退出超过 ${MAX_RESTARTS} 次，停止重启；请查看上面的错误`);
        process.exitCode = 1;
        return;
      }
      opts.onLog(`服务器工作进程 ${slot} 意外退出（${code ?? signal}），正在重启`);
      workers[slot] = start(slot, false);
    });
    return worker;
  };
  const workers = Array.from({ length: n }, (_, i) => start(i, true));
  return {
    ready,
    stop: async () => {
      stopping = true;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              const kill = setTimeout(() => w.kill('SIGKILL'), 10_000);
              w.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              w.send({ jixiao: 'shutdown' } satisfies Message);
            }),
        ),
      );
    },
  };
}

/** In a worker: tell the primary it listens, and close gracefully when it says so. */
export function announceWorker(port: number, close: () => Promise<void>): void {
  const leave = () => void close().then(() => process.exit(0), () => process.exit(1));
  process.on('message', (m: Message) => {
    if (m?.jixiao === 'shutdown') leave();
  });
  // without its primary no connection comes any more
  process.on('disconnect', leave);
  process.on('SIGTERM', leave);
  // Ctrl+C reaches the whole process group: the primary stops the workers in order
  process.on('SIGINT', () => undefined);
  process.send?.({ jixiao: 'listening', port } satisfies Message);
}

export const isClusterWorker = () => cluster.isWorker;
