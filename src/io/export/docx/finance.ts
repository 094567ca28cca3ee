// A section of tables (二、部门（单位）收支情况) as one bordered table, as the Word original has it. The
// tables share one grid (the widest table's leaf columns), so the column rules run straight down the
// page; a table with fewer leaf columns lets the leaves the form marks (span) cover two grid columns.
// Header cells, their line breaks and their merges come from the form's column trees.
import type { Table } from 'docx';
import { blankRows, type FormDescriptor, rowLabels, type SectionDef, table, type TableShape } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { getAt } from '../../../core/paths';
import { S } from './style';
import { type CellSpec, formTable, grid, type RowSpec, titleRow } from './table';

// The row-name column holds 局机关及二级机构汇总 (10 characters at 五号) on one line; the amount columns
// share the rest, each wide enough for a four-character heading at the small cell margin below.
const NAME_WEIGHT = 2220;
const AMOUNT_WEIGHT = 946;
const MARGIN = 40;

type AmountRow = { institution: string; kind: string } & Record<string, unknown>;

function dataRows(shape: TableShape, rows: readonly AmountRow[]): RowSpec[] {
  const source: readonly AmountRow[] = rows.length ? rows : (blankRows(shape.rows) as AmountRow[]);
  const labels = rowLabels(shape.rows, source);
  // one-line rows: top alignment (Word's default, nothing to write) looks the same as centred
  return source.map((r, i) => ({
    cells: [
      { content: labels[i]!, style: S.cellLeft, valign: 'top' },
      ...shape.leaves.map(
        (c): CellSpec => ({
          content: typeof r[c.key] === 'string' ? (r[c.key] as string) : '',
          colSpan: c.span,
          style: S.cellAmount,
          valign: 'top',
        }),
      ),
    ],
    minHeightPt: 20,
    cantSplit: true,
  }));
}

function layoutRows(shape: TableShape, rows: readonly AmountRow[], width: number): RowSpec[] {
  const out: RowSpec[] = [];
  if (shape.def.title) {
    out.push({
      cells: [{ content: shape.def.title, colSpan: width, style: S.tableTitle }],
      minHeightPt: 22,
      cantSplit: true,
      keepNext: true,
    });
  }
  const levels = shape.gridHead.length;
  shape.gridHead.forEach((cells, k) => {
    const head: CellSpec[] = cells.map((h) => ({ content: h.text, colSpan: h.colSpan, rowSpan: h.rowSpan }));
    if (k === 0) head.unshift({ content: shape.rows.header, colSpan: 1, rowSpan: levels });
    out.push({ cells: head, minHeightPt: 20, cantSplit: true, keepNext: true });
  });
  return out.concat(dataRows(shape, rows));
}

export function tablesTable(form: FormDescriptor, section: SectionDef, report: Report): Table {
  const shapes = section.tables.map((k) => table(form, k));
  const width = 1 + Math.max(...shapes.map((s) => s.gridWidth));
  const columns = grid([NAME_WEIGHT, ...Array.from({ length: width - 1 }, () => AMOUNT_WEIGHT)]);
  const rows: RowSpec[] = [titleRow(section.label, width)];
  for (const s of shapes) rows.push(...layoutRows(s, (getAt(report, s.def.path) as AmountRow[] | undefined) ?? [], width));
  return formTable(columns, rows, MARGIN);
}
