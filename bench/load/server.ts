// The server under test in its own process tree, started the way `npm start` starts it (startServer: a
// primary and its worker processes), so the load generator never shares its event loop. Run directly
// (`serve KIND TARGET WORKERS`) it is that child; cluster workers re-run it and find cluster.isWorker.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { isClusterWorker } from '../../src/server/cluster';
import { loadConfig } from '../../src/server/config';
import { startServer } from '../../src/server/start';

const SELF = fileURLToPath(import.meta.url);

export interface Child {
  pid: number;
  base: string;
  stop(): Promise<void>;
}

/** `kind`: sqlite (TARGET the file), postgres (TARGET the URL) or bare (a one-route Fastify). */
export async function startChild(kind: 'sqlite' | 'postgres' | 'bare', target: string, workers: number, profileDir?: string): Promise<Child> {
  const profile = profileDir && kind !== 'bare' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const proc = fork(SELF, ['serve', kind, target, String(workers)], { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('message', (m) => resolve((m as { port: number }).port));
    proc.once('exit', (code) => reject(new Error(`服务器进程退出（${code}）`)));
  });
  return {
    pid: proc.pid!,
    base: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.send('stop');
    }),
  };
}

async function serve(kind: string, target: string, workers: number): Promise<void> {
  if (kind === 'bare') {
    const app = Fastify();
    app.get('/ok', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
    process.on('message', (m) => m === 'stop' && void app.close().then(() => process.exit(0)));
    return;
  }
  // bench accounts (finance roles among them) sign in with a password only
  const config = loadConfig({ JIXIAO_2FA_REQUIRED: 'none' }, {
    databaseUrl: kind === 'postgres' ? target : null, sqliteFile: target, demo: false, webDist: '/nonexistent', logLevel: 'warn', port: 0, host: '127.0.0.1', processes: workers,
  });
  const running = await startServer({ config });
  if (isClusterWorker()) return;
  process.send!({ port: running.port });
  process.on('message', (m) => m === 'stop' && void running.close().then(() => process.exit(0)));
}

if (process.argv[1] === SELF && process.argv[2] === 'serve') await serve(process.argv[3]!, process.argv[4] ?? '', Number(process.argv[5] ?? 1));
