// The heavy work the server hands to worker threads (issue 13 §1), as plain functions of plain data so they
// run the same in a worker and could run on the request thread: judging a report, exporting it, importing
// a file, preparing a large save, digesting a document for signatures, diffing two versions. Documents
// travel as JSON text — as stored, personal fields sealed (`sealed`), opened here with the data key — so
// the request thread neither parses nor serialises a large one.
import { checkReport, type CheckResult } from '../../core/check';
import type { FormDescriptor } from '../../core/forms/index';
import type { PriorYear } from '../../core/library/prior-year';
import type { Template } from '../../core/model/template';
import { quotedLibraryIds } from '../../core/library/quote';
import type { Report } from '../../core/model/report';
import { inputProblemsMessage, reportInputProblems } from '../../core/input';
import { diffValues, type FieldChange } from '../../core/workflow/diff';
import type { EditScope } from '../../core/workflow/edit';
import { judgeSave } from '../../core/workflow/save-rules';
import { exportFileName, exportReport, type ExportFormat, type PrintedSignature } from '../../io/export/index';
import type { Rendering } from '../../io/export/content';
import { renderReportHtml } from '../../io/export/html/index';
import { importFile, type ImportResult } from '../../io/import/index';
import { ImportError } from '../../io/import/doc';
import { formOf } from '../../core/templates/index';
import { digestMatcher, reportDigest } from '../audit/canonical';
import { openPersonal, sealPersonal } from '../crypto/personal-data';
import { softwareProvider, type ProviderMaterial } from '../crypto/provider';
import { SaveBody } from '../http/schemas';
import { projection, type Projection } from '../repositories/projection';
import { reverseDelta } from '../repositories/version-delta';
import { reportProblems } from '../http/validation-messages';

/** A failure a job reports in the server's own terms (an AppError code, a Chinese message). */
export class JobError extends Error {
  constructor(readonly code: string, message: string, readonly extra?: Record<string, unknown>) {
    super(message);
  }
}

export interface DocumentJob {
  documentText: string;
  /** the text is as stored: personal fields sealed with the data key */
  sealed: boolean;
  material: ProviderMaterial;
}

function documentOf(i: DocumentJob): Report {
  const doc = JSON.parse(i.documentText) as Report;
  return i.sealed ? openPersonal(softwareProvider(i.material), doc) : doc;
}

/** Findings and score; with `view`, also the document as readers see it, as JSON text to splice into a response. */
export function checkJob(i: DocumentJob & { truncated: boolean; priorYear?: PriorYear; view?: boolean; template?: Template }): CheckResult & { openedText?: string } {
  const report = documentOf(i);
  const checked = checkReport(report, { truncated: i.truncated, priorYear: i.priorYear, ...(i.template ? { template: i.template } : {}) });
  return i.view ? { ...checked, openedText: JSON.stringify(report) } : checked;
}

export type ExportJobResult = ({ bytes: Uint8Array; mime: string; ext: string } | { html: string }) & { fileName: string; asciiBase: string };

/** Findings and score, then the file; a PDF comes back as its HTML for the one shared Chromium to print. */
export async function exportJob(i: DocumentJob & { format: ExportFormat; truncated: boolean; priorYear?: PriorYear; template?: Template; rendering?: Rendering; signatures?: readonly PrintedSignature[] }): Promise<ExportJobResult> {
  const report = documentOf(i);
  const { findings, score } = checkReport(report, { truncated: i.truncated, priorYear: i.priorYear, ...(i.template ? { template: i.template } : {}) });
  const form = { ...(i.template ? { form: i.template.form as FormDescriptor } : {}), rendering: i.rendering ?? 'official', ...(i.signatures ? { signatures: i.signatures } : {}) };
  const asciiBase = `jixiao-${report.year ?? 'report'}-${report.cover.budgetCode || 'report'}`;
  if (i.format === 'pdf') return { html: renderReportHtml(report, { findings, score, standalone: true, ...form }), fileName: exportFileName(report, 'pdf'), asciiBase };
  const file = await exportReport(report, i.format, { findings, score, ...form });
  return { ...file, fileName: exportFileName(report, file.ext), asciiBase };
}

export interface ImportJobResult {
  meta: Omit<ImportResult, 'report'>;
  reportText: string;
}

