// Every way an OOXML import can fail, as a stable code and the Chinese sentence a person reads.
// Codes are part of the contract with the server and CLI (they map to HTTP statuses and log fields),
// so they never change once published; messages may be reworded.
import { ImportError } from '../import/doc';

const MESSAGES = {
  'OOXML.ZIP_TOO_LARGE': '文件过大，超过了允许导入的大小上限。请删除文档中的图片等无关内容后再导入。',
  'OOXML.TOO_MANY_ENTRIES': '文件内部的组成部分过多，不像正常的 Word/Excel 文件，已拒绝导入。',
  'OOXML.ZIP_BOMB': '文件解压后的体积异常（疑似“压缩炸弹”），已拒绝导入。请用 Word、WPS 或 Excel 重新保存后再试。',
  'OOXML.PATH_TRAVERSAL': '文件内部含有不安全的路径名，已拒绝导入。',
  'OOXML.UNSAFE_ENTRY': '文件内部含有重复或特殊（如符号链接）的组成部分，已拒绝导入。',
  'OOXML.ENCRYPTED': '文件已加密或设置了打开密码，无法读取。请在 Word/WPS/Excel 中取消密码后另存再导入。',
  'OOXML.NESTED_ARCHIVE': '文件中应为 XML 的部分是另一个压缩包，已拒绝导入。',
  'OOXML.UNSUPPORTED_METHOD': '文件使用了不支持的压缩方式。请用 Word、WPS 或 Excel 重新保存后再导入。',
  'OOXML.TRUNCATED': '文件不完整（可能下载或拷贝时被截断），无法读取。请重新获取原文件后再导入。',
  'OOXML.CORRUPT': '文件已损坏，无法读取。请用 Word、WPS 或 Excel 打开并另存后再导入。',
  'OOXML.MISSING_PART': '文件缺少必要的组成部分，不是完整的 Word/Excel 文档。',
  'OOXML.DTD_FORBIDDEN': '文件中含有 DTD/实体声明（正常的 Word/Excel 文件不会有），出于安全原因已拒绝导入。',
  'OOXML.XML_INVALID': '文件内部的 XML 格式错误，无法读取。请用 Word、WPS 或 Excel 打开并另存后再导入。',
  'OOXML.XML_TOO_LARGE': '文件内部的 XML 部分过大或层级过深，已拒绝导入。',
  'OOXML.SHARED_STRINGS_TOO_LARGE': 'Excel 文件中的共享文本过多或过长，已拒绝导入。',
  'OOXML.SHEET_TOO_LARGE': 'Excel 工作表的范围过大（单元格或合并区域过多），已拒绝导入。请只保留报告所需的表格。',
  'OOXML.CONTENT_TOO_LARGE': '文档内容过多（文字或表格单元格数量超过上限），已拒绝导入。',
  'OOXML.TIMEOUT': '文件解析超时，已停止。文件可能过于复杂或已损坏。',
  'OOXML.OUT_OF_MEMORY': '文件解析所需内存超过上限，已停止。文件可能过于复杂或已损坏。',
  'OOXML.BUSY': '当前导入的文件过多，请稍后再试。',
  'OOXML.WORKER_FAILED': '文件解析过程意外中止，请稍后重试；如仍失败，请用 Word、WPS 或 Excel 另存后再导入。',
  'OOXML.PARSE_FAILED': '文件内容无法解析。请用 Word、WPS 或 Excel 打开并另存后再导入。',
  'FORMAT.EMPTY': '文件是空的。',
  'FORMAT.LEGACY_DOC':
    '这是旧版 Word 97-2003 .doc 文件，Jixiao 无法直接读取。请在 Word 或 WPS 中打开后「另存为」.docx 格式再导入。',
  'FORMAT.LEGACY_XLS':
    '这是旧版 Excel 97-2003 .xls 文件，Jixiao 无法直接读取。请在 Excel 或 WPS 中打开后「另存为」.xlsx 格式再导入。',
  'LEGACY.CONVERT_FAILED':
    'LibreOffice 未能把这个旧版文件转换为 .docx/.xlsx（文件可能已损坏、加密或不是 Word/Excel 文件）。请在 Word、Excel 或 WPS 中打开后「另存为」.docx 或 .xlsx 再导入。',
  'LEGACY.TIMEOUT': '旧版文件转换超时，已停止。请在 Word、Excel 或 WPS 中打开后「另存为」.docx 或 .xlsx 再导入。',
  'FORMAT.ENCRYPTED_OFFICE':
    '这是设置了打开密码的 Office 文件，无法读取。请在 Word/WPS/Excel 中打开，取消密码后另存为 .docx 或 .xlsx 再导入。',
  'FORMAT.LEGACY_OFFICE':
    '这是旧版 Office 97-2003 格式的文件，Jixiao 无法直接读取。请在 Word、Excel 或 WPS 中打开后另存为 .docx 或 .xlsx 再导入。',
  'FORMAT.PDF':
    '这是 PDF 文件，无法从中可靠地读取表格。请导入报告的 Word（.docx）或 Excel（.xlsx）原文件；如只有 PDF，可复制文字保存为 .txt 后导入。',
  'FORMAT.IMAGE': '这是图片文件，无法从中读取报告内容。请导入报告的 Word（.docx）或 Excel（.xlsx）原文件。',
  'FORMAT.ODF': '这是 OpenDocument（.odt/.ods）文件。请在 WPS、LibreOffice 或 Office 中「另存为」.docx 或 .xlsx 后再导入。',
  'FORMAT.PPTX': '这是 PowerPoint 演示文稿，不是报告文件。请导入报告的 Word（.docx）或 Excel（.xlsx）文件。',
  'FORMAT.TEXT': '这是纯文本文件，不是 Word/Excel 文件，应按文本方式导入。',
  'FORMAT.ARCHIVE': '这是普通压缩包，不是 Word/Excel 文件。请解压后分别导入其中的 .docx 或 .xlsx 文件。',
  'FORMAT.UNKNOWN': '无法识别的文件格式。请导入 Word（.docx）、Excel（.xlsx）或文本（.txt）文件。',
} as const;

export type OoxmlErrorCode = keyof typeof MESSAGES;

/** The Chinese message for a code, with an optional detail (a part name, a number) appended. */
export function messageFor(code: OoxmlErrorCode, detail?: string): string {
  return detail ? `${MESSAGES[code]}（${detail}）` : MESSAGES[code];
}

export function ooxmlError(code: OoxmlErrorCode, detail?: string): ImportError {
  return new ImportError(code, messageFor(code, detail));
}

export function isKnownCode(code: string): code is OoxmlErrorCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/**
 * Anything that is not already an ImportError (a library throwing on malformed input, a stack overflow
 * on pathological nesting) becomes one with a stable code, so callers never see a raw exception.
 */
export function toImportError(e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) return ooxmlError('OOXML.XML_TOO_LARGE', '嵌套过深');
  return ooxmlError('OOXML.PARSE_FAILED');
}
