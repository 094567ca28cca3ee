// jixiao org …: the organisation of a fresh installation from the machine itself — bureaus (财政局),
// sections (科室) and departments (预算部门/单位). Works on DATABASE_URL or the SQLite file, like
// `jixiao user`; every addition is audited (actor "cli").
import { Command } from 'commander';
import type { Db } from '../../server/db/schema';
import type { Deps } from '../../server/deps';
import { withCliDeps } from '../../server/cli-deps';
import { findBureau, findBureauByName, findDepartment, findDepartmentByCode, findSection, findSectionByName } from '../../server/repositories/org';
import { addBureau } from '../../server/use-cases/add-bureau';
import { addDepartment } from '../../server/use-cases/add-department';
import { addSection } from '../../server/use-cases/add-section';
import { listBureaus } from '../../server/use-cases/list-bureaus';
import { listDepartments } from '../../server/use-cases/list-departments';
import { listSections } from '../../server/use-cases/list-sections';

export interface OrgCommandOptions {
  /** runs a use-case with the installation's dependencies; tests pass their own database */
  withDeps?: <T>(fn: (deps: Deps) => Promise<T>) => Promise<T>;
  /** where results go (stdout) */
  write?: (text: string) => void;
}

/** A bureau by id or by its (unique) name. */
async function bureauId(db: Db, key: string): Promise<string> {
  const b = (await findBureau(db.kysely, key)) ?? (await findBureauByName(db.kysely, key.trim()));
  if (!b) throw new Error(`没有找到财政局“${key}”（可用 jixiao org list 查看）`);
  return b.id;
}

/** A section of the bureau by id or by name. */
async function sectionId(db: Db, bureau: string, key: string): Promise<string> {
  const byId = await findSection(db.kysely, key);
  const s = byId?.bureau_id === bureau ? byId : await findSectionByName(db.kysely, bureau, key.trim());
  if (!s) throw new Error(`该财政局下没有找到科室“${key}”`);
  return s.id;
}

/** A department of the bureau by id or by 预算编码. */
async function departmentId(db: Db, bureau: string, key: string): Promise<string> {
  const byId = await findDepartment(db.kysely, key);
  const d = byId?.bureau_id === bureau ? byId : await findDepartmentByCode(db.kysely, bureau, key.trim());
  if (!d) throw new Error(`该财政局下没有找到部门“${key}”（按 id 或预算编码查找）`);
  return d.id;
}

export function orgCommand(opts: OrgCommandOptions = {}): Command {
  const run = opts.withDeps ?? withCliDeps;
  const write = opts.write ?? ((s: string) => process.stdout.write(s));
  const org = new Command('org').description('组织机构：财政局、科室、部门（本机命令行，操作会写入审计日志）');

  org
    .command('bureau')
    .description('财政局')
    .command('add')
    .description('新增财政局')
    .argument('<name>', '财政局名称（唯一）')
    .option('--region <region>', '行政区划，如 岳阳市')
    .action(async (name: string, o: { region?: string }) => {
      const b = await run((deps) => addBureau(deps, { actor: null, name, region: o.region }));
      write(`已新增财政局 ${b.name}，id ${b.id}\n`);
    });

  org
    .command('section')
    .description('财政局的科室')
    .command('add')
    .description('新增科室：归口业务科室（默认）或绩效管理科')
    .argument('<name>', '科室名称（同一财政局内唯一）')
    .requiredOption('--bureau <id|名称>', '所属财政局')
    .option('--kind <kind>', 'counterpart（归口业务科室）| performance（绩效管理科）', 'counterpart')
    .action(async (name: string, o: { bureau: string; kind: string }) => {
      if (o.kind !== 'counterpart' && o.kind !== 'performance') throw new Error('--kind 须为 counterpart（归口业务科室）或 performance（绩效管理科）');
      const kind = o.kind;
      const s = await run(async (deps) => addSection(deps, { actor: null, bureauId: await bureauId(deps.db, o.bureau), name, kind }));
      write(`已新增科室 ${s.name}（${s.kindLabel}），id ${s.id}\n`);
    });

  org
    .command('department')
    .description('预算部门(单位)')
    .command('add')
    .description('新增部门(单位)')
    .argument('<name>', '部门(单位)名称')
    .requiredOption('--bureau <id|名称>', '所属财政局')
    .requiredOption('--code <预算编码>', '预算编码（同一财政局内唯一）')
    .option('--section <id|科室名称>', '归口业务科室')
    .option('--parent <id|预算编码>', '主管部门')
    .action(async (name: string, o: { bureau: string; code: string; section?: string; parent?: string }) => {
      const d = await run(async (deps) => {
        const bureau = await bureauId(deps.db, o.bureau);
        return addDepartment(deps, {
          actor: null, bureauId: bureau, name, budgetCode: o.code,
          sectionId: o.section ? await sectionId(deps.db, bureau, o.section) : null,
          parentId: o.parent ? await departmentId(deps.db, bureau, o.parent) : null,
        });
      });
      write(`已新增部门 ${d.budgetCode} ${d.name}，id ${d.id}\n`);
    });

  org
    .command('list')
    .description('列出财政局、科室和部门')
    .option('--bureau <id|名称>', '只列这个财政局')
    .option('--json', '输出 JSON')
    .action(async (o: { bureau?: string; json?: boolean }) => {
      const tree = await run(async (deps) => {
        const only = o.bureau ? await bureauId(deps.db, o.bureau) : null;
        const bureaus = (await listBureaus(deps, { actor: null })).filter((b) => !only || b.id === only);
        return Promise.all(
          bureaus.map(async (b) => {
            const departments = [];
            for (let after: string | null | undefined; after !== null; ) {
              const page = await listDepartments(deps, { actor: null, bureauId: b.id, limit: 5000, after });
              departments.push(...page.items);
              after = page.next;
            }
            return { ...b, sections: await listSections(deps, { actor: null, bureauId: b.id }), departments };
          }),
        );
      });
      if (o.json) return write(`${JSON.stringify(tree, null, 2)}\n`);
      if (tree.length === 0) return write('尚无财政局。先用 jixiao org bureau add 名称 新增。\n');
      for (const b of tree) {
        const sections = new Map(b.sections.map((s) => [s.id, s.name]));
        const names = new Map(b.departments.map((d) => [d.id, d.name]));
        write(`财政局 ${b.name}${b.region ? `（${b.region}）` : ''}  id ${b.id}\n`);
        for (const s of b.sections) write(`  科室 ${s.name}［${s.kindLabel}］  id ${s.id}\n`);
        for (const d of b.departments) {
          const extra = [d.sectionId ? `归口：${sections.get(d.sectionId) ?? d.sectionId}` : '未设归口科室', d.parentId ? `主管部门：${names.get(d.parentId) ?? d.parentId}` : ''];
          write(`  部门 ${d.budgetCode} ${d.name}  ${extra.filter(Boolean).join('，')}  id ${d.id}\n`);
        }
        write(`  （${b.sections.length} 个科室，${b.departments.length} 个部门）\n`);
      }
    });
  return org;
}
