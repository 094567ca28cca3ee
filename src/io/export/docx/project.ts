// The 项目支出绩效自评表 in Word: the title lines, then the shared project grid as one bordered form table.
import type { Paragraph, Table } from 'docx';
import type { FormDescriptor } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { type GridCell, projectGrid } from '../project-grid';
import { para, S } from './style';
import { type CellSpec, formTable, grid } from './table';

const STYLE = { left: S.cellLeft, center: S.cell, right: S.cellAmount } as const;

/** One cell of a laid-out grid (the project table's, the 年度预算申请 grid's) as a Word table cell. */
export function gridCellSpec(c: GridCell): CellSpec {
  const long = c.text.includes('\n') || c.text.length > 40;
  return {
    content: c.text,
    colSpan: c.colSpan,
    rowSpan: c.rowSpan,
    style: c.label ? S.cell : long ? S.cellText : STYLE[c.align ?? 'center'],
    valign: long && !c.label ? 'top' : 'center',
  };
}

export function projectBlocks(form: FormDescriptor, report: Report): Array<Paragraph | Table> {
  const g = projectGrid(report, form);
  const rows = g.rows.map((r, n) => ({
    cells: r.filter((c) => c.rowSpan !== 0).map(gridCellSpec),
    // header rows of a block stay with the rows under them
    keepNext: r.some((c) => c.label && (c.rowSpan ?? 1) > 1),
    cantSplit: n < 2 || r.every((c) => !c.text.includes('\n')),
    minHeightPt: 22,
  }));
  return [...g.title.map((l) => para(l, S.coverTitle)), para('', S.gap), formTable(grid(g.widths), rows)];
}
