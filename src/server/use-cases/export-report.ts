// 导出报告: the official layout (DOCX, PDF, XLSX, HTML) or open data (JSON, CSV zip) of a report the
// user may see, with the current findings and score. Each export is audited with the file's SHA-256,
// so a document that turns up later can be matched to who took it out, when, and from which version.
import type { ExportFormat } from '../../io/export/index';
import { sha256Hex } from '../audit/canonical';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { ioExporter } from '../exporter';
import { checksWithPriorYear } from './prior-year';
import { by, inTransaction, loadVisibleReport } from './shared';

export interface ExportDownload {
  bytes: Uint8Array;
  mime: string;
  ext: string;
  /** the Chinese download name, e.g. 2021年度党群工作部部门整体支出绩效自评报告.docx */
  fileName: string;
  /** an ASCII-only name for clients that cannot read RFC 5987 names */
  asciiName: string;
  sha256: string;
  version: number;
}

export async function exportReportFile(deps: Deps, o: { actor: Actor; id: string; format: ExportFormat }): Promise<ExportDownload> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  const { findings, score } = await checksWithPriorYear(deps, o.actor, row);
  const exportFile = deps.exportFile ?? ioExporter(deps.config).exportFile;
  let file: Awaited<ReturnType<typeof exportFile>>;
  try {
    file = await exportFile(row.document, o.format, { findings, ...(score ? { score } : {}) });
  } catch (err) {
    throw exportError(err);
  }
  const sha256 = sha256Hex(file.bytes);
  const { year, cover } = row.document;
  const asciiName = `jixiao-${year ?? 'report'}-${cover.budgetCode || row.department_id}`.replace(/[^A-Za-z0-9._-]+/g, '_') + `.${file.ext}`;
  await inTransaction(deps, (_trx, audit) =>
    audit({
      ...by(o.actor), event: 'report_export', objectType: 'report', objectId: row.id,
      detail: { format: o.format, sha256, size: file.bytes.byteLength, version: row.version, fileName: file.fileName },
    }),
  );
  return { ...file, asciiName, sha256, version: row.version };
}

/**
 * The PDF renderer's failures (io/export/pdf) by their stable codes, not by class: the server does not
 * load playwright-core until someone asks for a PDF.
 */
function exportError(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  // waiting will not bring a browser that is not installed: no Retry-After
  if (code === 'PDF.CHROMIUM_MISSING') return new AppError('EXPORT_UNAVAILABLE', message, { retryAfter: false });
  if (code === 'PDF.QUEUE_FULL') return new AppError('EXPORT_BUSY', 'PDF 导出请求较多，排队已满，请稍后再试', { retryAfter: 15 });
  if (code === 'PDF.TIMEOUT') return new AppError('EXPORT_BUSY', `${message}，服务器繁忙，请稍后再试`, { retryAfter: 30 });
  return err;
}
