// What a file is, from its first bytes rather than its name, and the clear refusal for everything that
// is not a DOCX/XLSX zip: legacy Office (OLE), PDF, images, text, anything else.
import type { ImportError } from '../import/doc';
import { ooxmlError } from './errors';

export type SniffedFormat = 'zip' | 'ole' | 'pdf' | 'text' | 'binary';

const starts = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return 'binary';
  // PK\3\4 is a zip's first entry; PK\5\6 an empty zip; PK\7\8 a split-archive marker.
  if (starts(bytes, 0x50, 0x4b) && [3, 5, 7].includes(bytes[2]!) && bytes[3] === bytes[2]! + 1) return 'zip';
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  // The PDF header may sit anywhere in the first 1024 bytes.
  if (indexOfAscii(bytes.subarray(0, 1024), '%PDF-') >= 0) return 'pdf';
  return looksLikeText(bytes.subarray(0, 64 * 1024)) ? 'text' : 'binary';
}

/** The ImportError for a file that is not a zip, or undefined when it is one (then the zip decides). */
export function refuseNonZip(bytes: Uint8Array, fileName: string): ImportError | undefined {
  if (bytes.length === 0) return ooxmlError('FORMAT.EMPTY');
  switch (sniffFormat(bytes)) {
    case 'zip':
      return undefined;
    case 'ole':
      return ooxmlError(oleKind(bytes, fileName));
    case 'pdf':
      return ooxmlError('FORMAT.PDF');
    case 'text':
      return ooxmlError('FORMAT.TEXT');
    default:
      return ooxmlError(isImage(bytes) ? 'FORMAT.IMAGE' : 'FORMAT.UNKNOWN');
  }
}

/** 'doc' or 'xls' for a legacy Word or Excel file (WPS's .wps and .et are the same formats), else null. */
export function legacyKind(bytes: Uint8Array, fileName: string): 'doc' | 'xls' | null {
  if (sniffFormat(bytes) !== 'ole') return null;
  const kind = oleKind(bytes, fileName);
  return kind === 'FORMAT.LEGACY_DOC' ? 'doc' : kind === 'FORMAT.LEGACY_XLS' ? 'xls' : null;
}

/**
 * An OLE compound file is a legacy .doc/.xls (or WPS .wps/.et), or a password-protected .docx/.xlsx
 * (Office wraps the encrypted package in OLE). Its directory names the streams in UTF-16LE.
 */
function oleKind(bytes: Uint8Array, fileName: string) {
  if (hasUtf16(bytes, 'EncryptedPackage')) return 'FORMAT.ENCRYPTED_OFFICE' as const;
  if (hasUtf16(bytes, 'WordDocument')) return 'FORMAT.LEGACY_DOC' as const;
  if (hasUtf16(bytes, 'Workbook') || hasUtf16(bytes, 'Book')) return 'FORMAT.LEGACY_XLS' as const;
  const ext = fileName.toLowerCase().slice(fileName.lastIndexOf('.') + 1);
  if (ext === 'doc' || ext === 'wps') return 'FORMAT.LEGACY_DOC' as const;
  if (ext === 'xls' || ext === 'et') return 'FORMAT.LEGACY_XLS' as const;
  return 'FORMAT.LEGACY_OFFICE' as const;
}

function isImage(b: Uint8Array): boolean {
  return (
    starts(b, 0x89, 0x50, 0x4e, 0x47) || // PNG
    starts(b, 0xff, 0xd8, 0xff) || // JPEG
    starts(b, 0x47, 0x49, 0x46, 0x38) || // GIF8
    starts(b, 0x42, 0x4d) || // BMP
    starts(b, 0x49, 0x49, 0x2a, 0x00) ||
    starts(b, 0x4d, 0x4d, 0x00, 0x2a) || // TIFF
    (starts(b, 0x52, 0x49, 0x46, 0x46) && indexOfAscii(b.subarray(8, 12), 'WEBP') === 0)
  );
}

/**
 * Text in any of the encodings Chinese reports come in (UTF-8, GBK/GB18030, UTF-16 with a BOM): no NUL
 * bytes outside UTF-16, and almost no control characters besides tab, newline, carriage return and form feed.
 */
function looksLikeText(b: Uint8Array): boolean {
  if (starts(b, 0xff, 0xfe) || starts(b, 0xfe, 0xff)) return true;
  let control = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    if (x === 0) return false;
    if (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d && x !== 0x0c && x !== 0x1b) control++;
  }
  return control <= b.length / 100;
}

function indexOfAscii(b: Uint8Array, s: string): number {
  outer: for (let i = 0; i + s.length <= b.length; i++) {
    for (let j = 0; j < s.length; j++) if (b[i + j] !== s.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

function hasUtf16(b: Uint8Array, s: string): boolean {
  const pat = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) pat[i * 2] = s.charCodeAt(i);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(pat) >= 0;
}
