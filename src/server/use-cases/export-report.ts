// 导出报告: the official layout (DOCX, PDF, XLSX, HTML) or open data (JSON, CSV zip) of a report the
// user may see, with the current findings and score. Each export is audited with the file's SHA-256,
// so a document that turns up later can be matched to who took it out, when, and from which version.
import type { FormDescriptor } from '../../core/forms/index';
import type { ExportFormat, Rendering } from '../../io/export/index';
import { signaturesToPrint } from './list-signatures';
import { fileDigests } from '../audit/canonical';
import type { ReportRow } from '../repositories/reports';
import { poolFor, stored } from './document-work';
import { assertWithinRate } from './rate-limit';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { ioExporter } from '../exporter';
import { checksWithPriorYear, priorYearOf, type PriorYearView } from './prior-year';
import { by, importedTruncated, inTransaction, loadVisibleReport, templateOf } from './shared';

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
  /** which rendering the file is (JSON and CSV are data: official) */
  rendering: Rendering;
}

export async function exportReportFile(deps: Deps, o: { actor: Actor; id: string; format: ExportFormat; rendering?: Rendering }): Promise<ExportDownload> {
  const rendering = o.rendering ?? 'official';
  const row = await loadVisibleReport(deps, o.actor, o.id);
  await assertWithinRate(deps, o.actor, 'export');
  let file: Awaited<ReturnType<NonNullable<Deps['exportFile']>>> & { asciiBase: string };
  try {
    const pool = poolFor(deps, row);
    file = pool ? await exportLarge(deps, pool, row, o.format, await priorYearOf(deps, o.actor, row), rendering) : await exportSmall(deps, o.actor, row, o.format, rendering);
  } catch (err) {
    throw exportError(err);
  }
  const { sha256, ...digests } = fileDigests(deps.crypto, file.bytes);
  const { asciiBase, ...download } = file;
  const asciiName = asciiBase.replace(/[^A-Za-z0-9._-]+/g, '_') + `.${file.ext}`;
  await inTransaction(deps, (_trx, audit) =>
    audit({
      ...by(o.actor), event: 'report_export', objectType: 'report', objectId: row.id,
      detail: { format: o.format, rendering, sha256, ...digests, size: file.bytes.byteLength, version: row.version, fileName: file.fileName },
    }),
  );
  return { ...download, asciiName, sha256, version: row.version, rendering };
}

async function exportSmall(deps: Deps, actor: Actor, row: ReportRow, format: ExportFormat, rendering: Rendering) {
  const signatures = await signaturesToPrint(deps, row);
  const template = await templateOf(deps, row.document);
  const { findings, score } = await checksWithPriorYear(deps, actor, row);
  const exportFile = deps.exportFile ?? ioExporter(deps.config).exportFile;
  const { year, cover } = row.document;
  const form = template ? { form: template.form as FormDescriptor } : {};
  return { ...(await exportFile(row.document, format, { rendering, findings, signatures, ...(score ? { score } : {}), ...form })), asciiBase: `jixiao-${year ?? 'report'}-${cover.budgetCode || row.department_id}` };
}

/** A large report is judged and rendered in the heavy-work pool; a PDF's HTML is printed by the shared Chromium. */
async function exportLarge(deps: Deps, pool: NonNullable<Deps['heavy']>, row: ReportRow, format: ExportFormat, priorYear: PriorYearView | null, rendering: Rendering) {
  const template = await templateOf(deps, row.document);
  const signatures = await signaturesToPrint(deps, row);
  const out = await pool.export(stored(row), format, { truncated: importedTruncated(row.import_meta), rendering, signatures, ...(template ? { template } : {}), ...(priorYear ? { priorYear: { year: priorYear.year, indicators: priorYear.indicators } } : {}) });
  if ('bytes' in out) return out;
  const pdf = await import('../../io/export/pdf/index');
  const renderer = pdf.sharedPdfRenderer({ concurrency: deps.config.pdf.concurrency, maxWaiting: deps.config.pdf.maxWaiting, timeoutMs: deps.config.pdf.timeoutMs });
  return { bytes: await renderer.render(out.html), mime: 'application/pdf', ext: 'pdf', fileName: out.fileName, asciiBase: out.asciiBase };
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
