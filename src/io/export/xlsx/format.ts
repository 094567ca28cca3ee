// Sheet styling shared by every sheet: the header row, borders, 万元 number formats, widths for Chinese
// text, print setup. Values are never styled into text: numbers stay numbers so Excel can sum them.
import type { Cell, Row, Worksheet } from 'exceljs';
import { type FormDescriptor, tables } from '../../../core/forms/index';
import { decimalsOf, FEN_PER_WAN, wanToFen } from '../../../core/money';
import type { Report } from '../../../core/model/report';
import { getAt } from '../../../core/paths';
import { cleanText } from './columns';

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
/** 宋体: what Chinese Excel installs have, and what finance tables are usually set in */
export const FONT = { name: '宋体', size: 11 };
export const FONT_BOLD = { ...FONT, bold: true };
const LINE_HEIGHT_PT = 14.5;
const MAX_ROW_HEIGHT_PT = 409; // Excel's limit
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF4' } };

/** The most decimals any amount in the form's tables is written with (87.2217 → 4); 2 when none. */
export function financeDecimals(form: FormDescriptor, report: Report): number {
  let max = -1;
  for (const t of tables(form)) {
    for (const row of (getAt(report, t.def.path) as ReadonlyArray<Record<string, unknown>> | undefined) ?? []) {
      for (const { key } of t.leaves) {
        const v = row[key];
        if (typeof v === 'string' && wanToFen(v) != null) max = Math.max(max, decimalsOf(v));
      }
    }
  }
  return max < 0 ? 2 : max;
}

/** '#,##0.0000' for 4 decimals, '#,##0' for none. */
export function wanFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/**
 * A 万元 string as the number Excel stores. Goes through integer 分, so the double is the one nearest
 * the written decimal, the same as the cached results of the sums computed in 分.
 */
export function wanNumber(v: string | null | undefined): number | null {
  const fen = wanToFen(v);
  return fen == null ? null : fen / FEN_PER_WAN;
}

export function styleHeader(row: Row): void {
  row.height = 30;
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = FONT_BOLD;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
}

/** Borders and top alignment on a data row; wrap where the column holds long text. */
export function styleBody(row: Row, wrapColumns: readonly number[] = []): void {
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    if (typeof cell.value === 'string') cell.value = cleanText(cell.value);
    cell.font = FONT;
    cell.border = BORDER;
    cell.alignment = { vertical: 'top', wrapText: wrapColumns.includes(col) };
  });
  if (wrapColumns.length) fitRowHeight(row, wrapColumns);
}

/** Width of a text in Excel column units at 11 pt: a CJK character is about two. */
function units(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 1.1 : 2.1;
  return w;
}

/**
 * Row height for the wrapped cells of a row. Neither Excel nor LibreOffice re-measures rows of a
 * generated file when it opens it, so a long text would show as one clipped line.
 */
function fitRowHeight(row: Row, wrapColumns: readonly number[]): void {
  let lines = 1;
  for (const col of wrapColumns) {
    const cell = row.getCell(col);
    if (typeof cell.value !== 'string' || !cell.value) continue;
    const width = Math.max(4, (row.worksheet.getColumn(col).width ?? 10) - 1);
    const n = cell.value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(units(line) / width)), 0);
    lines = Math.max(lines, n);
  }
  if (lines > 1) row.height = Math.min(MAX_ROW_HEIGHT_PT, Math.ceil(lines * LINE_HEIGHT_PT + 4));
}

/**
 * An amount shown exactly as the report writes it: 46.90 keeps two decimals and 87.2217 four, so the sheet
 * reads the same as the form and imports back unchanged. `numFmt` (the report's decimals) serves cells
 * without a written value, such as a sum Excel computes.
 */
export function setAmount(cell: Cell, value: string | null, numFmt: string): void {
  cell.value = wanNumber(value);
  cell.numFmt = value != null && wanToFen(value) != null ? wanFormat(decimalsOf(value)) : numFmt;
  cell.alignment = { horizontal: 'right', vertical: 'top' };
}

/** Column widths in Excel character units (a CJK character is about two). */
export function setWidths(ws: Worksheet, widths: readonly number[]): void {
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

export interface PrintOptions {
  landscape: boolean;
  /** title printed in the page header */
  title: string;
}

/** A4, fit to the page width, header row repeated, the sheet title above and page numbers below. */
export function printSetup(ws: Worksheet, { landscape, title }: PrintOptions): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddHeader: `&C&"宋体,常规"&12${title}`, oddFooter: '&C第 &P 页，共 &N 页' };
}

/** A sheet with one frozen header row (and the first column frozen when it names the rows). */
export function addSheet(ws: Worksheet, headers: readonly string[], widths: readonly number[]): Row {
  const header = ws.addRow([...headers]);
  styleHeader(header);
  setWidths(ws, widths);
  return header;
}
