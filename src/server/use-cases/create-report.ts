// 新建报告: a draft for the preparer's department and a year, on the template the request names, else the
// year's task's, else the one the bureau's 绩效管理科 has activated, else the default (the report records its
// version), carried over from the department's previous year (core/bureau/carry-over.ts). When the
// year's task covers the department the draft belongs to it, and a second one of a 部门整体 task is refused.
import { PROJECT_TEMPLATE } from '../../core/model/empty';
import type { ReportKind } from '../../core/model/report';
import type { Template } from '../../core/model/template';
import { DEFAULT_TEMPLATE_ID, formOf, getTemplate, listTemplates as installed } from '../../core/templates/index';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../db/errors';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { activeTemplate } from '../repositories/templates';
import { assertTaskTakes, carriedDraft, taskFor } from './draft-origin';
import { insertDraft, preparerDepartment } from './new-report';
import { reportView, type ReportView } from './report-view';
import { visibleTo } from './templates-shared';

/** The shipped template a kind's reports start on when nothing else is chosen. */
const SHIPPED: Record<ReportKind, [string, number | undefined]> = { overall: [DEFAULT_TEMPLATE_ID, undefined], project: [PROJECT_TEMPLATE.id, PROJECT_TEMPLATE.version] };
const KIND_NAME: Record<ReportKind, string> = { overall: '部门整体支出绩效自评报告', project: '项目支出绩效自评表' };

/** The template a new report of the bureau is made on (also a task's, by its id); without one, the kind's active or shipped one. */
export async function chooseTemplate(deps: Deps, bureauId: string, templateId?: string, kind: ReportKind = 'overall'): Promise<Template> {
  if (!deps.templates) {
    if (!templateId) return getTemplate(...SHIPPED[kind]);
    const t = installed().find((x) => x.id === templateId);
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
  const active = await activeTemplate(deps.db.kysely, bureauId, kind);
  const chosen = active && reg.get(active.template_id, active.template_version);
  return chosen && formOf(chosen).kind === kind ? chosen : reg.require(...SHIPPED[kind]);
}

export async function createReport(deps: Deps, o: { actor: Actor; year: number; templateId?: string; kind?: ReportKind }): Promise<ReportView> {
  const department = await preparerDepartment(deps, o.actor);
  const db = deps.db.kysely;
  // the kind asked for, else the named template's form's, else 部门整体
  const named = o.templateId ? await chooseTemplate(deps, department.bureau_id, o.templateId) : null;
  const kind: ReportKind = o.kind ?? (named ? formOf(named).kind : 'overall');
  if (named && formOf(named).kind !== kind) throw new AppError('VALIDATION', `模板“${named.name}”的表单不是${KIND_NAME[kind]}，不能用于新建此类报告`);
  const task = await taskFor(db, department, o.year, kind);
  // a new 项目支出 table has no name yet: a project task takes it (the name is checked when imported)
  if (task) await assertTaskTakes(db, task, department.id);
  const template = named ?? (await chooseTemplate(deps, department.bureau_id, task?.template_id, kind));
  const { report, meta } = await carriedDraft(db, deps.crypto, department, o.year, kind, template);
  try {
    const row = await insertDraft(deps, { actor: o.actor, department, report, action: 'create', auditDetail: meta ? { carriedFrom: meta.fromReportId } : {}, taskId: task?.id ?? null, carried: meta });
    return reportView(deps, o.actor, row);
  } catch (err) {
    if (task && isUniqueViolation(err)) await assertTaskTakes(db, task, department.id);
    throw err;
  }
}
