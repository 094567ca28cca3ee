// 新建报告: a blank draft for the preparer's department and a year, on the template the request names,
// else the one the bureau's 绩效管理科 has activated, else the default; the report records its version.
import { field } from '../../core/forms/index';
import { PROJECT_TEMPLATE } from '../../core/model/empty';
import { blankProjectReport, emptyReport, type Report, type ReportKind } from '../../core/model/report';
import type { Template } from '../../core/model/template';
import { DEFAULT_TEMPLATE_ID, formOf, getTemplate, listTemplates as installed } from '../../core/templates/index';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { activeTemplate } from '../repositories/templates';
import { insertDraft, preparerDepartment } from './new-report';
import { reportView, type ReportView } from './report-view';
import { visibleTo } from './templates-shared';

/** The shipped template a kind's reports start on when nothing else is chosen. */
const SHIPPED: Record<ReportKind, [string, number | undefined]> = { overall: [DEFAULT_TEMPLATE_ID, undefined], project: [PROJECT_TEMPLATE.id, PROJECT_TEMPLATE.version] };

async function chooseTemplate(deps: Deps, bureauId: string, kind: ReportKind, templateId?: string): Promise<Template> {
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

const KIND_NAME: Record<ReportKind, string> = { overall: '部门整体支出绩效自评报告', project: '项目支出绩效自评表' };

export async function createReport(deps: Deps, o: { actor: Actor; year: number; templateId?: string; kind?: ReportKind }): Promise<ReportView> {
  const department = await preparerDepartment(deps, o.actor);
  const kind = o.kind ?? (o.templateId ? undefined : 'overall');
  const template = await chooseTemplate(deps, department.bureau_id, kind ?? 'overall', o.templateId);
  const form = formOf(template);
  if (kind && form.kind !== kind) throw new AppError('VALIDATION', `模板“${template.name}”的表单不是${KIND_NAME[kind]}，不能用于新建此类报告`);
  let report: Report;
  if (form.kind === 'project') {
    // a project of this department: it is the 主管部门 and, until the preparer says otherwise, the 实施单位
    report = blankProjectReport();
    report.project!.department = department.name;
    report.project!.implementer = department.name;
  } else {
    report = emptyReport();
    report.cover.budgetCode = department.budget_code;
    // the cover's fixed texts as the form gives them (评价方式 部门（单位）绩效自评 …)
    report.cover.evaluationMethod = field(form, 'cover.evaluationMethod').default ?? '';
    report.cover.evaluator = field(form, 'cover.evaluator').default ?? '';
  }
  report.year = o.year;
  report.templateId = template.id;
  report.templateVersion = template.version;
  report.cover.departmentName = department.name;
  const row = await insertDraft(deps, { actor: o.actor, department, report, action: 'create', auditDetail: {} });
  return reportView(deps, o.actor, row);
}
