// jixiao task …: the annual task (绩效自评任务) from the command line — create (and issue), list, the
// roster board, and remind (who is late; sent through a configured reminder sender, printed always).
// Works on DATABASE_URL or the SQLite file, like `jixiao org`; every step is audited as "cli".
import { Command } from 'commander';
import { boardShort } from '../../core/bureau/board-columns';
import { boardLinesText } from '../../core/bureau/roster';
import { isDate } from '../../core/bureau/deadline';
import { listTemplates, DEFAULT_TEMPLATE_ID } from '../../core/templates/index';
import { defaultCheck } from '../../server/app';
import { withCliDeps } from '../../server/cli-deps';
import type { Deps } from '../../server/deps';
import { findBureau, findBureauByName, findDepartmentByCode, findSectionByName } from '../../server/repositories/org';
import { findTask, findTaskFor } from '../../server/repositories/tasks';
import type { TaskScope } from '../../server/use-cases/bureau-shared';
import { createTask } from '../../server/use-cases/create-task';
import { issueTask } from '../../server/use-cases/issue-task';
import { listTasks } from '../../server/use-cases/list-tasks';
import { remindLate } from '../../server/use-cases/remind-late';
import { taskBoard } from '../../server/use-cases/task-board';
import { pad } from '../format';

export interface TaskCommandOptions {
  withDeps?: <T>(fn: (deps: Deps) => Promise<T>) => Promise<T>;
  write?: (text: string) => void;
}

async function bureauId(deps: Deps, key: string): Promise<string> {
  const b = (await findBureau(deps.db.kysely, key)) ?? (await findBureauByName(deps.db.kysely, key.trim()));
  if (!b) throw new Error(`没有找到财政局“${key}”（可用 jixiao org list 查看）`);
  return b.id;
}

/** A task by id, or by year within a bureau. */
async function taskId(deps: Deps, key: string, bureau?: string): Promise<string> {
  const byId = await findTask(deps.db.kysely, key);
  if (byId) return byId.id;
  if (/^\d{4}$/.test(key) && bureau) {
    const t = await findTaskFor(deps.db.kysely, await bureauId(deps, bureau), Number(key), 'overall');
    if (t) return t.id;
  }
  throw new Error(`没有找到任务“${key}”（按任务 id，或 --bureau 加年度查找；可用 jixiao task list 查看）`);
}

/** --scope all | sections:行政政法科,经济建设科 | departments:999236,999201 */
async function scopeOf(deps: Deps, bureau: string, raw: string): Promise<TaskScope> {
  if (raw === 'all') return { mode: 'all', sectionIds: [], departmentIds: [] };
  const [kind, list = ''] = raw.split(':');
  const names = list.split(/[,，]/).map((x) => x.trim()).filter(Boolean);
  if (kind === 'sections') {
    const ids = [];
    for (const n of names) {
      const s = await findSectionByName(deps.db.kysely, bureau, n);
      if (!s) throw new Error(`该财政局下没有科室“${n}”`);
      ids.push(s.id);
    }
    return { mode: 'sections', sectionIds: ids, departmentIds: [] };
  }
  if (kind === 'departments') {
    const ids = [];
    for (const code of names) {
      const d = await findDepartmentByCode(deps.db.kysely, bureau, code);
      if (!d) throw new Error(`该财政局下没有预算编码为“${code}”的部门`);
      ids.push(d.id);
    }
    return { mode: 'picked', sectionIds: [], departmentIds: ids };
  }
  throw new Error('--scope 须为 all、sections:科室名,… 或 departments:预算编码,…');
}

const date = (what: string) => (v: string) => {
  if (!isDate(v)) throw new Error(`${what}“${v}”不是有效日期（格式 YYYY-MM-DD）`);
  return v;
};

