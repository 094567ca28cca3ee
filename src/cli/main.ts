// The jixiao CLI. Commands stay thin: they read files, call core and io, and print.
import { Command } from 'commander';
import { checkCommand } from './commands/check';
import { importCommand } from './commands/import';
import { templatesCommand } from './commands/templates';
import { installTemplates } from '../io/templates/load-dir';

// Server-side commands pull in Fastify, Kysely and the database drivers; load them only when asked for, so
// `jixiao check` starts fast.
const SERVER_COMMANDS: Record<string, { description: string; load: () => Promise<Command> }> = {
  serve: { description: '启动 Web 应用', load: async () => (await import('./commands/serve')).serveCommand() },
  user: { description: '用户管理（jixiao user add …）', load: async () => (await import('./commands/user')).userCommand() },
  audit: { description: '审计日志（jixiao audit verify | checkpoint）', load: async () => (await import('./commands/audit')).auditCommand() },
  backup: { description: '在线备份数据库并校验副本', load: async () => (await import('./commands/backup')).backupCommand() },
  restore: { description: '从备份恢复数据库（先校验备份）', load: async () => (await import('./commands/backup')).restoreCommand() },
  org: { description: '组织机构（jixiao org bureau|section|department add、jixiao org list）', load: async () => (await import('./commands/org')).orgCommand() },
  task: { description: '绩效自评任务（jixiao task create|issue|list|board|remind）', load: async () => (await import('./commands/task')).taskCommand() },
  export: { description: '导出官方版式 DOCX/PDF/XLSX/HTML 及开放数据 JSON/CSV', load: async () => (await import('./commands/export')).exportCommand() },
};

// `jixiao check … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const program = new Command('jixiao')
  .description('绩效自评：部门整体支出绩效评价自评报告的导入、检查、评分与导出')
  .version('0.1.0')
  .showHelpAfterError('（用 jixiao --help 查看用法）');

// Templates dropped into the shipped directory or JIXIAO_TEMPLATES_DIR are known to every command.
installTemplates();
program.addCommand(importCommand());
program.addCommand(checkCommand());
program.addCommand(templatesCommand());
const wanted = process.argv[2];
for (const [name, c] of Object.entries(SERVER_COMMANDS)) {
  if (name === wanted) program.addCommand(await c.load());
  else program.command(name).description(c.description);
}

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`出错了：${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
