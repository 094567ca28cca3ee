// jixiao templates : the templates this installation knows (shipped, and JIXIAO_TEMPLATES_DIR's), with
// their versions and origin. jixiao templates check FILE : a template file's problems by line, in Chinese.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Command } from 'commander';
import type { Template } from '../../core/model/template';
import { templates } from '../../core/templates/index';
import { checkTemplateText, formatProblems } from '../../io/templates/check-text';
import { installTemplates } from '../../io/templates/load-dir';
import { pad } from '../format';

const KIND: Record<Template['kind'], string> = { overall: '部门整体', project: '项目支出' };

function years(t: Template): string {
  return t.years[0] || t.years[1] ? `${t.years[0] ?? '…'}–${t.years[1] ?? '…'}年` : '不限年度';
}

function where(t: Template): string {
  const o = templates.origin(t);
  return o?.source === 'file' && o.ref ? relative(process.cwd(), o.ref) : '内置';
}

function checkFile(file: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`无法读取 ${file}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const { template, problems } = checkTemplateText(text);
  if (!template) {
    for (const line of formatProblems(file, problems)) process.stdout.write(`${line}\n`);
    process.stdout.write(`共 ${problems.length} 处问题，模板不能使用。\n`);
    process.exitCode = 1;
    return;
  }
  const known = templates.get(template.id, template.version);
  const same = known && JSON.stringify(known) === JSON.stringify(template);
  const note = !known ? '' : same ? '（与已安装的同一版本相同）' : `（注意：已安装的第${template.version}版内容不同，须提高 version 才能安装）`;
  process.stdout.write(`${file}：模板有效：${template.id} 第${template.version}版 ${template.name}（${KIND[template.kind]}，${years(template)}）${note}\n`);
  if (known && !same) process.exitCode = 1;
}

export function templatesCommand(): Command {
  const cmd = new Command('templates')
    .description('列出评分表模板（内置及 JIXIAO_TEMPLATES_DIR 中的模板）')
    .option('--json', '输出 JSON')
    .action((opts: { json?: boolean }) => {
      const load = installTemplates();
      const list = templates.list();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      for (const t of list) {
        const versions = templates.versions(t.id).map((v) => v.version);
        const v = versions.length > 1 ? `第${versions.join('、')}版` : `第${t.version}版`;
        process.stdout.write(`${pad(t.id, 20)} ${t.name}（${t.region}，${KIND[t.kind]}，${years(t)}，${v}，${where(t)}）\n`);
        if (t.description) process.stdout.write(`${' '.repeat(21)}${t.description}\n`);
      }
      for (const f of load.failed) {
        process.stderr.write(`[未安装] ${relative(process.cwd(), f.file)}：\n`);
        for (const line of formatProblems(relative(process.cwd(), f.file), f.problems)) process.stderr.write(`  ${line}\n`);
      }
    });
  cmd
    .command('check')
    .description('检查模板文件：逐行列出 JSON 格式和模板内容的问题（退出码 0 有效、1 有问题、2 无法读取）')
    .argument('<file>', '模板 JSON 文件')
    .action((file: string) => {
      installTemplates();
      checkFile(file);
    });
  return cmd;
}
