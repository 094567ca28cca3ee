// The 部门整体支出绩效自评表 (财预〔2020〕10号 附件2; the Hunan table) read onto its template's form: the
// 年度资金总额 row's 分值 | 执行率 | 得分 beside the amounts budgetGrid (fallback.ts) took, the parts of
// 按收入性质分 / 按支出性质分 printed as "其中：一般公共预算：1873.66万元", 年度总体目标 and the indicator grid
// with its 分值 and 得分 — the same grid the project table has, read by the same code.
import { columnName, field, type FormDescriptor, printLabel, type SectionDef, table, type TableShape, tables } from '../../../core/forms/index';
import { getAt } from '../../../core/paths';
import { ExpenditureRow, IncomeRow } from '../../../core/model/report';
import { norm } from './normalize';
import type { ColumnNode } from '../../../core/forms/schema';
import { readAmount } from '../../../core/money';
import type { MapContext, Token } from './context';
import { alt, MISC } from './labels';
import { readGoals, readIndicatorGrid, yearLine } from './project';
import { toSimplified } from './simplified';
import { parseScore } from './values';

/** Whether a form is the 附件2 table: it prints the 执行率 line of the overall report. */
export function isAnnex2(form: FormDescriptor): boolean {
  return form.fields.some((f) => f.path === 'basics.executionRate');
}

export function mapAnnex2(ctx: MapContext, form: FormDescriptor): void {
  yearLine(ctx);
  const grid = form.sections.find((x) => x.type === 'budgetGrid');
  if (grid) {
    // Jixiao's own workbook of the form: the grid's fields as 项目 | 内容 rows, its tables as sheets
    labelledFields(ctx, form, grid);
    for (const k of grid.tables) sheetTable(ctx, table(form, k));
  }
  gridLabels(ctx, form);
  executionLine(ctx);
  inlineParts(ctx, form);
  // a workbook's 定性目标 sheet was read as pairs already (mapWorkbook)
  const g = ctx.report.performance.qualitative.length ? null : readGoals(ctx);
  if (g) {
    ctx.report.performance.qualitative = [{ target: g.expected, result: g.actual }];
    ctx.source('performance.qualitative[0].target', g.expectedLoc);
    if (g.actualLoc) ctx.source('performance.qualitative[0].result', g.actualLoc);
  }
  readIndicatorGrid(ctx);
}

/** A grid field still empty, read as label | value in a row (the workbook's field sheet) by the form's words. */
function labelledFields(ctx: MapContext, form: FormDescriptor, grid: SectionDef): void {
  const r = ctx.report;
  for (const path of grid.fields) {
    if (getAt(r, path) != null && getAt(r, path) !== '') continue;
    const f = field(form, path);
    const re = new RegExp(`^(${alt([f.label, f.print?.replace(/\n/g, ''), ...f.aliases])})$`);
    for (let i = ctx.find(re); i >= 0; i = ctx.find(re, i + 1)) {
      const t = ctx.tokens[i]!;
      const next = t.row >= 0 ? ctx.rows.get(t.row)![t.col + 1] : undefined;
      const v = next === undefined ? '' : ctx.tokens[next]!.text.trim();
      if (!v) continue;
      const value = f.type === 'amount' ? (readAmount(toSimplified(v)) as { value?: string }).value : f.type === 'score' ? parseScore(v) : v;
      if (value == null) continue;
      const dot = path.lastIndexOf('.');
      (getAt(r, path.slice(0, dot)) as Record<string, unknown>)[path.slice(dot + 1)] = value;
      ctx.source(path, ctx.tokens[next!]!.loc);
      ctx.use(i);
      ctx.use(next!);
      break;
    }
  }
}

/** A table of the grid as a sheet (单位 | 年度资金总额 | 一般公共预算 …) whose summary row the text grid lacks. */
function sheetTable(ctx: MapContext, shape: TableShape): void {
  const key = shape.def.key as 'income' | 'expenditure';
  if (ctx.report.finance[key]?.length) return;
  const summary = new RegExp(`^(${alt([shape.rows.summary.label, ...shape.rows.summary.aliases])})$`);
  const words = shape.leaves.map((l) => norm(l.label));
  for (let i = ctx.find(summary); i >= 0; i = ctx.find(summary, i + 1)) {
    const t = ctx.tokens[i]!;
    const header = t.row >= 0 ? ctx.rows.get(t.row - 1) : undefined;
    if (!header || ctx.tokens[header[0]!]!.block !== t.block) continue;
    const cols = shape.leaves.map((_, k) => header.findIndex((j) => ctx.tokens[j]!.norm === words[k]));
    if (cols.filter((c) => c >= 0).length < 2) continue;
    const cells = ctx.rows.get(t.row)!;
    const row: Record<string, unknown> = { institution: t.text.trim(), kind: 'summary' };
    shape.leaves.forEach((l, k) => {
      const j = cols[k]! >= 0 ? cells[cols[k]!] : undefined;
      const a = j === undefined ? null : readAmount(toSimplified(ctx.tokens[j]!.text));
      row[l.key] = a?.kind === 'amount' ? a.value : null;
      if (a?.kind === 'amount') ctx.source(`${shape.def.path}[0].${l.key}`, ctx.tokens[j!]!.loc);
      if (j !== undefined) ctx.use(j);
    });
    for (const j of [...header, ...cells]) ctx.use(j);
    // the model's other columns (上年结转, 人员支出 …) blank
    if (key === 'income') ctx.report.finance.income = [IncomeRow.parse(row)];
    else ctx.report.finance.expenditure = [ExpenditureRow.parse(row)];
    return;
  }
}

