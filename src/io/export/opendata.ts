// Open data: the report with its findings and score as JSON (the core's contract: {report, findings,
// score}), and each table as a CSV file for people who open it in Excel: UTF-8 with a BOM (or Excel
// guesses the legacy code page and garbles Chinese), RFC 4180 quoting, CRLF line ends, amounts exactly
// as written in the report.
import type { Finding } from '../../core/model/finding';
import type { FinanceTableKey, Report } from '../../core/model/report';
import type { Scorecard } from '../../core/model/score';
import { FINANCE_SHEETS, INDICATOR_HEADERS, INSTITUTION_HEADER, indicatorCells, institutionLabels } from './xlsx/columns';

export interface OpenDataOptions {
  findings?: readonly Finding[];
  score?: Scorecard | null;
}

/** The report, its findings and its score as one JSON document (pretty-printed, ending in a newline). */
export function reportToJson(report: Report, opts: OpenDataOptions = {}): string {
  return `${JSON.stringify({ report, findings: opts.findings ?? [], score: opts.score ?? null }, null, 2)}\n`;
}

export const CSV_BOM = '\uFEFF';
export type CsvTable = FinanceTableKey | 'indicators';

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV field. Quoted when it holds a comma, quote, CR or LF (quotes doubled), per RFC 4180. Text that
 * Excel would run as a formula (=, +, @, a tab, or a '-' that is not a number) gets a leading apostrophe:
 * these files are published, and a cell must not become a formula on someone else's PC.
 */
export function csvField(value: string | number | null | undefined): string {
  let s = value == null ? '' : String(value);
  if (/^[=+@\t\r]/.test(s) || (s.startsWith('-') && s.length > 1 && !NUMBER.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return CSV_BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One CSV per table: income, expenditure, threePublic, fixedAssets, indicators; Chinese headers. */
export function reportToCsv(report: Report): Record<CsvTable, string> {
  const out = {} as Record<CsvTable, string>;
  for (const sheet of FINANCE_SHEETS) {
    const rows = report.finance[sheet.table] as ReadonlyArray<{ institution: string; kind: string } & Record<string, unknown>>;
    const labels = institutionLabels(rows);
    out[sheet.table] = toCsv([
      [INSTITUTION_HEADER, ...sheet.columns.map((c) => c.header)],
      ...rows.map((r, i) => [
        labels[i]!,
        ...sheet.columns.map((c) => (typeof r[c.key] === 'string' ? (r[c.key] as string) : '')),
      ]),
    ]);
  }
  out.indicators = toCsv([[...INDICATOR_HEADERS], ...report.performance.indicators.map(indicatorCells)]);
  return out;
}
