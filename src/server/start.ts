// startServer(): opens the database, migrates, seeds the demo when asked, and listens on PORT
// (default 8080). The built web UI in web/dist is served from the same origin when present.
import type { FastifyInstance } from 'fastify';
import { createServer, openDatabase } from './app';
import { loadConfig, type ServerConfig } from './config';
import { countUsers } from './repositories/users';

export interface StartOptions {
  config?: ServerConfig;
  /** override JIXIAO_DEMO */
  demo?: boolean;
  port?: number;
}

export async function startServer(opts: StartOptions = {}): Promise<FastifyInstance> {
  const base = opts.config ?? loadConfig();
  const config: ServerConfig = { ...base, ...(opts.demo != null ? { demo: opts.demo } : {}), ...(opts.port != null ? { port: opts.port } : {}) };
  const db = openDatabase(config, { server: true });
  const app = await createServer(config, { db, logger: { level: config.logLevel } });
  app.addHook('onClose', () => db.destroy());
  if (!config.demo && (await countUsers(db.kysely)) === 0) {
    process.stderr.write(
      [
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
      ].join('\n'),
    );
  }
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.sqliteFile}`;
  app.log.info(`Jixiao 已启动：http://localhost:${config.port}（数据库：${where}${config.demo ? '，演示模式' : ''}）`);
  if (config.demo) process.stderr.write(`演示模式：用 demo-preparer 等演示账户登录，密码 Jixiao-demo-2026（http://localhost:${config.port}）\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      app.close().then(() => process.exit(0), () => process.exit(1));
    });
  return app;
}
