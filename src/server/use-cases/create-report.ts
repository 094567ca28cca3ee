// 新建报告: a blank draft for the preparer's department and a year, on the template the request names,
// else the one the bureau's 绩效管理科 has activated, else the default; the report records its version.
import { field } from '../../core/forms/index';
import { emptyReport } from '../../core/model/report';
import type { Template } from '../../core/model/template';
import { DEFAULT_TEMPLATE_ID, formOf, listTemplates as installed } from '../../core/templates/index';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { activeTemplate } from '../repositories/templates';
import { insertDraft, preparerDepartment } from './new-report';
import { reportView, type ReportView } from './report-view';
import { visibleTo } from './templates-shared';

async function chooseTemplate(deps: Deps, bureauId: string, templateId?: string): Promise<Template> {
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
  const template = await chooseTemplate(deps, department.bureau_id, o.templateId);
  const form = formOf(template);
  const report = emptyReport();
  report.year = o.year;
  report.templateId = template.id;
  report.templateVersion = template.version;
  report.cover.departmentName = department.name;
  report.cover.budgetCode = department.budget_code;
  // the cover's fixed texts as the form gives them (评价方式 部门（单位）绩效自评 …)
  report.cover.evaluationMethod = field(form, 'cover.evaluationMethod').default ?? '';
  report.cover.evaluator = field(form, 'cover.evaluator').default ?? '';
  const row = await insertDraft(deps, { actor: o.actor, department, report, action: 'create', auditDetail: {} });
  return reportView(deps, o.actor, row);
}