/** The grid's own words (its column heads, 按收入性质分：) are the form's, not the report's. */
function gridLabels(ctx: MapContext, form: FormDescriptor): void {
  const s = form.sections.find((x) => x.type === 'budgetGrid');
  if (!s) return;
  const words = [
    ...s.fields.map((p) => printLabel(form, p)),
    ...s.tables.flatMap((k) => [table(form, k).def.name, columnName(form, k, table(form, k).def.anchor)]),
  ];
  const re = new RegExp(`^(${alt(words)}):?$`);
  for (let i = ctx.find(re); i >= 0; i = ctx.find(re, i + 1)) ctx.use(i);
}

/** 年度资金总额 | 年初 | 全年 | 执行 | 分值 | 执行率 | 得分: the three after the amounts, in a row or a flattened copy. */
function executionLine(ctx: MapContext): void {
  const at = ctx.find(MISC.budgetRow);
  if (at < 0) return;
  const row = ctx.rowOf(at);
  const cells: Token[] = row.length >= 7 ? row.slice(row.findIndex((t) => t.index === at) + 1) : [];
  if (!cells.length) for (let j = at + 1; j < ctx.tokens.length && cells.length < 6; j++) if (ctx.tokens[j]!.text.trim()) cells.push(ctx.tokens[j]!);
  const [weight, rate, score] = cells.slice(3, 6);
  const r = ctx.report;
  if (rate && /^\d{1,4}(\.\d+)?\s*[%％]$/.test(toSimplified(rate.text.trim()))) {
    r.basics.executionRate = rate.text.trim();
    ctx.source('basics.executionRate', rate.loc);
    ctx.use(rate.index);
    const w = weight ? parseScore(weight.text) : null;
    if (w != null) {
      r.basics.executionWeight = w;
      ctx.source('basics.executionWeight', weight!.loc);
      ctx.use(weight!.index);
    }
    const s = score ? parseScore(score.text) : null;
    if (s != null) {
      r.basics.executionScore = s;
      ctx.source('basics.executionScore', score!.loc);
      ctx.use(score!.index);
    }
  }
}

/** A column's aliases in the form's column tree. */
function aliasesOf(nodes: readonly ColumnNode[], key: string): string[] {
  for (const n of nodes) {
    if (n.key === key) return n.aliases ?? [];
    const inner = n.children ? aliasesOf(n.children, key) : [];
    if (inner.length) return inner;
  }
  return [];
}

/** "其中：一般公共预算：1873.66万元": a part of a finance table's summary row, named as its column is. */
function inlineParts(ctx: MapContext, form: FormDescriptor): void {
  for (const t of tables(form)) {
    const key = t.def.key as 'income' | 'expenditure';
    if (t.def.path !== `finance.${key}` || (key !== 'income' && key !== 'expenditure')) continue;
    const row = ctx.report.finance[key][0] as unknown as Record<string, string | null> | undefined;
    if (!row) continue;
    for (const leaf of t.leaves) {
      if (leaf.key === t.def.anchor) continue;
      // "其中：一般公共预算：1873.66万元" in one cell, or the label and the amount in two (a Word table)
      const words = alt([leaf.label, ...aliasesOf(t.def.columns, leaf.key)]);
      const inline = new RegExp(`^(其中:?)?(${words}):(\\d[\\d,.]*)(万元|元)?$`);
      const alone = new RegExp(`^(其中:?)?(${words}):?$`);
      let i = ctx.find(inline);
      let at = i;
      let text = i >= 0 ? inline.exec(ctx.tokens[i]!.norm)![3]! : '';
      // a label cell's amount is the next non-empty cell of its row
      for (let from = 0; i < 0 && from < ctx.tokens.length; ) {
        const j = ctx.find(alone, from);
        if (j < 0) break;
        from = j + 1;
        const k = ctx.nextNonEmpty(j, Math.min(ctx.tokens.length, j + 3));
        if (k < 0 || ctx.tokens[k]!.row !== ctx.tokens[j]!.row) continue;
        [i, at, text] = [j, k, ctx.tokens[k]!.text.trim().replace(/万元$/, '')];
      }
      // the label of a part left blank is the form's too
      for (let j = ctx.find(alone); j >= 0; j = ctx.find(alone, j + 1)) ctx.use(j);
      if (i < 0) continue;
      const a = readAmount(toSimplified(text));
      if (a.kind !== 'amount') continue;
      ctx.use(i);
      ctx.use(at);
      if (row[leaf.key] != null) continue;
      row[leaf.key] = a.value;
      ctx.source(`${t.def.path}[0].${leaf.key}`, ctx.tokens[at]!.loc);
    }
  }
}