export function taskCommand(opts: TaskCommandOptions = {}): Command {
  const base = opts.withDeps ?? withCliDeps;
  // the board counts errors: it runs the real checks
  const run = <T>(fn: (deps: Deps) => Promise<T>) => base((deps) => fn({ ...deps, check: defaultCheck }));
  const write = opts.write ?? ((s: string) => process.stdout.write(s));
  const task = new Command('task').description('绩效自评任务：新建并下达、列表、进度看板、催报（本机命令行，操作写入审计日志）');

  task
    .command('create')
    .description('新建任务（可加 --issue 立即下达，为范围内每个部门生成从上年结转的草稿）')
    .requiredOption('--bureau <id|名称>', '所属财政局')
    .requiredOption('--year <年度>', '评价年度', (v) => Number(v))
    .requiredOption('--self-eval-due <日期>', '自评报送截止日 YYYY-MM-DD', date('自评报送截止日'))
    .requiredOption('--finance-review-due <日期>', '财政审核截止日', date('财政审核截止日'))
    .requiredOption('--publish-by <日期>', '结果公开截止日', date('结果公开截止日'))
    .option('--template <id>', `评分表模板，决定任务种类（${listTemplates().map((t) => `${t.id}${t.kind === 'project' ? '：项目支出' : '：部门整体'}`).join('、')}）`, DEFAULT_TEMPLATE_ID)
    .option('--scope <范围>', 'all | sections:科室名,… | departments:预算编码,…', 'all')
    .option('--title <标题>', '任务标题（默认“YYYY年度部门整体支出绩效自评任务”）')
    .option('--notice <正文>', '通知正文')
    .option('--issue', '新建后立即下达')
    .action(async (o: { bureau: string; year: number; selfEvalDue: string; financeReviewDue: string; publishBy: string; template: string; scope: string; title?: string; notice?: string; issue?: boolean }) => {
      const out = await run(async (deps) => {
        const bureau = await bureauId(deps, o.bureau);
        const t = await createTask(deps, {
          actor: null, bureauId: bureau, year: o.year, templateId: o.template, title: o.title, notice: o.notice, scope: await scopeOf(deps, bureau, o.scope),
          deadlines: { selfEvalDue: o.selfEvalDue, financeReviewDue: o.financeReviewDue, publishBy: o.publishBy },
        });
        return { t, issued: o.issue ? await issueTask(deps, { actor: null, id: t.id }) : null };
      });
      write(`已新建任务 ${out.t.title}，id ${out.t.id}\n`);
      if (out.issued) write(`已下达：${out.issued.departments} 个部门，新建草稿 ${out.issued.created} 份，并入已有报告 ${out.issued.attached} 份\n`);
    });

  task
    .command('issue')
    .description('下达任务')
    .argument('<任务>', '任务 id，或年度（须加 --bureau）')
    .option('--bureau <id|名称>', '所属财政局')
    .action(async (key: string, o: { bureau?: string }) => {
      const r = await run(async (deps) => issueTask(deps, { actor: null, id: await taskId(deps, key, o.bureau) }));
      write(`已下达 ${r.task.title}：${r.departments} 个部门，新建草稿 ${r.created} 份，并入已有报告 ${r.attached} 份\n`);
    });

  task
    .command('list')
    .description('列出财政局的任务及进度汇总')
    .requiredOption('--bureau <id|名称>', '财政局')
    .option('--json', '输出 JSON')
    .action(async (o: { bureau: string; json?: boolean }) => {
      const items = await run(async (deps) => listTasks(deps, { actor: null, bureauId: await bureauId(deps, o.bureau) }));
      if (o.json) return write(`${JSON.stringify(items, null, 2)}\n`);
      if (!items.length) return write('该财政局还没有任务。用 jixiao task create 新建。\n');
      for (const t of items) {
        const states = t.summary.byState.filter((s) => s.count).map((s) => `${s.label} ${s.count}`).join('，');
        write(`${t.year}  ${t.title}［${t.status === 'draft' ? '未下达' : t.status === 'issued' ? '已下达' : '已结束'}］  报送截止 ${t.deadlines.selfEvalDue}  ${boardLinesText(t.kind, t.summary)}${states ? `：${states}` : ''}${t.summary.late ? `，逾期 ${t.summary.late}` : ''}  id ${t.id}\n`);
      }
    });

  task
    .command('board')
    .description('进度看板：每个部门的状态、截止日、剩余或逾期天数、错误与豁免、整改')
    .argument('<任务>', '任务 id，或年度（须加 --bureau）')
    .option('--bureau <id|名称>', '所属财政局')
    .option('--late', '只列逾期的')
    .option('--json', '输出 JSON')
    .action(async (key: string, o: { bureau?: string; late?: boolean; json?: boolean }) => {
      const b = await run(async (deps) => taskBoard(deps, { actor: null, id: await taskId(deps, key, o.bureau) }));
      const items = o.late ? b.items.filter((i) => i.late) : b.items;
      if (o.json) return write(`${JSON.stringify({ ...b, items }, null, 2)}\n`);
      write(`${b.task.title}（报送截止 ${b.task.deadlines.selfEvalDue}，财政审核截止 ${b.task.deadlines.financeReviewDue}，公开截止 ${b.task.deadlines.publishBy}）\n`);
      const project: Array<[string, number, (i: (typeof items)[number]) => string]> = b.task.kind === 'project' ? [[boardShort('projectName'), 26, (i) => (i.reportId ? i.projectName || '（未填写）' : '—')]] : [];
      const cols: Array<[string, number, (i: (typeof items)[number]) => string, boolean?]> = [
        [boardShort('budgetCode'), 10, (i) => i.budgetCode], [boardShort('departmentName'), 22, (i) => i.departmentName], ...project, [boardShort('state'), 11, (i) => i.stateLabel],
        [boardShort('due'), 11, (i) => i.due ?? '—'], [boardShort('daysLeft'), 11, (i) => i.daysLeftText], [boardShort('selfScore'), 6, (i) => (i.selfScore == null ? '—' : String(i.selfScore)), true],
        [boardShort('reviewScore'), 6, (i) => (i.reviewScore == null ? '—' : String(i.reviewScore)), true], [boardShort('errors'), 5, (i) => (i.errors == null ? '—' : String(i.errors)), true],
        [boardShort('waivers'), 5, (i) => (i.waivers == null ? '—' : String(i.waivers)), true], [boardShort('openRectifications'), 5, (i) => String(i.openRectifications), true],
      ];
      write(`${cols.map(([h, w, , r]) => pad(h, w, r)).join(' ')}\n`);
      for (const i of items) write(`${cols.map(([, w, f, r]) => pad(f(i), w, r)).join(' ')}${i.sampled ? '  抽查' : ''}${i.extendedDue ? `  已延期至 ${i.extendedDue}` : ''}\n`);
      const s = b.summary;
      write(`共 ${boardLinesText(b.task.kind, s)}：${s.byState.filter((x) => x.count).map((x) => `${x.label} ${x.count}`).join('，')}；逾期 ${s.late}\n`);
    });

  task
    .command('remind')
    .description('催报：列出逾期的部门和报告及提醒对象；配置了短信/邮件发送器时一并发送')
    .argument('<任务>', '任务 id，或年度（须加 --bureau）')
    .option('--bureau <id|名称>', '所属财政局')
    .option('--json', '输出 JSON')
    .action(async (key: string, o: { bureau?: string; json?: boolean }) => {
      const r = await run(async (deps) => remindLate(deps, { actor: null, taskId: await taskId(deps, key, o.bureau), send: true }));
      if (o.json) return write(`${JSON.stringify(r, null, 2)}\n`);
      if (!r.late.length) return write(`${r.taskTitle}：没有逾期的部门。\n`);
      write(`${r.taskTitle}：逾期 ${r.late.length} 项\n`);
      for (const l of r.late) write(`  ${l.text}  提醒：${l.recipients.map((x) => `${x.displayName}（${x.role}）`).join('、') || '（该部门没有可提醒的账户）'}\n`);
      write(r.sender ? `已通过 ${r.sender} 发送 ${r.sent ?? 0} 条。\n` : '未配置短信/邮件发送器：以上提醒仅打印，并显示在各用户的待办中。\n');
    });
  return task;
}

