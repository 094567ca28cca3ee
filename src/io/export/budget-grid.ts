// The 年度预算申请 grid of the 部门整体支出绩效自评表 (财预〔2020〕10号 附件2; the Hunan table), laid out from
// the form once: the amounts' header (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), the 年度资金总额
// row, then 按收入性质分 and 按支出性质分 side by side, each part as "其中：一般公共预算：" and its amount. The HTML
// (and so the PDF) and DOCX exporters draw it, and the editor puts its inputs on the same cells.
import { columnName, type FormDescriptor, printLabel, type SectionDef, table } from '../../core/forms/index';
import type { Report } from '../../core/model/report';
import { executionOf } from '../../core/project/execution';
export { executionWeightOf } from '../../core/project/execution';
import { columnFigure } from '../../core/scoring/finance-columns';
import { type GridCell, goalsRows, indicatorGridRows, PROJECT_WIDTHS } from './project-grid';

export interface BudgetGrid {
  /** relative column widths, summing to 100 */
  widths: number[];
  rows: GridCell[][];
}

const WIDTHS = [13, 13, 13, 13, 13, 11, 12, 12];
const L = (text: string, o: Partial<GridCell> = {}): GridCell => ({ text, label: true, align: 'center', ...o });
const V = (text: string | number | null | undefined, path: string, o: Partial<GridCell> = {}): GridCell => ({ text: text == null ? '' : String(text), path, align: 'right', ...o });


/**
 * `section` lists the 年度资金总额 row's fields (年初预算数, 全年预算数, then 分值, 执行率, 得分) and the two
 * tables whose summary row gives 全年执行数 (the second's anchor) and the parts.
 */
export function budgetGrid(report: Report, form: FormDescriptor, section: SectionDef, weight?: number): BudgetGrid {
  const [initial, annual, weightPath, ratePath, scorePath] = section.fields as [string, string, string, string, string];
  const [income, spending] = section.tables.map((k) => table(form, k));
  const executedPath = `${spending!.def.path}[0].${spending!.def.anchor}`;
  const b = report.basics;
  const executed = columnFigure(report.finance.expenditure, 'total', false);
  const e = executionOf(b.budgetAdjusted, executed?.text ?? null, b.executionWeight ?? weight);
  const rows: GridCell[][] = [];
  rows.push([
    L(section.label, { colSpan: 2 }),
    L(printLabel(form, initial)),
    L(printLabel(form, annual)),
    L(columnName(form, spending!.def.key, spending!.def.anchor)),
    L(printLabel(form, weightPath)),
    L(printLabel(form, ratePath)),
    L(printLabel(form, scorePath)),
  ]);
  rows.push([
    L(columnName(form, income!.def.key, income!.def.anchor), { colSpan: 2 }),
    V(b.budgetInitial, initial),
    V(b.budgetAdjusted, annual),
    V(executed?.text, executedPath),
    V(b.executionWeight ?? e.weight, weightPath),
    V(b.executionRate?.trim() || (e.kind === 'rate' ? e.percent : ''), ratePath),
    V(b.executionScore, scorePath),
  ]);
  rows.push([L(`${income!.def.name}：`, { colSpan: 4, align: 'left' }), L(`${spending!.def.name}：`, { colSpan: 4, align: 'left' })]);
  const partsOf = (t: NonNullable<typeof income>) => {
    const row = (report.finance[t.def.key as 'income' | 'expenditure'][0] ?? {}) as unknown as Record<string, string | null | undefined>;
    // the parts stand under the tree's group ("其中："), printed before the first of them
    const group = t.def.columns.find((c) => c.children?.length);
    const parts = t.leaves.filter((l) => l.key !== t.def.anchor);
    return parts.map((l, n) => ({ name: `${n === 0 && group ? group.label : ''}${l.label}：`, value: row[l.key] ?? null, path: `${t.def.path}[0].${l.key}` }));
  };
  const left = partsOf(income!);
  const right = partsOf(spending!);
  for (let k = 0; k < Math.max(left.length, right.length); k++) {
    const side = (p: (typeof left)[number] | undefined) =>
      p ? [L(p.name, { colSpan: 2, align: 'left' }), V(p.value, p.path, { colSpan: 2 })] : [L('', { colSpan: 4 })];
    rows.push([...side(left[k]), ...side(right[k])]);
  }
  return { widths: WIDTHS, rows };
}

/**
 * 年度总体目标 and the indicator grid of a 部门整体 自评表, printed as the 10号 table prints them (nine columns,
 * 总分 = 执行率分值 + Σ 指标分值, then the grade) when its performance section lists the grid's columns.
 */
export function performanceGrid(report: Report, form: FormDescriptor, section: SectionDef, weight?: number): BudgetGrid {
  const q = form.indicators.qualitative;
  const pairs = report.performance.qualitative;
  const text = (k: 'target' | 'result') => pairs.map((x) => x[k].trim()).filter(Boolean).join('\n');
  const base = report.basics.executionWeight ?? weight ?? 0;
  const [scorePath, gradePath] = section.fields;
  const rows = [
    ...goalsRows({ label: q.label, expected: q.target, actual: q.result }, [text('target'), `${q.path}`], [text('result'), `${q.path}`]),
    // the section heads both blocks; the grid prints each under its own name (年度总体目标, 绩效指标)
    ...indicatorGridRows(report, form, section, base, printLabel(form, scorePath ?? 'performance.selfScore'), form.indicators.print ?? form.indicators.label),
  ];
  if (gradePath) rows.push([L(printLabel(form, gradePath), { colSpan: 6 }), V(report.performance.grade, gradePath, { colSpan: 3, align: 'center' })]);
  return { widths: PROJECT_WIDTHS, rows };
}
