// The four finance sheets (收入, 支出, 三公经费, 固定资产): 机构名称 then the amounts, one row per
// institution in the report's order. The 局机关及二级机构汇总 row is a live =SUM of the institution rows
// with the result cached, unless the report's own summary differs from that sum: then the report's
// figure is kept as a constant and a note says so, because a formula would silently change the report.
import type { Cell, Workbook } from 'exceljs';
import { FEN_PER_WAN, fenToWan, sumWan, wanToFen } from '../../../core/money';
import type { Report } from '../../../core/model/report';
import { FINANCE_SHEETS, type FinanceSheet, INSTITUTION_HEADER, institutionLabels } from './columns';
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

function writeFinanceSheet(wb: Workbook, sheet: FinanceSheet, rows: readonly AmountRow[], decimals: number): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  addSheet(ws, [INSTITUTION_HEADER, ...sheet.columns.map((c) => c.header)], [26, ...sheet.columns.map(() => 16)]);
  const numFmt = wanFormat(decimals);
  const sheetRow = (i: number): number => i + 2; // header is row 1
  const institutionRows = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind !== 'summary');
  const labels = institutionLabels(rows);
  rows.forEach((r, i) => {
    const row = ws.getRow(sheetRow(i));
    row.getCell(1).value = labels[i]!;
    sheet.columns.forEach((c, k) => {
      const cell = row.getCell(k + 2);
      if (r.kind !== 'summary') return setAmount(cell, amountOf(r, c.key), numFmt);
      const parts = institutionRows.map(({ r: p }) => amountOf(p, c.key));
      const formula = institutionRows.length ? sumFormula(k + 2, institutionRows.map(({ i: j }) => sheetRow(j))) : null;
      writeSummaryCell(cell, amountOf(r, c.key), parts, formula, numFmt, decimals);
    });
    styleBody(row);
    sheet.columns.forEach((_, k) => {
      row.getCell(k + 2).alignment = { horizontal: 'right', vertical: 'top' };
    });
    if (r.kind === 'summary') row.eachCell({ includeEmpty: true }, (cell) => (cell.font = FONT_BOLD));
  });
  printSetup(ws, { landscape: true, title: sheet.title });
}

export function writeFinanceSheets(wb: Workbook, report: Report): void {
  const decimals = financeDecimals(report);
  for (const sheet of FINANCE_SHEETS) {
    writeFinanceSheet(wb, sheet, report.finance[sheet.table] as readonly AmountRow[], decimals);
  }
}

