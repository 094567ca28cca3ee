// Structural checks of a form descriptor that its zod schema cannot state: every path names a place of the
// report model, every reference (section → field, table → row set, identity → column) resolves, keys are
// unique, widths fit the columns. Run once when a template loads; messages name the JSON path.
import { blankProject, blankReport } from '../model/empty';
import { CEILING, FUND_ROWS } from '../model/report';
import type { ColumnNode, FormDescriptor } from './schema';

/** A problem at a JSON path of the descriptor ("form.tables[1].identities[0].parts[2]"). */
export interface FormProblem {
  at: string;
  message: string;
}

// project parts are a project report's only, but a path into them names a place of the model
// and the 执行率 line of the 部门整体 自评表 (10号 附件2) is only on forms that print it
const blank = blankReport();
const BLANK = { ...blank, project: blankProject(), basics: { ...blank.basics, executionWeight: null, executionRate: '', executionScore: null } } as unknown as Record<string, unknown>;

/** Whether a report path names a place a blank report has (a value, a list or a group). */
export function reportHas(path: string): boolean {
  let cur: unknown = BLANK;
  for (const part of path.split('.')) {
    if (cur == null || typeof cur !== 'object' || Array.isArray(cur) || !(part in (cur as object))) return false;
    cur = (cur as Record<string, unknown>)[part];
  }
  return true;
}

function leafKeys(nodes: readonly ColumnNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.children) leafKeys(n.children, out);
    else if (n.key) out.push(n.key);
  }
  return out;
}

function columnProblems(nodes: readonly ColumnNode[], at: string, problems: FormProblem[]): void {
  nodes.forEach((n, i) => {
    const here = `${at}[${i}]`;
    if (n.children && n.key) problems.push({ at: here, message: `“${n.label}”有下级列，不应再有 key` });
    if (!n.children && !n.key) problems.push({ at: here, message: `末级列“${n.label}”缺少 key（报告中对应的字段名）` });
    if (n.children) columnProblems(n.children, `${here}.children`, problems);
  });
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** Every problem of the descriptor, empty when it can be used. `at` is relative to `base` (e.g. "form"). */
export function formProblems(form: FormDescriptor, base = 'form'): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (at: string, message: string) => problems.push({ at: `${base}.${at}`, message });
  const fields = new Set(form.fields.map((f) => f.path));
  for (const d of duplicates(form.fields.map((f) => f.path))) add('fields', `字段 ${d} 重复定义`);
  form.fields.forEach((f, i) => {
    if (!reportHas(f.path)) add(`fields[${i}].path`, `报告模型中没有 ${f.path}`);
  });
  for (const d of duplicates(form.sections.map((s) => s.key))) add('sections', `栏目 ${d} 重复定义`);
  const tableKeys = new Set(form.tables.map((t) => t.key));
  form.sections.forEach((s, i) => {
    s.fields.forEach((p, j) => {
      if (!fields.has(p)) add(`sections[${i}].fields[${j}]`, `栏目“${s.label}”引用的字段 ${p} 未在 fields 中定义`);
    });
    s.tables.forEach((k, j) => {
      if (!tableKeys.has(k)) add(`sections[${i}].tables[${j}]`, `栏目“${s.label}”引用的表格 ${k} 未在 tables 中定义`);
    });
    s.roots.forEach((r, j) => {
      if (!reportHas(r)) add(`sections[${i}].roots[${j}]`, `报告模型中没有 ${r}`);
    });
  });
  for (const d of duplicates(form.tables.map((t) => t.key))) add('tables', `表格 ${d} 重复定义`);
  form.tables.forEach((t, i) => {
    const at = `tables[${i}]`;
    if (!reportHas(t.path)) add(`${at}.path`, `报告模型中没有 ${t.path}`);
    if (!form.rowSets[t.rows]) add(`${at}.rows`, `表格“${t.name}”引用的行组 ${t.rows} 未在 rowSets 中定义`);
    columnProblems(t.columns, `${at}.columns`, problems);
    const keys = leafKeys(t.columns);
    for (const d of duplicates(keys)) add(`${at}.columns`, `表格“${t.name}”的列 ${d} 重复`);
    if (!keys.includes(t.anchor)) add(`${at}.anchor`, `表格“${t.name}”没有列 ${t.anchor}`);
    if (t.widths.length !== keys.length + 1) {
      add(`${at}.widths`, `表格“${t.name}”有${keys.length + 1}列（含${form.rowSets[t.rows]?.header ?? '行名'}列），widths 给了${t.widths.length}个宽度`);
    }
    t.identities.forEach((id, j) => {
      for (const [k, col] of [['total', id.total], ...id.parts.map((p, n) => [`parts[${n}]`, p])] as Array<[string, string]>) {
        if (!keys.includes(col)) add(`${at}.identities[${j}].${k}`, `表格“${t.name}”没有列 ${col}`);
      }
    });
  });
  for (const [k, rs] of Object.entries(form.rowSets)) {
    if (!rs.blank.includes('summary')) add(`rowSets.${k}.blank`, '空白表的行须包含汇总行（summary）');
  }
  const g = form.indicators;
  if (!reportHas(g.path)) add('indicators.path', `报告模型中没有 ${g.path}`);
  if (!reportHas(g.qualitative.path)) add('indicators.qualitative.path', `报告模型中没有 ${g.qualitative.path}`);
  if (!reportHas(form.people.evaluators.path)) add('people.evaluators.path', `报告模型中没有 ${form.people.evaluators.path}`);
  for (const d of duplicates(form.narrative.map((n) => n.key))) add('narrative', `综述部分 ${d} 重复定义`);
  for (const [k, v] of Object.entries(form.limits)) {
    const ceiling = k === 'sources' ? CEILING.sources : /Items$|^(tableRows|indicators|qualitative|evaluators|narrativeParts|scoreItems|listItems)$/.test(k) ? CEILING.items : CEILING.text;
    if (v > ceiling) add(`limits.${k}`, `不能超过系统上限 ${ceiling}`);
  }
  projectProblems(form, add);
  form.cover.printed.forEach((p, i) => {
    if (!fields.has(p)) add(`cover.printed[${i}]`, `封面引用的字段 ${p} 未在 fields 中定义`);
  });
  return problems;
}

