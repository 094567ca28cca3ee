// startServer(): opens the database, migrates, seeds the demo when asked, and serves on PORT (default
// 8080) — from JIXIAO_PROCESSES processes (default: one per core; cluster.ts), or from this process when 1.
// The built web UI in web/dist is served from the same origin when present.
import { argon2Hasher } from './auth/password';
import { createServer, defaultImportFile, openDatabase, prepareDatabase } from './app';
import { announceWorker, forkWorkers, isClusterWorker } from './cluster';
import { loadConfig, type ServerConfig } from './config';
import { cryptoRandom, systemClock } from './deps';
import { loadCryptoProvider } from './crypto/keys';
import { countUsers } from './repositories/users';

export interface StartOptions {
  config?: ServerConfig;
  /** override JIXIAO_DEMO */
  demo?: boolean;
  port?: number;
  /** override JIXIAO_PROCESSES */
  processes?: number;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const base = opts.config ?? loadConfig();
  const config: ServerConfig = {
    ...base,
    ...(opts.demo != null ? { demo: opts.demo } : {}),
    ...(opts.port != null ? { port: opts.port } : {}),
    ...(opts.processes != null ? { processes: opts.processes } : {}),
  };
  if (isClusterWorker()) return serve(config, 'worker');
  const single = config.processes <= 1;
  // the primary checkpoints the WAL for every process; with one process it is the server too
  const db = openDatabase(config, { role: 'server' });
  // the keys are made here, once, before any worker process reads them (crypto/keys.ts)
  const crypto = loadCryptoProvider(config, { create: true, onCreated: (file) => process.stderr.write(`已生成密钥文件 ${file}：请妥善备份，多个应用实例须使用同一密钥\n`) });
  await prepareDatabase(db, config, { passwords: argon2Hasher(config.argon2), clock: systemClock, random: cryptoRandom, importFile: defaultImportFile, crypto });
  if (!config.demo && (await countUsers(db.kysely)) === 0) process.stderr.write(FIRST_STEPS);
  const running = single ? await serve(config, 'single', db) : await cluster(config, db);
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.sqliteFile}`;
  process.stderr.write(`Jixiao 已启动：http://localhost:${running.port}（数据库：${where}${single ? '' : `，${config.processes} 个服务进程`}${config.demo ? '，演示模式' : ''}）\n`);
  if (config.demo) process.stderr.write(`演示模式：用 demo-preparer 等演示账户登录，密码 Jixiao-demo-2026（http://localhost:${running.port}）\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      running.close().then(() => process.exit(0), () => process.exit(1));
    });
  return running;
}

/** One server: this process alone (`single`, with the primary's database handle) or a cluster worker. */
async function serve(config: ServerConfig, as: 'single' | 'worker', prepared = openDatabase(config, { role: 'worker' })): Promise<RunningServer> {
  const app = await createServer(config, { db: prepared, prepared: true, logger: { level: config.logLevel } });
  app.addHook('onClose', () => prepared.destroy());
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const close = () => app.close();
  if (as === 'worker') announceWorker(port, close);
  return { port, close };
}

async function cluster(config: ServerConfig, db: Awaited<ReturnType<typeof openDatabase>>): Promise<RunningServer> {
  const pool = forkWorkers(config.processes, { onLog: (m) => process.stderr.write(`${m}\n`) });
  let port: number;
  try {
    port = await pool.ready;
  } catch (err) {
    await pool.stop();
    await db.destroy();
    throw err;
  }
  return {
    port,
    close: async () => {
      await pool.stop();
      await db.destroy();
    },
  };
}

const FIRST_STEPS = [
  '',
  '尚未创建任何用户。请先用命令行创建三员账户，例如：',
  '  jixiao user add --username sysadmin --name 系统管理员 --kind sysadmin',
  '  jixiao user add --username secadmin --name 安全管理员 --kind secadmin',
  '  jixiao user add --username auditor --name 审计管理员 --kind auditor',
  '（密码在提示时输入，或用 --password-stdin 从标准输入读取。）',
  '再建立组织机构（财政局、科室、部门），例如：',
  '  jixiao org bureau add 岳阳市财政局 --region 岳阳市',
  '  jixiao org section add --bureau 岳阳市财政局 行政政法科',
  '  jixiao org department add --bureau 岳阳市财政局 --section 行政政法科 --code 999236 党群工作部',
  '想先看演示数据：JIXIAO_DEMO=1 npm start 或 jixiao serve --demo',
  '',
].join('\n');
