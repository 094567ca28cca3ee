// A report path in the words of the form: "二、收支情况 · 三公经费表 · 局机关 · 公务接待费".
// Used wherever a path is shown to a person: merge dialog, history diff, return reasons.
import { FINANCE_TABLES, SUMMARY_ROW_LABEL, columnLabel } from '../../../src/core/model/layout';
import type { FinanceTableKey, Report } from '../../../src/core/model/report';
import { parsePath } from './paths';

const FIELD: Record<string, string> = {
  'cover.title': '标题',
  'cover.region': '地区',
  'cover.issuer': '制发单位',
  'cover.departmentName': '部门(单位)名称',
  'cover.budgetCode': '预算编码',
  'cover.evaluationMethod': '评价方式',
  'cover.evaluator': '评价机构',
  'cover.reportDate': '报告日期',
  'overview.contact': '联系人',
  'overview.phone': '联络电话',
  'overview.staffQuota': '人员编制',
  'overview.actualStaff': '实有人数',
  'overview.duties': '职能职责概述',
  'overview.tasks': '年度主要工作内容',
  'overview.achievements': '年度总体运行情况及取得的成绩',
  'performance.qualitative': '定性目标',
  'performance.indicators': '定量指标',
  'performance.selfScore': '绩效自评综合得分',
  'performance.grade': '评价等次',
  'signoffs.leader': '评价组组长',
  'signoffs.department': '部门(单位)意见',
  'signoffs.finance': '财政部门归口业务科室意见',
  'preparer.name': '填报人',
  'preparer.phone': '填报人联系电话',
  evaluators: '评价人员',
  narrative: '评价报告综述',
  basics: '评分基础数据',
  year: '年度',
};

const SECTION: Record<string, string> = {
  cover: '封面',
  overview: '一、基本概况',
  finance: '二、收支情况',
  performance: '三、绩效自评',
  evaluators: '四、评价人员',
  signoffs: '四、签署意见',
  preparer: '四、填报人',
  narrative: '五、综述',
  basics: '评分基础数据',
  scoreSheet: '评分表',
};

const INDICATOR_FIELD: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  kind: '指标性质',
  operator: '指标性质',
  target: '指标值',
  targetValue: '指标值',
  unit: '单位',
  actual: '完成值',
  actualValue: '完成值',
  deviationReason: '偏差原因',
  weight: '分值',
  score: '得分',
  libraryId: '指标库引用',
};

const SIGNOFF_FIELD: Record<string, string> = { opinion: '意见', signer: '签字', date: '日期' };

const BASICS: Record<string, string> = {
  threePublicPriorYear: '上年度三公经费',
  threePublicBudget: '三公经费预算安排数',
  budgetInitial: '年初预算数',
  budgetAdjusted: '调整后预算数',
  budgetAdjustment: '预算调整数',
  keyProjectSpending: '重点项目支出',
  projectBudget: '项目支出预算',
  publicBudget: '公用经费预算',
  procurementBudget: '政府采购预算',
  procurementActual: '实际政府采购金额',
  lateSpecialFunds: '未按进度拨付的专项数',
};

export function describePath(report: Report | null, path: string): string {
  const t = parsePath(path);
  const [root, a, b, c] = t;
  if (root === undefined) return '整份报告';
  const section = SECTION[String(root)] ?? String(root);
  if (root === 'finance' && typeof a === 'string') {
    const def = FINANCE_TABLES.find((d) => d.key === a);
    const parts = [section, def?.title ?? a];
    if (typeof b === 'number') {
      const row = report?.finance[a as FinanceTableKey]?.[b];
      parts.push(row ? (row.kind === 'summary' ? SUMMARY_ROW_LABEL : row.institution || `第${b + 1}行`) : `第${b + 1}行`);
      if (typeof c === 'string') parts.push(c === 'institution' ? '机构名称' : columnLabel(a as FinanceTableKey, c));
    }
    return parts.join(' · ');
  }
  if (root === 'performance' && a === 'indicators' && typeof b === 'number') {
    const ind = report?.performance.indicators[b];
    const name = ind?.name ? `“${ind.name.length > 14 ? `${ind.name.slice(0, 14)}…` : ind.name}”` : '';
    const parts = [section, `定量指标第${b + 1}项${name}`];
    if (typeof c === 'string') parts.push(INDICATOR_FIELD[c] ?? c);
    return parts.join(' · ');
  }
  if (root === 'performance' && a === 'qualitative' && typeof b === 'number')
    return [section, `定性目标第${b + 1}项`, c === 'target' ? '预期目标' : c === 'result' ? '实际完成' : ''].filter(Boolean).join(' · ');
  if (root === 'signoffs' && typeof a === 'string')
    return [section, FIELD[`signoffs.${a}`] ?? a, typeof b === 'string' ? SIGNOFF_FIELD[b] ?? b : ''].filter(Boolean).join(' · ');
  if (root === 'evaluators' && typeof a === 'number') {
    const f: Record<string, string> = { name: '姓名', title: '职务/职称', unit: '单位', signature: '签字' };
    return [section, `第${a + 1}人`, typeof b === 'string' ? f[b] ?? b : ''].filter(Boolean).join(' · ');
  }
  if (root === 'narrative' && typeof a === 'number') {
    const s = report?.narrative[a];
    return [section, s?.heading || `第${a + 1}部分`].join(' · ');
  }
  if (root === 'overview' && a === 'tasks' && typeof b === 'number') return [section, `年度主要工作内容 · 任务${b + 1}`].join(' · ');
  if (root === 'basics' && typeof a === 'string') return [section, BASICS[a] ?? a].join(' · ');
  const key = t.slice(0, 2).join('.');
  const label = FIELD[key] ?? FIELD[String(root)];
  return label && label !== section ? `${section} · ${label}` : section;
}

export { BASICS as BASICS_LABEL };
