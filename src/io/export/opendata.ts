// Open data: the report with its findings and score as JSON (the core's contract: {report, findings,
// score}), and each table as a CSV file for people who open it in Excel: UTF-8 with a BOM (or Excel
// guesses the legacy code page and garbles Chinese), RFC 4180 quoting, CRLF line ends, amounts exactly
// as written in the report.
import { type FormDescriptor, rowLabels } from '../../core/forms/index';
import type { Finding } from '../../core/model/finding';
import type { Report } from '../../core/model/report';
import type { Scorecard } from '../../core/model/score';
import { getAt } from '../../core/paths';
import { formFor } from '../../core/templates/index';
import { indicatorCells, indicatorHeaders } from './xlsx/columns';
import { financeShapes } from './xlsx/finance-sheets';

export interface OpenDataOptions {
  findings?: readonly Finding[];
  score?: Scorecard | null;
}

/** The report, its findings and its score as one JSON document (pretty-printed, ending in a newline). */
export function reportToJson(report: Report, opts: OpenDataOptions = {}): string {
  return `${JSON.stringify({ report, findings: opts.findings ?? [], score: opts.score ?? null }, null, 2)}\n`;
}

export const CSV_BOM = '\uFEFF';

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

/** One CSV per table of the form (by its key: income, …) and `indicators`; the form's column names as headers. */
export function reportToCsv(report: Report, form: FormDescriptor = formFor(report)): Record<string, string> {
  const out: Record<string, string> = {};
  for (const shape of financeShapes(form)) {
    const rows = (getAt(report, shape.def.path) as ReadonlyArray<{ institution: string; kind: string } & Record<string, unknown>> | undefined) ?? [];
    const labels = rowLabels(shape.rows, rows);
    out[shape.def.key] = toCsv([
      [shape.rows.header, ...shape.leaves.map((c) => c.label)],
      ...rows.map((r, i) => [labels[i]!, ...shape.leaves.map((c) => (typeof r[c.key] === 'string' ? (r[c.key] as string) : ''))]),
    ]);
  }
  out.indicators = toCsv([indicatorHeaders(form), ...report.performance.indicators.map((i) => indicatorCells(form, i))]);
  return out;
}

/** The file name (without .csv) of each of reportToCsv's tables, as the form names them. */
export function csvNames(form: FormDescriptor): Record<string, string> {
  return { ...Object.fromEntries(financeShapes(form).map((s) => [s.def.key, s.def.file])), indicators: form.workbook.indicatorSheet };
}
