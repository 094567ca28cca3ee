// The jixiao CLI. Commands stay thin: they read files, call core and io, and print.
import { Command } from 'commander';
import { checkCommand } from './commands/check';
import { importCommand } from './commands/import';
import { templatesCommand } from './commands/templates';

const program = new Command('jixiao')
  .description('绩效自评：部门整体支出绩效评价自评报告的导入、检查、评分与导出')
  .version('0.1.0')
  .showHelpAfterError('（用 jixiao --help 查看用法）');

program.addCommand(importCommand());
program.addCommand(checkCommand());
program.addCommand(templatesCommand());

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`出错了：${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
