// PDF export: the one HTML rendering printed by the system Chromium.
import type { FormDescriptor } from '../../../core/forms/index';
import type { Finding } from '../../../core/model/finding';
import type { Report } from '../../../core/model/report';
import type { Scorecard } from '../../../core/model/score';
import type { PrintedSignature, Rendering } from '../content';
import { renderReportHtml } from '../html/index';
import { PdfRenderer, type PdfRendererOptions } from './renderer';

export interface RenderPdfOptions {
  rendering?: Rendering;
  findings?: readonly Finding[];
  signatures?: readonly PrintedSignature[];
  score?: Scorecard;
  form?: FormDescriptor;
  /** the renderer to print with; default: the shared one */
  renderer?: PdfRenderer;
}

export async function renderReportPdf(report: Report, opts: RenderPdfOptions = {}): Promise<Uint8Array> {
  const html = renderReportHtml(report, { rendering: opts.rendering, findings: opts.findings, signatures: opts.signatures, score: opts.score, form: opts.form, standalone: true });
  return (opts.renderer ?? sharedPdfRenderer()).render(html);
}

let shared: PdfRenderer | null = null;

/**
 * The process-wide renderer, started on first use. The CLI and the server call closeSharedPdfRenderer()
 * on shutdown; options apply only when this call creates it.
 */
export function sharedPdfRenderer(opts?: PdfRendererOptions): PdfRenderer {
  shared ??= new PdfRenderer(opts);
  return shared;
}

export async function closeSharedPdfRenderer(): Promise<void> {
  const r = shared;
  shared = null;
  await r?.close();
}

export { PdfRenderer, PdfTimeoutError, type PdfRendererOptions } from './renderer';
export { ChromiumMissingError, CHROMIUM_MISSING_MESSAGE, findChromium, LAUNCH_ARGS } from './chromium';
export { QueueFullError, TaskQueue } from './queue';
