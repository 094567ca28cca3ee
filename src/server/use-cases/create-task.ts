// 新建绩效自评任务 (绩效管理科, or the local CLI): year, report kind and 评分表, the departments it covers
// (all, by 归口科室, or picked from the roster), the three deadlines and the notice text. A draft until
// issued; one task per bureau, year and kind (部门整体, or 项目支出: one table per project of each department).
import { deadlineProblems, type Deadlines } from '../../core/bureau/deadline';
import type { ReportKind } from '../../core/model/report';
import { isUniqueViolation } from '../db/errors';
import { nowIso, type Deps } from '../deps';
import { AppError } from '../errors';
import { findBureau, findDepartment, findSection } from '../repositories/org';
import { findTaskFor, insertTask } from '../repositories/tasks';
import { chooseTemplate } from './create-report';
import { assertPerfAdmin, auditBy, taskView, type BureauActor, type TaskScope, type TaskView } from './bureau-shared';
import { inTransaction } from './shared';

export interface TaskInput {
  year: number;
  /** default: the kind of the template's form */
  kind?: ReportKind;
  templateId: string;
  title?: string;
  notice?: string;
  scope: TaskScope;
  deadlines: Deadlines;
}

export interface CreateTaskOptions extends TaskInput {
  actor: BureauActor;
  /** the CLI names the bureau; a 绩效管理科 user works in their own */
  bureauId?: string;
}

export async function checkScope(deps: Deps, bureauId: string, scope: TaskScope): Promise<TaskScope> {
  const db = deps.db.kysely;
  const clean: TaskScope = { mode: scope.mode, sectionIds: [...new Set(scope.sectionIds ?? [])], departmentIds: [...new Set(scope.departmentIds ?? [])] };
  if (clean.mode === 'sections') {
    if (!clean.sectionIds.length) throw new AppError('VALIDATION', '按归口科室下达时请至少选择一个科室');
    for (const id of clean.sectionIds) {
      const s = await findSection(db, id);
      if (!s || s.bureau_id !== bureauId || s.kind !== 'counterpart') throw new AppError('VALIDATION', `科室“${id}”不是本局的归口业务科室`);
    }
    clean.departmentIds = [];
  } else if (clean.mode === 'picked') {
    if (!clean.departmentIds.length) throw new AppError('VALIDATION', '请至少选择一个部门');
    for (const id of clean.departmentIds) {
      const d = await findDepartment(db, id);
      if (!d || d.bureau_id !== bureauId) throw new AppError('VALIDATION', `部门“${id}”不属于本局`);
    }
    clean.sectionIds = [];
  } else {
    clean.sectionIds = [];
    clean.departmentIds = [];
  }
  return clean;
}

export function checkDeadlines(d: Deadlines): void {
  const problems = deadlineProblems(d);
  if (problems.length) throw new AppError('VALIDATION', problems.join('；'));
}

const KIND_TASK: Record<ReportKind, string> = { overall: '部门整体支出', project: '项目支出' };

export function defaultTitle(year: number, kind: ReportKind = 'overall'): string {
  return `${year}年度${KIND_TASK[kind]}绩效自评任务`;
}

export async function createTask(deps: Deps, o: CreateTaskOptions): Promise<TaskView> {
  assertPerfAdmin(o.actor);
  const bureauId = o.actor?.bureauId ?? o.bureauId;
  if (!bureauId || !(await findBureau(deps.db.kysely, bureauId))) throw new AppError('VALIDATION', '请指定所属财政局');
  if (!Number.isInteger(o.year) || o.year < 1990 || o.year > 2100) throw new AppError('VALIDATION', '年度须为 1990–2100 之间的整数');
  // the bureau's own uploaded templates count, as for a new report
  const template = await chooseTemplate(deps, bureauId, o.templateId);
  const kind = o.kind ?? template.kind;
  if (template.kind !== kind) throw new AppError('VALIDATION', `评分表“${template.name}”不是${KIND_TASK[kind]}评分表`);
  checkDeadlines(o.deadlines);
  const scope = await checkScope(deps, bureauId, o.scope);
  const at = nowIso(deps.clock);
  const who = o.actor?.id ?? 'cli';
  const row = {
    id: deps.random.uuid(), bureau_id: bureauId, year: o.year, kind, template_id: template.id,
    title: o.title?.trim() || defaultTitle(o.year, kind), notice: o.notice?.trim() ?? '', scope: JSON.stringify(scope),
    self_eval_due: o.deadlines.selfEvalDue, finance_review_due: o.deadlines.financeReviewDue, publish_by: o.deadlines.publishBy,
    status: 'draft' as const, version: 1, created_by: who, created_at: at, updated_by: who, updated_at: at, issued_by: null, issued_at: null,
  };
  const duplicate = () => new AppError('CONFLICT', `本局已有${o.year}年度的${KIND_TASK[kind]}绩效自评任务`);
  try {
    await inTransaction(deps, async (trx, audit) => {
      if (await findTaskFor(trx, bureauId, o.year, kind)) throw duplicate();
      await insertTask(trx, row);
      await audit({ ...auditBy(o.actor), event: 'task_create', objectType: 'task', objectId: row.id, detail: { year: o.year, templateId: template.id, scope, deadlines: o.deadlines } });
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicate() : err;
  }
  return taskView(row);
}
