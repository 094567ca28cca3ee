// 下达任务: the roster is fixed from the scope, and every department on it gets its draft, carried over
// from its previous year's report with last year's 整改 items. A report the department already keeps
// for that year (made before the task) joins the task instead of a second one. A 项目支出 task creates no
// drafts — a department makes one table per project, and the task cannot know its projects — and takes in
// every project table the department already keeps for the year. One transaction: the task is issued with
// all its drafts or not at all.
import { sealPersonal } from '../crypto/personal-data';
import type { DepartmentTable } from '../db/schema';
import { nowIso, type Deps } from '../deps';
import { AppError } from '../errors';
import { insertReport } from '../repositories/reports';
import { insertTaskDepartments, updateTask } from '../repositories/tasks';
import { insertVersion } from '../repositories/versions';
import { assertPerfAdmin, auditBy, loadTask, staleTask, taskView, type BureauActor, type TaskScope, type TaskView } from './bureau-shared';
import { chooseTemplate } from './create-report';
import { carriedDraft, furthestFirst } from './draft-origin';
import { syncReportUsage } from './library-usage';
import { inTransaction, projection } from './shared';

export interface IssueResult {
  task: TaskView;
  departments: number;
  created: number;
  attached: number;
}

async function scopeDepartments(db: Deps['db']['kysely'], bureauId: string, scope: TaskScope): Promise<DepartmentTable[]> {
  let q = db.selectFrom('departments').selectAll().where('bureau_id', '=', bureauId);
  if (scope.mode === 'sections') q = q.where('section_id', 'in', scope.sectionIds);
  if (scope.mode === 'picked') q = q.where('id', 'in', scope.departmentIds);
  return q.orderBy('budget_code').execute();
}

export async function issueTask(deps: Deps, o: { actor: BureauActor; id: string; ifMatch?: number | null }): Promise<IssueResult> {
  const t = await loadTask(deps, o.actor, o.id);
  assertPerfAdmin(o.actor, t.bureau_id);
  if (o.ifMatch != null && o.ifMatch !== t.version) throw staleTask();
  if (t.status !== 'draft') throw new AppError('INVALID_STATE', '任务已下达');
  const scope = JSON.parse(t.scope) as TaskScope;
  const at = nowIso(deps.clock);
  const who = o.actor?.id ?? 'cli';
  const dialect = deps.db.dialect;
  const template = await chooseTemplate(deps, t.bureau_id, t.template_id);
  const result = await inTransaction(deps, async (trx, audit) => {
    const departments = await scopeDepartments(trx, t.bureau_id, scope);
    if (!departments.length) throw new AppError('VALIDATION', '任务范围内没有部门，请先调整范围');
    if (!(await updateTask(trx, t.id, t.version, { status: 'issued', issued_by: who, issued_at: at, updated_by: who, updated_at: at }))) throw staleTask();
    await insertTaskDepartments(trx, departments.map((d) => ({ task_id: t.id, department_id: d.id, extended_due: null, extension_reason: null, added_at: at })));
    let created = 0;
    let attached = 0;
    for (const d of departments) {
      const own = await trx.selectFrom('reports').select(['id', 'status', 'updated_at']).where('department_id', '=', d.id).where('year', '=', t.year).where('kind', '=', t.kind).where('task_id', 'is', null).execute();
      if (t.kind === 'project') {
        for (const r of own) {
          await trx.updateTable('reports').set({ task_id: t.id }).where('id', '=', r.id).execute();
          await audit({ ...auditBy(o.actor), event: 'report_attach_task', objectType: 'report', objectId: r.id, detail: { taskId: t.id, departmentId: d.id } });
        }
        attached += own.length;
        continue;
      }
      if (own.length) {
        own.sort(furthestFirst);
        await trx.updateTable('reports').set({ task_id: t.id }).where('id', '=', own[0]!.id).execute();
        await audit({ ...auditBy(o.actor), event: 'report_attach_task', objectType: 'report', objectId: own[0]!.id, detail: { taskId: t.id, departmentId: d.id } });
        attached++;
        continue;
      }
      const { report, meta } = await carriedDraft(trx, deps.crypto, d, t.year, t.kind, template);
      const id = deps.random.uuid();
      const stored = sealPersonal(deps.crypto, report);
      await insertReport(trx, dialect, {
        id, bureau_id: d.bureau_id, department_id: d.id, department_name: d.name, year: t.year, kind: t.kind, template_id: report.templateId,
        status: 'draft', version: 1, document: stored, ...projection(report), finance_since: null, import_meta: null,
        created_by: who, created_at: at, updated_by: who, updated_at: at, task_id: t.id, carried: meta ? JSON.stringify(meta) : null,
      });
      await insertVersion(trx, { report_id: id, version: 1, status: 'draft', action: 'issue', user_id: who, created_at: at });
      // carried-over indicators keep their 指标库 ids: the library counts the new draft's use of them
      await syncReportUsage(trx, { id, bureau_id: d.bureau_id, department_id: d.id }, null, report);
      await audit({ ...auditBy(o.actor), event: 'report_create', objectType: 'report', objectId: id, detail: { year: t.year, departmentId: d.id, taskId: t.id, carriedFrom: meta?.fromReportId ?? null } });
      created++;
    }
    await audit({ ...auditBy(o.actor), event: 'task_issue', objectType: 'task', objectId: t.id, detail: { departments: departments.length, created, attached } });
    return { departments: departments.length, created, attached };
  });
  const fresh = await loadTask(deps, o.actor, t.id);
  return { task: taskView(fresh), ...result };
}
