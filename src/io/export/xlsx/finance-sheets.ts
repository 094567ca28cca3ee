// One sheet per table of the form (收入, 支出, 三公经费, 固定资产): the row-name column then the amounts,
// one row per institution in the report's order. The 汇总 row is a live =SUM of the institution rows
// with the result cached, unless the report's own summary differs from that sum: then the report's
// figure is kept as a constant and a note says so, because a formula would silently change the report.
import type { Cell, Workbook } from 'exceljs';
import { type FormDescriptor, rowLabels, type TableShape, tables } from '../../../core/forms/index';
import { FEN_PER_WAN, fenToWan, sumWan, wanToFen } from '../../../core/money';
import type { Report } from '../../../core/model/report';
import { getAt } from '../../../core/paths';
import { addSheet, FONT_BOLD, financeDecimals, printSetup, setAmount, styleBody, wanFormat } from './format';

type AmountRow = { institution: string; kind: string } & Record<string, unknown>;

const amountOf = (row: AmountRow, key: string): string | null => {
  const v = row[key];
  return typeof v === 'string' ? v : null;
};

function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** SUM over the given sheet rows of one column: a range when they are consecutive, else a list. */
export function sumFormula(col: number, rows: readonly number[]): string {
  const c = columnLetter(col);
  const consecutive = rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
  if (consecutive && rows.length > 1) return `SUM(${c}${rows[0]}:${c}${rows[rows.length - 1]})`;
  return `SUM(${rows.map((r) => `${c}${r}`).join(',')})`;
}

function writeSummaryCell(
  cell: Cell,
  value: string | null,
  parts: ReadonlyArray<string | null>,
  formula: string | null,
  numFmt: string,
  decimals: number,
): void {
  const sum = sumWan(parts);
  const blankParts = parts.every((p) => wanToFen(p) == null);
  setAmount(cell, value, numFmt);
  if (formula && value != null && wanToFen(value) === sum) {
    cell.value = { formula, result: sum / FEN_PER_WAN };
    return;
  }
  if (value == null && blankParts) return;
  const written = value ?? '（空）';
  const computed = formula ? fenToWan(sum, decimals) : '（无机构行）';
  cell.note = `报告所填汇总数为 ${written}，各机构合计为 ${computed}，二者不一致；此格按报告原数填写，未使用公式。`;
}

/** Every table of the form kept under report.finance, as the workbook writes them. */
export function financeShapes(form: FormDescriptor): TableShape[] {
  return tables(form).filter((t) => t.def.path.startsWith('finance.'));
}

function writeFinanceSheet(wb: Workbook, shape: TableShape, rows: readonly AmountRow[], decimals: number): void {
  const ws = wb.addWorksheet(shape.def.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  addSheet(ws, [shape.rows.header, ...shape.leaves.map((c) => c.label)], [26, ...shape.leaves.map(() => 16)]);
  const numFmt = wanFormat(decimals);
  const sheetRow = (i: number): number => i + 2; // header is row 1
  const institutionRows = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind !== 'summary');
  const labels = rowLabels(shape.rows, rows);
  rows.forEach((r, i) => {
    const row = ws.getRow(sheetRow(i));
    row.getCell(1).value = labels[i]!;
    shape.leaves.forEach((c, k) => {
      const cell = row.getCell(k + 2);
      if (r.kind !== 'summary') return setAmount(cell, amountOf(r, c.key), numFmt);
      const parts = institutionRows.map(({ r: p }) => amountOf(p, c.key));
      const formula = institutionRows.length ? sumFormula(k + 2, institutionRows.map(({ i: j }) => sheetRow(j))) : null;
      writeSummaryCell(cell, amountOf(r, c.key), parts, formula, numFmt, decimals);
    });
    styleBody(row);
    shape.leaves.forEach((_, k) => {
      row.getCell(k + 2).alignment = { horizontal: 'right', vertical: 'top' };
    });
    if (r.kind === 'summary') row.eachCell({ includeEmpty: true }, (cell) => (cell.font = FONT_BOLD));
  });
  printSetup(ws, { landscape: true, title: shape.def.sheetTitle ?? shape.def.title ?? shape.def.name });
}

export function writeFinanceSheets(wb: Workbook, form: FormDescriptor, report: Report): void {
  const decimals = financeDecimals(form, report);
  for (const shape of financeShapes(form)) {
    writeFinanceSheet(wb, shape, (getAt(report, shape.def.path) as AmountRow[] | undefined) ?? [], decimals);
  }
}
