// 绩效自评任务 and their rosters; the board's one query (roster ⟕ report ⟕ department ⟕ section).
import type { DB } from '../db/schema';
import type { TaskDepartmentTable, TaskTable } from '../db/schema-bureau';

export async function insertTask(db: DB, row: TaskTable): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

export async function findTask(db: DB, id: string): Promise<TaskTable | undefined> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTaskFor(db: DB, bureauId: string, year: number, kind: string): Promise<TaskTable | undefined> {
  return db.selectFrom('tasks').selectAll().where('bureau_id', '=', bureauId).where('year', '=', year).where('kind', '=', kind).executeTakeFirst();
}

export async function listTasks(db: DB, bureauId: string): Promise<TaskTable[]> {
  return db.selectFrom('tasks').selectAll().where('bureau_id', '=', bureauId).orderBy('year', 'desc').orderBy('kind').execute();
}

/** Compare-and-set on the task's version: true when this write won. */
export async function updateTask(db: DB, id: string, baseVersion: number, set: Partial<Omit<TaskTable, 'id' | 'version'>>): Promise<boolean> {
  const r = await db.updateTable('tasks').set({ ...set, version: baseVersion + 1 }).where('id', '=', id).where('version', '=', baseVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertTaskDepartments(db: DB, rows: TaskDepartmentTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('task_departments').values(rows.slice(i, i + 200)).execute();
}

export async function findTaskDepartment(db: DB, taskId: string, departmentId: string): Promise<TaskDepartmentTable | undefined> {
  return db.selectFrom('task_departments').selectAll().where('task_id', '=', taskId).where('department_id', '=', departmentId).executeTakeFirst();
}

export async function setExtension(db: DB, taskId: string, departmentId: string, due: string | null, reason: string | null): Promise<void> {
  await db.updateTable('task_departments').set({ extended_due: due, extension_reason: reason }).where('task_id', '=', taskId).where('department_id', '=', departmentId).execute();
}

/** Issued tasks of a bureau covering a department, newest year first. */
export async function tasksOfDepartment(db: DB, departmentId: string): Promise<Array<TaskTable & Pick<TaskDepartmentTable, 'extended_due'>>> {
  return db
    .selectFrom('task_departments as td')
    .innerJoin('tasks as t', 't.id', 'td.task_id')
    .selectAll('t')
    .select('td.extended_due')
    .where('td.department_id', '=', departmentId)
    .where('t.status', '=', 'issued')
    .orderBy('t.year', 'desc')
    .execute();
}

export interface BoardRow {
  department_id: string;
  department_name: string;
  budget_code: string;
  section_id: string | null;
  section_name: string | null;
  extended_due: string | null;
  extension_reason: string | null;
  report_id: string | null;
  status: string | null;
  version: number | null;
  updated_at: string | null;
  created_by: string | null;
  finance_since: string | null;
  self_score: number | null;
  grade: string | null;
  project_name: string | null;
}

/**
 * Every department of the roster with its report heads (no document), in 预算编码 order: one row per report
 * (a 项目支出 task has one per project of a department, in the order they were made), one with no report
 * for a department that has none.
 */
export async function boardRows(db: DB, taskId: string, sectionId?: string | null): Promise<BoardRow[]> {
  let q = db
    .selectFrom('task_departments as td')
    .innerJoin('departments as d', 'd.id', 'td.department_id')
    .leftJoin('sections as s', 's.id', 'd.section_id')
    .leftJoin('reports as r', (j) => j.onRef('r.task_id', '=', 'td.task_id').onRef('r.department_id', '=', 'td.department_id'))
    .select([
      'd.id as department_id', 'd.name as department_name', 'd.budget_code', 'd.section_id', 's.name as section_name',
      'td.extended_due', 'td.extension_reason',
      'r.id as report_id', 'r.status', 'r.version', 'r.updated_at', 'r.created_by', 'r.finance_since', 'r.self_score', 'r.grade', 'r.project_name',
    ])
    .where('td.task_id', '=', taskId);
  if (sectionId) q = q.where('d.section_id', '=', sectionId);
  return q.orderBy('d.budget_code').orderBy('r.created_at').orderBy('r.id').execute();
}
