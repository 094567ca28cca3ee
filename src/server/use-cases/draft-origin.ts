// Where a new draft comes from and where it belongs: last year's report of the department (carried
// over: core/bureau/carry-over.ts), last year's 整改 items, and the issued task of its year: a 部门整体 task
// allows one report per department (the unique index reports_task_department_overall is the final word), a
// 项目支出 task one per project of the department.
import { carryOver, type CarriedOver, type PriorIssueInput } from '../../core/bureau/carry-over';
import { projectKey } from '../../core/bureau/project-key';
import { addPriorIssueFindings } from '../../core/check';
import type { ExpectedPriorIssue } from '../../core/rules/prior-issues';
import type { ReportRow } from '../repositories/reports';
import type { Checked } from './shared';
import type { DB, DepartmentTable } from '../db/schema';
import type { TaskTable } from '../db/schema-bureau';
import { AppError } from '../errors';
import { decodeJson } from '../repositories/json';
import { itemsOfYear } from '../repositories/rectifications';
import type { Report } from '../../core/model/report';
import type { Template } from '../../core/model/template';
import { openPersonal } from '../crypto/personal-data';
import type { CryptoProvider } from '../crypto/provider';
import { findTaskDepartment, findTaskFor } from '../repositories/tasks';

/** Later in the workflow is the better source: a published report is what the department stood by. */
const RANK: Record<string, number> = { published: 0, accepted: 1, finance_review: 2, submitted: 3, dept_review: 4, returned: 5, draft: 6 };

/** Furthest along first, then the latest saved: which of a department's reports of a year counts. */
export function furthestFirst(a: { status: string; updated_at: string }, b: { status: string; updated_at: string }): number {
  return (RANK[a.status] ?? 9) - (RANK[b.status] ?? 9) || (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0);
}

/** The report the department stood by in `year`, its personal fields opened (they are stored sealed). */
export async function previousReport(db: DB, crypto: Pick<CryptoProvider, 'open'>, departmentId: string, year: number, kind: string): Promise<{ id: string; report: Report } | null> {
  const rows = await db.selectFrom('reports').select(['id', 'status', 'updated_at']).where('department_id', '=', departmentId).where('year', '=', year).where('kind', '=', kind).execute();
  if (!rows.length) return null;
  rows.sort(furthestFirst);
  const doc = await db.selectFrom('reports').select('document').where('id', '=', rows[0]!.id).executeTakeFirstOrThrow();
  return { id: rows[0]!.id, report: openPersonal(crypto, decodeJson<Report>(doc.document)) };
}

/** Last year's 整改 items of the department, as the carry-over and the X8 rule take them. */
export async function priorItems(db: DB, departmentId: string, year: number): Promise<PriorIssueInput[]> {
  return (await itemsOfYear(db, departmentId, year - 1)).map((i) => ({
    itemId: i.id, problem: i.problem, requirement: i.requirement, dueDate: i.due_date, answer: i.answer, accepted: i.status === 'accepted',
  }));
}

export async function expectedPriorIssues(db: DB, departmentId: string, year: number | null): Promise<ExpectedPriorIssue[]> {
  if (year == null) return [];
  return (await itemsOfYear(db, departmentId, year - 1)).map((i) => ({ itemId: i.id, problem: i.problem }));
}

export interface CarriedMeta {
  fromYear: number | null;
  fromReportId: string | null;
  items: string[];
}

/** A new draft for a department and year, carried over from its previous year. */
export async function carriedDraft(db: DB, crypto: Pick<CryptoProvider, 'open'>, department: Pick<DepartmentTable, 'id' | 'name' | 'budget_code'>, year: number, kind: string, template: Template): Promise<CarriedOver & { meta: CarriedMeta | null }> {
  const prev = await previousReport(db, crypto, department.id, year - 1, kind);
  const prior = await priorItems(db, department.id, year);
  const c = carryOver(prev?.report ?? null, { year, departmentName: department.name, budgetCode: department.budget_code, template }, prior);
  const meta = c.carried.length ? { fromYear: c.fromYear, fromReportId: prev?.id ?? null, items: c.carried } : null;
  return { ...c, meta };
}

/** The issued task a department's report of this year belongs to, when the department is on its roster. */
export async function taskFor(db: DB, department: Pick<DepartmentTable, 'id' | 'bureau_id'>, year: number | null, kind: string): Promise<TaskTable | null> {
  if (year == null) return null;
  const task = await findTaskFor(db, department.bureau_id, year, kind);
  if (!task || task.status !== 'issued') return null;
  return (await findTaskDepartment(db, task.id, department.id)) ? task : null;
}

/**
 * Refuses what the task cannot take: a second report of a department for a 部门整体 task, and for a
 * 项目支出 task a second table of the same project (a table without a name yet is refused nothing: the
 * department names it while filling in). Renames on save are not checked: a save never fails for a name.
 */
export async function assertTaskTakes(db: DB, task: TaskTable, departmentId: string, projectName?: string | null): Promise<void> {
  if (task.kind !== 'project') return assertNoTaskReport(db, task, departmentId);
  const key = projectKey(projectName);
  if (!key) return;
  const rows = await db.selectFrom('reports').select(['id', 'project_name']).where('task_id', '=', task.id).where('department_id', '=', departmentId).where('kind', '=', 'project').orderBy('created_at').execute();
  const same = rows.find((r) => projectKey(r.project_name) === key);
  if (same)
    throw new AppError('CONFLICT', `本部门在${task.year}年度项目支出自评任务中已有项目“${projectName!.trim()}”的自评表（报告编号 ${same.id}），同一项目只能有一份。请在该报告中填报，或用该报告的“导入到本草稿”导入文件`, { reportId: same.id });
}

/** Refuses a second report of a department for a 部门整体 task. */
async function assertNoTaskReport(db: DB, task: TaskTable, departmentId: string): Promise<void> {
  const existing = await db.selectFrom('reports').select(['id', 'status']).where('task_id', '=', task.id).where('department_id', '=', departmentId).executeTakeFirst();
  if (existing)
    throw new AppError('CONFLICT', `本部门已有${task.year}年度自评任务的报告（每个部门每项任务只能有一份报告）。请在该报告中填报${existing.status === 'draft' ? '，或先删除该草稿再新建或导入' : ''}`, { reportId: existing.id });
}

/** The cached checks plus last year's 整改 items the report leaves out (rule X8), which change with the notices, not the report. */
export async function withPriorIssueChecks(db: DB, row: Pick<ReportRow, 'department_id' | 'year' | 'document' | 'template_id'>, checked: Checked, expected?: readonly ExpectedPriorIssue[]): Promise<Checked> {
  const items = expected ?? (await expectedPriorIssues(db, row.department_id, row.year));
  return items.length ? { ...checked, findings: addPriorIssueFindings(checked.findings, row.document, items) } : checked;
}
