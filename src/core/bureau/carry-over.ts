// 从上年结转 (start from last year): a new draft takes over what a department would otherwise retype from
// its previous year's report — cover, 基本概况, the row sets of the four tables, last year's 三公经费 决算
// as this year's 上年数 (for the 变动率), the indicators without their actuals, the evaluation team —
// and last year's 整改 items as 上年问题整改情况. What is year-specific (amounts, actuals, scores,
// signatures, the narrative, the year's tasks and achievements) starts blank. `carried` says what was
// taken, in the words the editor shows.
import { field } from '../forms/index';
import { blankProjectReport, blankReport } from '../model/empty';
import type { PriorIssue, Report } from '../model/report';
import type { Template } from '../model/template';
import { columnFigure } from '../scoring/finance-columns';
import { formOf, templateFor } from '../templates/index';

export interface CarryTarget {
  year: number;
  departmentName: string;
  budgetCode: string;
  /** the template (and version) the new report is made on; else last year's, else the default */
  template?: Template;
}

export interface CarriedOver {
  report: Report;
  /** the year carried from, null when there was nothing to carry */
  fromYear: number | null;
  /** what was carried, e.g. "封面", "三公经费上年数 2.5285 万元" */
  carried: string[];
}

/** A rectification item (整改通知的一项) as next year's report lists it. */
export interface PriorIssueInput {
  itemId: string;
  problem: string;
  requirement: string;
  dueDate: string | null;
  /** what the department answered on the notice, offered as the start of 整改情况 */
  answer: string;
  /** the bureau accepted the answer (销号) */
  accepted: boolean;
}

function blankRows<R extends { institution: string; kind: string }>(rows: readonly R[]): R[] {
  return rows.map((r) => {
    const out: Record<string, unknown> = { institution: r.institution, kind: r.kind };
    for (const k of Object.keys(r)) if (k !== 'institution' && k !== 'kind') out[k] = null;
    return out as R;
  });
}

export function priorIssuesOf(items: readonly PriorIssueInput[]): PriorIssue[] {
  return items.map((i) => ({
    itemId: i.itemId,
    problem: i.problem,
    requirement: i.requirement,
    dueDate: i.dueDate,
    measures: i.answer,
    status: i.accepted ? '已整改' : '',
  }));
}

export function carryOver(prev: Report | null, target: CarryTarget, prior: readonly PriorIssueInput[] = []): CarriedOver {
  const template0 = target.template ?? (prev ? templateFor(prev) : templateFor(blankReport()));
  if (formOf(template0).kind === 'project') return projectDraft(target, template0);
  const r = blankReport();
  r.year = target.year;
  const template = template0;
  r.templateId = template.id;
  r.templateVersion = template.version;
  r.cover.departmentName = target.departmentName;
  r.cover.budgetCode = target.budgetCode;
  // the cover's fixed texts as the form gives them (评价方式 部门（单位）绩效自评 …)
  const form = formOf(template);
  r.cover.evaluationMethod = field(form, 'cover.evaluationMethod').default ?? '';
  r.cover.evaluator = field(form, 'cover.evaluator').default ?? '';
  r.priorIssues = priorIssuesOf(prior);
  const carried: string[] = [];
  if (prior.length) carried.push(`上年问题整改情况 ${prior.length} 项`);
  if (!prev) return { report: r, fromYear: null, carried };

  const p = structuredClone(prev);
  const fromYear = p.year;
  // the title names the year: 岳阳市2021年度… becomes 岳阳市2022年度…
  r.cover.title = fromYear != null && p.cover.title.includes(String(fromYear)) ? p.cover.title.split(String(fromYear)).join(String(target.year)) : p.cover.title;
  r.cover.region = p.cover.region;
  r.cover.issuer = p.cover.issuer;
  r.cover.evaluationMethod = p.cover.evaluationMethod || r.cover.evaluationMethod;
  r.cover.evaluator = p.cover.evaluator || r.cover.evaluator;
  carried.push('封面');

  const o = p.overview;
  r.overview = { ...r.overview, contact: o.contact, phone: o.phone, staffQuota: o.staffQuota, actualStaff: o.actualStaff, duties: o.duties };
  carried.push('基本概况（联系人、电话、编制与实有人数、职能职责）');

  r.finance = {
    income: blankRows(p.finance.income),
    expenditure: blankRows(p.finance.expenditure),
    threePublic: blankRows(p.finance.threePublic),
    fixedAssets: blankRows(p.finance.fixedAssets),
  };
  const subs = p.finance.income.filter((x) => x.kind === 'sub').length;
  if (Object.values(r.finance).some((t) => t.length)) carried.push(`四张表的行（局机关${subs ? `及 ${subs} 个二级机构` : ''}），金额留空`);

  // last year's 决算 is this year's 上年数: the 汇总 row, or the institutions' sum when it is blank
  const three = columnFigure(p.finance.threePublic, 'total', false);
  if (three) {
    r.basics.threePublicPriorYear = three.text;
    carried.push(`上年度三公经费 ${three.text} 万元（${fromYear ?? '上'}年度决算数，用于三公经费变动率）`);
  }

  r.performance.qualitative = p.performance.qualitative.map((q) => ({ target: q.target, result: '' }));
  // indicators whole (names, categories, operators, units, targets, weights and whatever else they
  // carry, such as a library id) except what the year measured
  r.performance.indicators = p.performance.indicators.map((x) => ({ ...x, actual: '', actualValue: null, score: null, deviationReason: '' }));
  if (r.performance.indicators.length) carried.push(`绩效指标 ${r.performance.indicators.length} 项（名称、类别、指标值，完成值留空）`);
  if (r.performance.qualitative.length) carried.push(`定性目标 ${r.performance.qualitative.length} 项（完成情况留空）`);

  r.evaluators = p.evaluators.map((e) => ({ ...e, signature: '' }));
  if (r.evaluators.length) carried.push(`评价人员 ${r.evaluators.length} 人（签名留空）`);
  r.preparer = { ...p.preparer };
  r.narrative = p.narrative.map((s) => ({ key: s.key, heading: s.heading, text: '' }));
  return { report: r, fromYear, carried };
}

/**
 * A new 项目支出绩效自评表: each year's project table stands on its own (nothing is carried from last year's);
 * the department is its 主管部门 and, until the preparer says otherwise, its 实施单位.
 */
function projectDraft(target: CarryTarget, template: Template): CarriedOver {
  const r = blankProjectReport();
  r.year = target.year;
  r.templateId = template.id;
  r.templateVersion = template.version;
  r.cover.departmentName = target.departmentName;
  r.project!.department = target.departmentName;
  r.project!.implementer = target.departmentName;
  return { report: r, fromYear: null, carried: [] };
}
