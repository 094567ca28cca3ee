// 新建报告: a draft for the preparer's department and a year, on the template the request names, else the
// year's task's, else the one the bureau's 绩效管理科 has activated, else the default (the report records its
// version), carried over from the department's previous year (core/bureau/carry-over.ts). When the
// year's task covers the department the draft belongs to it, and a second one is refused.
import type { Template } from '../../core/model/template';
import { DEFAULT_TEMPLATE_ID, listTemplates as installed } from '../../core/templates/index';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../db/errors';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { activeTemplate } from '../repositories/templates';
import { assertNoTaskReport, carriedDraft, taskFor } from './draft-origin';
import { insertDraft, preparerDepartment } from './new-report';
import { reportView, type ReportView } from './report-view';
import { visibleTo } from './templates-shared';

/** The template a new report of the bureau is made on (also a task's, by its id). */
export async function chooseTemplate(deps: Deps, bureauId: string, templateId?: string): Promise<Template> {
  if (!deps.templates) {
    const t = installed().find((x) => x.id === (templateId ?? DEFAULT_TEMPLATE_ID));
    if (!t) throw new AppError('VALIDATION', `未知的评分表模板“${templateId}”，可选：${installed().map((x) => x.id).join('、')}`);
    return t;
  }
  const reg = deps.templates.registry;
  await deps.templates.sync();
  if (templateId) {
    const t = reg.get(templateId);
    if (!t || !visibleTo(deps, bureauId, t)) {
      const ids = reg.list().filter((x) => visibleTo(deps, bureauId, x)).map((x) => x.id);
      throw new AppError('VALIDATION', `未知的评分表模板“${templateId}”，可选：${ids.join('、')}`);
    }
    return t;
  }
  const active = await activeTemplate(deps.db.kysely, bureauId, 'overall');
  return (active && reg.get(active.template_id, active.template_version)) ?? reg.require(DEFAULT_TEMPLATE_ID);
}

export async function createReport(deps: Deps, o: { actor: Actor; year: number; templateId?: string }): Promise<ReportView> {
  const department = await preparerDepartment(deps, o.actor);
  const db = deps.db.kysely;
  const task = await taskFor(db, department, o.year, 'overall');
  if (task) await assertNoTaskReport(db, task, department.id);
  const template = await chooseTemplate(deps, department.bureau_id, o.templateId ?? task?.template_id);
  const { report, meta } = await carriedDraft(db, deps.crypto, department, o.year, 'overall', template);
  try {
    const row = await insertDraft(deps, { actor: o.actor, department, report, action: 'create', auditDetail: meta ? { carriedFrom: meta.fromReportId } : {}, taskId: task?.id ?? null, carried: meta });
    return reportView(deps, o.actor, row);
  } catch (err) {
    if (task && isUniqueViolation(err)) await assertNoTaskReport(db, task, department.id);
    throw err;
  }
}
