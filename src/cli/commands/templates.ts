// jixiao templates : the 评分表 templates shipped as data.
import { Command } from 'commander';
import { listTemplates } from '../../core/templates/index';
import { pad } from '../format';

export function templatesCommand(): Command {
  return new Command('templates')
    .description('列出评分表模板')
    .option('--json', '输出 JSON')
    .action((opts: { json?: boolean }) => {
      const list = listTemplates();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      for (const t of list) {
        const years = t.years[0] || t.years[1] ? `${t.years[0] ?? '…'}–${t.years[1] ?? '…'}年` : '不限年度';
        process.stdout.write(`${pad(t.id, 20)} ${t.name}（${t.region}，${t.kind === 'overall' ? '部门整体' : '项目支出'}，${years}）\n`);
        if (t.description) process.stdout.write(`${' '.repeat(21)}${t.description}\n`);
      }
    });
}
