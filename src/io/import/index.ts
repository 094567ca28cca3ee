// Import any supported file into a Report: sniff the format from its bytes, read it into a Doc, map the Doc.
import type { Report } from '../../core/model/report';
import { type Doc, type Family, type ImportDiagnostic, ImportError, type Unmapped } from './doc';
import { mapDoc, type MapOptions } from './map/index';
import { decodeEntities } from './text/clean';
import { decodeText } from './text/decode';
import { textToDoc } from './text/blocks';

export interface ImportResult {
  report: Report;
  /** everything in the source no field took, with its place */
  unmapped: Unmapped[];
  family: Family;
  diagnostics: ImportDiagnostic[];
  /** the document ends early (a cut-off web copy); missing later sections are not data errors */
  truncated: boolean;
  format: 'text' | 'docx' | 'xlsx';
}

/** Maps an already-read Doc; refuses documents in which nothing at all was recognised. */
export function importDoc(doc: Doc, opts: MapOptions = {}): ImportResult {
  const mapped = mapDoc(doc, opts);
  if (mapped.family === 'unknown' && nothingMapped(mapped.report)) {
    throw new ImportError(
      'IMPORT.UNRECOGNISED',
      '文件内容无法识别为部门整体支出绩效评价自评报告：没有找到封面、基本概况、收支表或绩效指标等任何栏目。',
    );
  }
  if (doc.convertedFrom) {
    const from = doc.convertedFrom === 'doc' ? '旧版 Word 97-2003（.doc/.wps）' : '旧版 Excel 97-2003（.xls/.et）';
    mapped.diagnostics.unshift({ code: 'IMPORT.CONVERTED', severity: 'info', message: `此文件是${from}格式，已由 LibreOffice 转换为 .${doc.format} 后导入；请核对表格内容是否完整。` });
  }
  return { ...mapped, format: doc.format };
}

/** Text files (the Word-flattened forms and web copies); synchronous because it is the hot batch path. */
export function importText(bytes: Uint8Array | string, opts: MapOptions = {}): ImportResult {
  const text = decodeEntities(typeof bytes === 'string' ? bytes : decodeText(bytes));
  return importDoc(textToDoc(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text), opts);
}

/** `inProcess`: read OOXML on this thread (the caller is already a capped worker, e.g. the server's). */
/** `form`: read onto that form (a task's template) besides the one detected. */
export async function importFile(bytes: Uint8Array, fileName: string, opts: { inProcess?: boolean } & MapOptions = {}): Promise<ImportResult> {
  const kind = sniff(bytes);
  const map = { form: opts.form };
  if (kind === 'zip' || kind === 'ole' || kind === 'pdf') {
    const { readOoxml } = await import('../ooxml/read');
    return importDoc(await readOoxml(bytes, fileName, { inProcess: opts.inProcess }), map);
  }
  return importText(bytes, map);
}

function sniff(b: Uint8Array): 'zip' | 'ole' | 'pdf' | 'text' {
  if (b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7)) return 'zip';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'ole';
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
  return 'text';
}

function nothingMapped(r: Report): boolean {
  const c = r.cover;
  return (
    !c.departmentName &&
    !c.budgetCode &&
    !c.reportDate &&
    r.year == null &&
    !r.overview.contact &&
    r.overview.staffQuota == null &&
    !r.finance.income.length &&
    !r.finance.expenditure.length &&
    !r.performance.indicators.length &&
    r.performance.selfScore == null
  );
}

export { ImportError } from './doc';
export type { Doc, Family, ImportDiagnostic, Unmapped } from './doc';