const FUND_COLUMNS = ['initial', 'annual', 'executed'];
const EXECUTION = ['weight', 'rate', 'score'];

/** A project form's 项目资金 grid names the model's rows and columns; its indicator section names grid columns. */
function projectProblems(form: FormDescriptor, add: (at: string, message: string) => void): void {
  const p = form.project;
  if (form.kind === 'project' && !p) add('project', '项目支出表单须有 project（项目资金、年度总体目标）');
  if (!p) return;
  const rows = p.funds.rows.map((r) => r.key);
  p.funds.rows.forEach((r, i) => {
    if (!(FUND_ROWS as readonly string[]).includes(r.key)) add(`project.funds.rows[${i}].key`, `项目资金没有行 ${r.key}（可用：${FUND_ROWS.join('、')}）`);
  });
  p.funds.columns.forEach((c, i) => {
    if (c.key !== FUND_COLUMNS[i]) add(`project.funds.columns[${i}].key`, `第${i + 1}个金额列应为 ${FUND_COLUMNS[i]}`);
  });
  p.funds.execution.forEach((c, i) => {
    if (c.key !== EXECUTION[i]) add(`project.funds.execution[${i}].key`, `执行率行第${i + 1}列应为 ${EXECUTION[i]}`);
  });
  const id = p.funds.identity;
  if (id) {
    for (const [k, row] of [['total', id.total], ...id.parts.map((x, n) => [`parts[${n}]`, x])] as Array<[string, string]>) {
      if (!rows.includes(row)) add(`project.funds.identity.${k}`, `项目资金没有行 ${row}`);
    }
  }
  const grid = new Set(form.indicators.columns.map((c) => c.key));
  form.sections.forEach((s, i) => {
    (s.columns ?? []).forEach((c, j) => {
      if (!grid.has(c)) add(`sections[${i}].columns[${j}]`, `栏目“${s.label}”引用的指标列 ${c} 未在 indicators.columns 中定义`);
    });
  });
}
