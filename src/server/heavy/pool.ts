// Heavy work off the request thread (issue 13 §1): judging, exporting, importing, saving, digesting and
// diffing documents beyond a small size run in worker threads (io/worker/sandbox.ts) with a heap cap, a
// time cap, a concurrency cap and a bounded queue, so /api/health and every other user's requests keep
// answering while one user works on the largest report the limits allow.
import type { CheckResult } from '../../core/check';
import type { Template } from '../../core/model/template';
import type { PriorYear } from '../../core/library/prior-year';
import type { Report } from '../../core/model/report';
import type { FieldChange } from '../../core/workflow/diff';
import type { EditScope } from '../../core/workflow/edit';
import type { ExportFormat, PrintedSignature } from '../../io/export/index';
import type { Rendering } from '../../io/export/content';
import { ImportError } from '../../io/import/doc';
import type { ImportResult } from '../../io/import/index';
import { createSandbox } from '../../io/worker/sandbox';
import type { ServerConfig } from '../config';
import type { CryptoProvider } from '../crypto/provider';
import { AppError, ERROR_STATUS, type ErrorCode } from '../errors';
import type { ExportJobResult, ImportJobResult, PreparedSave } from './jobs';
import type { HeavyJob } from './worker';

/** A document for the pool: its stored text (sealed), or a document in hand (serialised for the worker). */
export type DocumentInput = { sealedText: string } | { report: Report };

export interface HeavyWork {
  check(doc: DocumentInput, opts: { truncated: boolean; priorYear?: PriorYear; view?: boolean; template?: Template }): Promise<CheckResult & { openedText?: string }>;
  export(doc: DocumentInput, format: ExportFormat, opts: { truncated: boolean; priorYear?: PriorYear; template?: Template; rendering?: Rendering; signatures?: readonly PrintedSignature[] }): Promise<ExportJobResult>;
  importFile(bytes: Uint8Array, fileName: string, template?: Template): Promise<ImportResult>;
  prepareSave(i: { current: DocumentInput; bodyText: string; scope: EditScope; confirmClear: boolean }): Promise<PreparedSave | { unchanged: true }>;
  /** which stored signature digests match the document, its digest now, and its 归口科室意见 */
  digests(doc: DocumentInput, stored: string[], current: boolean): Promise<{ matches: boolean[]; digest: string | null; financeOpinion: string }>;
  diff(a: Report, b: Report): Promise<FieldChange[]>;
  readonly load: { active: number; waiting: number };
}

const isCode = (c: string): c is ErrorCode => Object.prototype.hasOwnProperty.call(ERROR_STATUS, c);

export function createHeavyWork(config: Pick<ServerConfig, 'heavy' | 'reportMaxBytes'>, crypto: CryptoProvider): HeavyWork {
  const h = config.heavy;
  const sandbox = createSandbox<HeavyJob, unknown>(
    new URL('./worker.ts', import.meta.url),
    {
      busy: () => new AppError('WORK_BUSY', '服务器正在处理其他大型报告，请稍后再试', { retryAfter: 15 }),
      timeout: () => new AppError('WORK_TIMEOUT', `处理超时（超过 ${Math.round(h.timeoutMs / 1000)} 秒），报告可能过大，请稍后再试或精简内容`, { retryAfter: 30 }),
      outOfMemory: () => new AppError('WORK_TOO_LARGE', '报告过大，处理所需内存超过上限，请精简内容（如过长的文字、过多的表格行）后再试'),
      failed: () => new AppError('INTERNAL', '处理过程意外中止，请稍后重试；如持续出现请联系管理员'),
      fromWorker: (code, message, extra) => {
        if (extra?.importError) return new ImportError(code, message);
        return isCode(code) ? new AppError(code, message, extra) : new AppError('INTERNAL', '处理过程意外中止，请稍后重试；如持续出现请联系管理员');
      },
    },
    {
      timeoutMs: h.timeoutMs,
      maxOldGenerationSizeMb: h.heapMb,
      maxYoungGenerationSizeMb: 64,
      maxConcurrent: h.maxConcurrent,
      maxQueued: h.maxQueued,
      // the PDF browser driver is never loaded in a worker: a PDF comes back as HTML for the shared Chromium
      stubs: ['playwright-core'],
    },
  );
  const run = <T>(job: HeavyJob, transfer: ArrayBuffer[] = []) => sandbox.run(job, transfer) as Promise<T>;
  const material = crypto.material();
  const document = (d: DocumentInput) => ('sealedText' in d ? { documentText: d.sealedText, sealed: true, material } : { documentText: JSON.stringify(d.report), sealed: false, material });
  return {
    get load() {
      return sandbox.load;
    },
    check: (doc, o) => run({ kind: 'check', ...document(doc), truncated: o.truncated, priorYear: o.priorYear, view: o.view, template: o.template }),
    export: (doc, format, o) => run<ExportJobResult>({ kind: 'export', ...document(doc), format, truncated: o.truncated, priorYear: o.priorYear, template: o.template, rendering: o.rendering, signatures: o.signatures }),
    async importFile(bytes, fileName, template) {
      const own = new Uint8Array(bytes);
      const r = await run<ImportJobResult>({ kind: 'import', bytes: own, fileName, maxReportBytes: config.reportMaxBytes, template }, [own.buffer as ArrayBuffer]);
      return { ...r.meta, report: JSON.parse(r.reportText) as Report };
    },
    prepareSave: (i) => run({ kind: 'save', ...document(i.current), bodyText: i.bodyText, scope: i.scope, confirmClear: i.confirmClear }),
    digests: (doc, stored, current) => run({ kind: 'digest', ...document(doc), stored, current }),
    diff: (a, b) => run({ kind: 'diff', aText: JSON.stringify(a), bText: JSON.stringify(b) }),
  };
}
