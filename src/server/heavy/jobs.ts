// The heavy work the server hands to worker threads (issue 13 §1), as plain functions of plain data so they
// run the same in a worker and, for small documents, on the request thread: judging a report, exporting it,
// importing a file, preparing a large save, digesting a document for signatures, diffing two versions.
// Documents travel as JSON text (cheap to send; parsing happens here, not on the request thread).
import { checkReport, type CheckResult } from '../../core/check';
import type { Report } from '../../core/model/report';
import { inputProblemsMessage, reportInputProblems } from '../../core/input';
import { diffValues, type FieldChange } from '../../core/workflow/diff';
import type { EditScope } from '../../core/workflow/edit';
import { judgeSave } from '../../core/workflow/save-rules';
import { exportFileName, exportReport, type ExportFormat } from '../../io/export/index';
import { renderReportHtml } from '../../io/export/html/index';
import { importFile, type ImportResult } from '../../io/import/index';
import { ImportError } from '../../io/import/doc';
import { digestMatcher, reportDigest } from '../audit/canonical';
import { sealPersonal } from '../crypto/personal-data';
import { softwareProvider, type ProviderMaterial } from '../crypto/provider';
import { SaveBody } from '../http/schemas';
import { reportProblems } from '../http/validation-messages';

/** A failure a job reports in the server's own terms (an AppError code, a Chinese message). */
export class JobError extends Error {
  constructor(readonly code: string, message: string, readonly extra?: Record<string, unknown>) {
    super(message);
  }
}

export function checkJob(i: { documentText: string; truncated: boolean }): CheckResult {
  return checkReport(JSON.parse(i.documentText) as Report, { truncated: i.truncated });
}

export type ExportJobResult = { bytes: Uint8Array; mime: string; ext: string; fileName: string } | { html: string; fileName: string };

/** Findings and score, then the file; a PDF comes back as its HTML for the one shared Chromium to print. */
export async function exportJob(i: { documentText: string; format: ExportFormat; truncated: boolean }): Promise<ExportJobResult> {
  const report = JSON.parse(i.documentText) as Report;
  const { findings, score } = checkReport(report, { truncated: i.truncated });
  if (i.format === 'pdf') return { html: renderReportHtml(report, { findings, score, standalone: true }), fileName: exportFileName(report, 'pdf') };
  const file = await exportReport(report, i.format, { findings, score });
  return { ...file, fileName: exportFileName(report, file.ext) };
}

export interface ImportJobResult {
  meta: Omit<ImportResult, 'report'>;
  reportText: string;
}

/** The whole import (format sniffing, OOXML inside this same capped thread, mapping), size-capped. */
export async function importJob(i: { bytes: Uint8Array; fileName: string; maxReportBytes: number }): Promise<ImportJobResult> {
  const { report, ...meta } = await importFile(i.bytes, i.fileName, { inProcess: true });
  const reportText = JSON.stringify(report);
  if (reportText.length > i.maxReportBytes)
    throw new ImportError('IMPORT.TOO_LARGE', `文件「${i.fileName}」导入后的报告内容超过 ${Math.round(i.maxReportBytes / 1048576)} MB 的上限，不像一份正常的自评报告，已拒绝导入`);
  return { meta, reportText };
}

export interface PreparedSave {
  /** the new document, personal fields sealed, ready for the report row and its version */
  storedText: string;
  changed: number;
  paths: string[];
  projection: { self_score: number | null; grade: string };
}

/**
 * Everything a save decides from the two documents — shape, input rules, what changed, whether the role
 * may change it, whether it empties the report — for a body too large for the request thread. Mirrors
 * save-report.ts step by step; the write itself stays there (one transaction, compare-and-set).
 */
export function prepareSaveJob(i: { currentText: string; bodyText: string; scope: EditScope; confirmClear: boolean; material: ProviderMaterial }): PreparedSave | { unchanged: true } {
  let body: unknown;
  try {
    body = JSON.parse(i.bodyText);
  } catch {
    throw new JobError('BAD_REQUEST', '请求内容不是有效的 JSON');
  }
  const parsed = SaveBody.safeParse(body);
  if (!parsed.success) {
    const fields = reportProblems(parsed.error.issues.map((x) => ({ path: x.path[0] === 'report' ? x.path.slice(1) : x.path, message: x.message })));
    throw new JobError('VALIDATION', inputProblemsMessage(fields, 8), { fields });
  }
  const next = parsed.data.report;
  const problems = reportInputProblems(next);
  if (problems.length > 0) throw new JobError('VALIDATION', inputProblemsMessage(problems), { fields: problems });
  const current = JSON.parse(i.currentText) as Report;
  const verdict = judgeSave(current, next, i.scope, { confirmClear: i.confirmClear || parsed.data.confirmClear });
  if (!verdict.ok) throw new JobError(verdict.code, verdict.message, verdict.code === 'CONFIRMATION_REQUIRED' ? { loss: verdict.loss } : { paths: verdict.paths });
  const { changes } = verdict;
  if (changes.length === 0) return { unchanged: true };
  const crypto = softwareProvider(i.material);
  return {
    storedText: JSON.stringify(sealPersonal(crypto, next)),
    changed: changes.length,
    paths: changes.slice(0, 20).map((c) => c.path),
    projection: { self_score: next.performance.selfScore, grade: next.performance.grade },
  };
}

/** Which of the stored digests match the document (each algorithm computed once). */
export function digestJob(i: { documentText: string; stored: string[]; current: boolean; material: ProviderMaterial }): { matches: boolean[]; digest: string | null } {
  const crypto = softwareProvider(i.material);
  const doc = JSON.parse(i.documentText) as unknown;
  const matches = digestMatcher(crypto, doc);
  return { matches: i.stored.map(matches), digest: i.current ? reportDigest(crypto, doc) : null };
}

export function diffJob(i: { aText: string; bText: string }): FieldChange[] {
  return diffValues(JSON.parse(i.aText), JSON.parse(i.bText));
}
