// The exports the server offers: io/export's one entry point, loaded on first use (docx, exceljs and
// playwright-core are large, and most requests never export). PDF goes through the process-wide warm
// renderer, created with the server's queue limits and closed with the server.
import type { ServerConfig } from './config';
import type { Deps } from './deps';

export type ExportFile = NonNullable<Deps['exportFile']>;

export interface Exporter {
  exportFile: ExportFile;
  /** closes the shared PDF renderer if this server started it */
  close(): Promise<void>;
}

export function ioExporter(config: Pick<ServerConfig, 'pdf'>): Exporter {
  let pdfUsed = false;
  return {
    async exportFile(report, format, opts) {
      const io = await import('../io/export/index');
      if (format === 'pdf') {
        // Options only apply when this call creates the renderer; exportReport then finds the same one.
        const pdf = await import('../io/export/pdf/index');
        pdf.sharedPdfRenderer({ concurrency: config.pdf.concurrency, maxWaiting: config.pdf.maxWaiting, timeoutMs: config.pdf.timeoutMs });
        pdfUsed = true;
      }
      const file = await io.exportReport(report, format, opts);
      return { ...file, fileName: io.exportFileName(report, file.ext, opts.form) };
    },
    async close() {
      if (!pdfUsed) return;
      pdfUsed = false;
      await (await import('../io/export/pdf/index')).closeSharedPdfRenderer();
    },
  };
}