/** The whole import (format sniffing, OOXML inside this same capped thread, mapping), size-capped. */
export async function importJob(i: { bytes: Uint8Array; fileName: string; maxReportBytes: number; template?: Template }): Promise<ImportJobResult> {
  const { report, ...meta } = await importFile(i.bytes, i.fileName, { inProcess: true, form: i.template ? formOf(i.template) : undefined });
  const reportText = JSON.stringify(report);
  if (Buffer.byteLength(reportText) > i.maxReportBytes)
    throw new ImportError('IMPORT.TOO_LARGE', `文件「${i.fileName}」导入后的报告内容超过 ${Math.round(i.maxReportBytes / 1048576)} MB 的上限，不像一份正常的自评报告，已拒绝导入`);
  return { meta, reportText };
}

export interface PreparedSave {
  /** the new document, personal fields sealed, ready for the report row and its version */
  storedText: string;
  changed: number;
  paths: string[];
  projection: Projection;
  /** the base version's reverse delta, stored forms (use-cases/save-report.ts reverseDelta) */
  delta: string | null;
  /** the 指标库 entries the new document quotes, when they (or its year) differ from before: library_usage to update */
  usage: { year: number | null; ids: string[] } | null;
}

/**
 * Everything a save decides from the two documents — shape, input rules, and the save rules of
 * core/workflow/save-rules.ts — for a body too large for the request thread. The write itself stays in
 * save-report.ts (one transaction, compare-and-set).
 */
export function prepareSaveJob(i: DocumentJob & { bodyText: string; scope: EditScope; confirmClear: boolean }): PreparedSave | { unchanged: true } {
  let body: unknown;
  try {
    body = JSON.parse(i.bodyText);
  } catch {
    throw new JobError('BAD_REQUEST', '请求内容不是有效的 JSON');
  }
  const parsed = SaveBody.safeParse(body);
  if (!parsed.success) {
    const fields = reportProblems(parsed.error.issues.map((x) => ({ path: x.path[0] === 'report' ? x.path.slice(1) : x.path, message: x.message })), body && typeof body === 'object' ? ((body as { report?: unknown }).report as Report | undefined) ?? null : null);
    throw new JobError('VALIDATION', inputProblemsMessage(fields, 8), { fields });
  }
  const next = parsed.data.report;
  const problems = reportInputProblems(next);
  if (problems.length > 0) throw new JobError('VALIDATION', inputProblemsMessage(problems), { fields: problems });
  const current = documentOf(i);
  const verdict = judgeSave(current, next, i.scope, { confirmClear: i.confirmClear || parsed.data.confirmClear });
  if (!verdict.ok) throw new JobError(verdict.code, verdict.message, verdict.code === 'CONFIRMATION_REQUIRED' ? { loss: verdict.loss } : { paths: verdict.paths });
  const { changes } = verdict;
  if (changes.length === 0) return { unchanged: true };
  const provider = softwareProvider(i.material);
  const sealed = sealPersonal(provider, next);
  const storedCurrent = i.sealed ? (JSON.parse(i.documentText) as Report) : sealPersonal(provider, current);
  return {
    storedText: JSON.stringify(sealed),
    delta: reverseDelta(sealed, storedCurrent),
    changed: changes.length,
    paths: changes.slice(0, 20).map((c) => c.path),
    projection: projection(next),
    usage: usageChange(current, next),
  };
}

/** use-cases/library-usage.ts's decision, made where both documents are at hand. */
function usageChange(before: Report, after: Report): PreparedSave['usage'] {
  const ids = quotedLibraryIds(after.performance.indicators);
  const was = quotedLibraryIds(before.performance.indicators);
  const same = before.year === after.year && ids.length === was.length && ids.every((x) => was.includes(x));
  return same ? null : { year: after.year, ids };
}

/** Which stored digests match the document (each algorithm once), its digest now, and its 归口科室意见. */
export function digestJob(i: DocumentJob & { stored: string[]; current: boolean }): { matches: boolean[]; digest: string | null; financeOpinion: string } {
  const crypto = softwareProvider(i.material);
  const doc = documentOf(i);
  const matches = digestMatcher(crypto, doc);
  return { matches: i.stored.map(matches), digest: i.current ? reportDigest(crypto, doc) : null, financeOpinion: doc.signoffs.finance.opinion };
}

export function diffJob(i: { aText: string; bText: string }): FieldChange[] {
  return diffValues(JSON.parse(i.aText), JSON.parse(i.bText));
}
