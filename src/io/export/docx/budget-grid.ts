// The 10号 附件2 blocks of a 部门整体支出绩效自评表 in Word (the 年度预算申请 grid; 年度总体目标 and the indicator
// grid): each shared layout as one bordered form table.
import type { Table } from 'docx';
import type { FormDescriptor, SectionDef } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { templateFor } from '../../../core/templates/index';
import { type BudgetGrid, budgetGrid, executionWeightOf, performanceGrid } from '../budget-grid';
import { gridCellSpec } from './project';
import { formTable, grid } from './table';

function gridTable(g: BudgetGrid): Table {
  return formTable(grid(g.widths), g.rows.map((r) => ({ cells: r.filter((c) => c.rowSpan !== 0).map(gridCellSpec), cantSplit: r.every((c) => !c.text.includes('\n')), minHeightPt: 22 })));
}

export function budgetGridTable(form: FormDescriptor, section: SectionDef, report: Report): Table {
  return gridTable(budgetGrid(report, form, section, executionWeightOf(templateFor(report))));
}

export function performanceGridTable(form: FormDescriptor, section: SectionDef, report: Report): Table {
  return gridTable(performanceGrid(report, form, section, executionWeightOf(templateFor(report))));
}
