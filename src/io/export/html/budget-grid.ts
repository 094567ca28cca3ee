// The 10号 附件2 blocks of a 部门整体支出绩效自评表 in HTML (the 年度预算申请 grid; 年度总体目标 and the indicator
// grid): each shared layout as one framed form table.
import type { SectionDef } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { templateFor } from '../../../core/templates/index';
import { type BudgetGrid, budgetGrid, executionWeightOf, performanceGrid } from '../budget-grid';
import { colgroup, framed, type RenderContext } from './cells';
import { drawGridCell } from './project';

function gridTable(ctx: RenderContext, g: BudgetGrid, path: string, cls: string): string {
  const rows = g.rows.map((r) => `<tr>${r.filter((c) => c.rowSpan !== 0).map((c) => drawGridCell(ctx, c)).join('')}</tr>`).join('');
  return framed(`<table${ctx.attrs(path, [], `jx-form ${cls}`)}>${colgroup(g.widths)}<tbody>${rows}</tbody></table>`);
}

export function renderBudgetGrid(report: Report, section: SectionDef, ctx: RenderContext): string {
  return gridTable(ctx, budgetGrid(report, ctx.form, section, executionWeightOf(templateFor(report))), 'finance', 'jx-budget-grid');
}

export function renderPerformanceGrid(report: Report, section: SectionDef, ctx: RenderContext): string {
  return gridTable(ctx, performanceGrid(report, ctx.form, section, executionWeightOf(templateFor(report))), 'performance', 'jx-project');
}
