// 新建报告: a draft of the official template for the preparer's department and a year, carried over from
// the department's previous year (core/bureau/carry-over.ts). When the year's task covers the department
// the draft belongs to it, and a second one is refused.
import { listTemplates } from '../../core/templates/index';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../db/errors';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { assertNoTaskReport, carriedDraft, taskFor } from './draft-origin';
import { insertDraft, preparerDepartment } from './new-report';
import { reportView, type ReportView } from './report-view';

export async function createReport(deps: Deps, o: { actor: Actor; year: number; templateId?: string }): Promise<ReportView> {
  const department = await preparerDepartment(deps, o.actor);
  if (o.templateId && !listTemplates().some((t) => t.id === o.templateId))
    throw new AppError('VALIDATION', `未知的评分表模板“${o.templateId}”，可选：${listTemplates().map((t) => t.id).join('、')}`);
  const db = deps.db.kysely;
  const task = await taskFor(db, department, o.year, 'overall');
  if (task) await assertNoTaskReport(db, task, department.id);
  const { report, meta } = await carriedDraft(db, department, o.year, 'overall', o.templateId ?? task?.template_id);
  try {
    const row = await insertDraft(deps, { actor: o.actor, department, report, action: 'create', auditDetail: meta ? { carriedFrom: meta.fromReportId } : {}, taskId: task?.id ?? null, carried: meta });
    return reportView(deps, o.actor, row);
  } catch (err) {
    if (task && isUniqueViolation(err)) await assertNoTaskReport(db, task, department.id);
    throw err;
  }
}
