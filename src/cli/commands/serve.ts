// jixiao serve [--demo] [--port N] [--processes N]: starts the web application.
import { Command } from 'commander';
import { startServer } from '../../server/start';

export function serveCommand(): Command {
  return new Command('serve')
    .description('启动 Web 应用（默认 SQLite ./data/jixiao.sqlite；设置 DATABASE_URL 使用 PostgreSQL）')
    .option('--demo', '演示模式：首次启动时写入演示财政局、部门、用户和报告')
    .option('-p, --port <port>', '监听端口（默认 PORT 环境变量或 8080）', (v) => Number.parseInt(v, 10))
    .option('--processes <n>', '服务进程数（默认 JIXIAO_PROCESSES 或 CPU 核数；1 = 单进程）', (v) => Number.parseInt(v, 10))
    .action(async (opts: { demo?: boolean; port?: number; processes?: number }) => {
      await startServer({ demo: opts.demo ? true : undefined, port: opts.port, processes: opts.processes });
    });
}
