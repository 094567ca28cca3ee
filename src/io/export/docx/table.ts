// The bordered form table every section is drawn in: a fixed grid, cells that span grid columns
// (w:gridSpan) or rows (w:vMerge — docx writes the "continue" cells into the following rows itself).
import {
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { paras, S, type StyleDef, TEXT_WIDTH } from './style';

export interface CellSpec {
  /** text (lines become paragraphs) or ready paragraphs */
  content: string | Paragraph[];
  /** paragraph style for text content; 表格文字 (五号, centred) by default */
  style?: StyleDef;
  colSpan?: number;
  rowSpan?: number;
  /** vertical alignment; form labels centre, long texts start at the top */
  valign?: 'top' | 'center';
  /** keep with the next row (Word moves a heading row to the page its data starts on) */
  keepNext?: boolean;
}

export function cell(spec: CellSpec): TableCell {
  const children =
    spec.content === '' && !spec.keepNext
      ? // a blank cell: an unstyled paragraph takes the document default (仿宋_GB2312 五号), as the
        // continuation cells of a merge do; it keeps the form's many blank cells cheap to write
        [new Paragraph({})]
      : typeof spec.content === 'string'
        ? paras(spec.content, spec.style ?? S.cell, spec.keepNext ? { keepNext: true } : {})
        : spec.content;
  return new TableCell({
    children,
    // top is Word's default: only centring needs writing
    ...(spec.valign === 'top' ? {} : { verticalAlign: VerticalAlignTable.CENTER }),
    ...(spec.colSpan && spec.colSpan > 1 ? { columnSpan: spec.colSpan } : {}),
    ...(spec.rowSpan && spec.rowSpan > 1 ? { rowSpan: spec.rowSpan } : {}),
  });
}

export interface RowSpec {
  cells: CellSpec[];
  /** minimum row height in points */
  minHeightPt?: number;
  /** keep the row on one page (short rows: header rows, amount rows) */
  cantSplit?: boolean;
  /** keep the row on the page of the next one: title and header rows never end a page */
  keepNext?: boolean;
}

export function row(spec: RowSpec): TableRow {
  return new TableRow({
    children: spec.cells.map((c) => cell(spec.keepNext ? { ...c, keepNext: true } : c)),
    ...(spec.minHeightPt ? { height: { value: Math.round(spec.minHeightPt * 20), rule: HeightRule.ATLEAST } } : {}),
    ...(spec.cantSplit ? { cantSplit: true } : {}),
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

/**
 * A full-width bordered table on a fixed grid (widths in twips, summing to the text width). `margin` is
 * the cell padding left and right; the finance tables use a small one so four-character headings
 * (基本支出, 当年结余) fit their column on one line.
 */
export function formTable(columnWidths: readonly number[], rows: RowSpec[], margin = 90): Table {
  const total = columnWidths.reduce((a, b) => a + b, 0);
  if (total !== TEXT_WIDTH) throw new Error(`grid ${total} ≠ text width ${TEXT_WIDTH}`);
  return new Table({
    columnWidths: [...columnWidths],
    width: { size: total, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: margin, right: margin },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: rows.map(row),
  });
}

/** The section title row (一、…) spanning the whole grid. */
export function titleRow(text: string, columns: number): RowSpec {
  return {
    cells: [{ content: text, colSpan: columns, style: S.sectionTitle }],
    minHeightPt: 24,
    cantSplit: true,
    keepNext: true,
  };
}

/** Splits the text width into columns proportional to weights, the rounding remainder on the last. */
export function grid(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const cols = weights.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const used = cols.reduce((a, b) => a + b, 0);
  cols[cols.length - 1]! += TEXT_WIDTH - used;
  return cols;
}
