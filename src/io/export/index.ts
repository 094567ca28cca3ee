// Every export format behind one call, so the CLI and the server produce the same files.
import { zipSync, strToU8 } from 'fflate';
import { type FormDescriptor, fileBaseName } from '../../core/forms/index';
import type { Finding } from '../../core/model/finding';
import type { Report } from '../../core/model/report';
import type { Scorecard } from '../../core/model/score';
import { formFor } from '../../core/templates/index';
import type { PrintedSignature, Rendering } from './content';
import { renderReportDocx } from './docx/index';
import { renderReportHtml } from './html/index';
import { csvNames, reportToCsv, reportToJson } from './opendata';
import { renderReportXlsx } from './xlsx/index';

export const EXPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'html', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  bytes: Uint8Array;
  mime: string;
  /** file extension, without the dot */
  ext: string;
}

export interface ExportOptions {
  /** official (default): the form as handed in; review: findings marked, computed scores (PDF, HTML, DOCX, XLSX) */
  rendering?: Rendering;
  /** review only: the checker's findings (also the XLSX 发现问题 sheet and the JSON's findings) */
  findings?: readonly Finding[];
  /** the signature records filling the sign-off blocks */
  signatures?: readonly PrintedSignature[];
  score?: Scorecard;
  /** the form to lay the report out on; default: its template's as this process knows it */
  form?: FormDescriptor;
}

/** The formats that lay out the printed form, official or review; the others are data. */
export const LAYOUT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'xlsx', 'html'];

export { RENDERINGS, RENDERING_LABEL, isRendering, type Rendering, type PrintedSignature } from './content';

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

export async function exportReport(report: Report, format: ExportFormat, opts: ExportOptions = {}): Promise<ExportedFile> {
  switch (format) {
    case 'docx':
      return { bytes: await renderReportDocx(report, opts), ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    case 'xlsx':
      return { bytes: await renderReportXlsx(report, opts), ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    case 'pdf': {
      // Loaded on demand: it starts Chromium, which most exports do not need.
      const { renderReportPdf } = await import('./pdf/index');
      return { bytes: await renderReportPdf(report, opts), ext: 'pdf', mime: 'application/pdf' };
    }
    case 'html':
      return { bytes: strToU8(renderReportHtml(report, { ...opts, standalone: true })), ext: 'html', mime: 'text/html; charset=utf-8' };
    case 'json':
      return { bytes: strToU8(reportToJson(report, opts)), ext: 'json', mime: 'application/json; charset=utf-8' };
    case 'csv':
      return { bytes: zipSync(csvFiles(report, opts.form), { level: 6 }), ext: 'zip', mime: 'application/zip' };
  }
}

/** The CSV tables as file name → bytes (UTF-8 with BOM, as reportToCsv writes them), named as the form names them. */
export function csvFiles(report: Report, form: FormDescriptor = formFor(report)): Record<string, Uint8Array> {
  const names = csvNames(form);
  const out: Record<string, Uint8Array> = {};
  for (const [table, csv] of Object.entries(reportToCsv(report, form))) out[`${names[table] ?? table}.csv`] = strToU8(csv);
  return out;
}

/** A download name as the form composes it: 2021年度党群工作部部门整体支出绩效自评报告.docx */
export function exportFileName(report: Report, ext: string, form: FormDescriptor = formFor(report)): string {
  return `${fileBaseName(form, report).replace(/[\\/:*?"<>|\s]+/g, '')}.${ext}`;
}
