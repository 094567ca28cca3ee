// 新建报告: a blank draft of the official template for the preparer's department and a year.
import { emptyReport } from '../../core/model/report';
import { listTemplates } from '../../core/templates/index';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import type { Deps } from '../deps';
import { insertDraft, preparerDepartment } from './new-report';
import { reportView, type ReportView } from './report-view';

export async function createReport(deps: Deps, o: { actor: Actor; year: number; templateId?: string }): Promise<ReportView> {
  const department = await preparerDepartment(deps, o.actor);
  if (o.templateId && !listTemplates().some((t) => t.id === o.templateId))
    throw new AppError('VALIDATION', `未知的评分表模板“${o.templateId}”，可选：${listTemplates().map((t) => t.id).join('、')}`);
  const report = emptyReport();
  report.year = o.year;
  if (o.templateId) report.templateId = o.templateId;
  report.cover.departmentName = department.name;
  report.cover.budgetCode = department.budget_code;
  report.cover.evaluationMethod = '部门(单位)绩效自评';
  report.cover.evaluator = '部门(单位)评价组';
  const row = await insertDraft(deps, { actor: o.actor, department, report, action: 'create', auditDetail: {} });
  return reportView(deps, o.actor, row);
}
