// Test helper: the hostile corpus of docs/security.md §4.4, generated (never committed as binaries).
// Each entry names the file, how to build it, and the error code it must end in.
import { unzipSync, zipSync } from 'fflate';
import { constants, deflateRawSync } from 'node:zlib';
import type { OoxmlLimits } from '../limits';
import { docxPackage, documentXml, xlsxPackage } from './packages';
import { writeZip } from './zip-writer';

export interface HostileCase {
  name: string;
  bytes: () => Uint8Array;
  /** Acceptable outcomes: error codes, or 'ok' for a file that must import correctly. */
  expect: string[];
  /**
   * Caps to relax so the file reaches the layer it attacks: repetitive payloads are otherwise already
   * refused by the zip's 100:1 ratio cap (which the default-limits run also checks).
   */
  limits?: Partial<OoxmlLimits>;
}

const DEEPER = { maxCompressionRatio: 100_000 };

/** n MB of zeros as one deflate stream: a sync-flushed 1 MB block repeated, then an empty final block. */
export function zerosDeflated(mb: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(1024 * 1024), { flush: constants.Z_SYNC_FLUSH });
  const out = new Uint8Array(block.length * mb + 2);
  for (let i = 0; i < mb; i++) out.set(block, i * block.length);
  out.set([0x03, 0x00], block.length * mb);
  return out;
}

/** A DOCX whose word/document.xml is `mb` MB of zeros, declaring `declared` bytes. */
export function zipBomb(mb: number, declared: number): Uint8Array {
  const parts = Object.entries(unzipSync(docxPackage(documentXml('<w:p/>')))).filter(([n]) => n !== 'word/document.xml');
  return writeZip([
    ...parts.map(([name, data]) => ({ name, data })),
    { name: 'word/document.xml', compressed: zerosDeflated(mb), declaredSize: declared, crc: 0 },
  ]);
}

/** A sheet whose rows 1..n each reference shared string 0 from column A. */
function refs(n: number): string {
  return `<sheetData>${Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`).join('')}</sheetData>`;
}

/** n varied CJK characters: text that does not compress like a bomb. */
export function cjk(n: number, seed = 7): string {
  const r = randomBytes(n * 2, seed);
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = 0x4e00 + (((r[2 * i]! << 8) | r[2 * i + 1]!) % 0x5000);
  return new TextDecoder('utf-16le').decode(codes);
}

/** A small seeded PRNG, so "random bytes" are the same on every run. */
export function randomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function ole(streamName: string): Uint8Array {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < streamName.length; i++) out[1024 + i * 2] = streamName.charCodeAt(i);
  return out;
}

const enc = new TextEncoder();
const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
const bigEntity = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY big "${'x'.repeat(9000)}">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>${'&big;'.repeat(10000)}</w:t></w:r></w:p></w:body></w:document>`;

export const HOSTILE: HostileCase[] = [
  { name: 'zip bomb: 1 GB of zeros declared honestly', bytes: () => zipBomb(1024, 1024 ** 3), expect: ['OOXML.ZIP_BOMB'] },
  { name: 'zip bomb: 1 GB of zeros declaring 50 KB', bytes: () => zipBomb(1024, 50_000), expect: ['OOXML.ZIP_BOMB'] },
  { name: 'nested zip as word/document.xml', bytes: () => docxPackage(zipSync({ 'word/document.xml': enc.encode(documentXml('<w:p/>')) })), expect: ['OOXML.NESTED_ARCHIVE'] },
  { name: 'billion laughs in word/document.xml', bytes: () => docxPackage(laughs), expect: ['OOXML.DTD_FORBIDDEN'] },
  { name: 'external entity (XXE) to /etc/passwd', bytes: () => docxPackage(xxe), expect: ['OOXML.DTD_FORBIDDEN'] },
  { name: 'one large entity referenced 10k times', bytes: () => docxPackage(bigEntity), expect: ['OOXML.DTD_FORBIDDEN'] },
  { name: 'truncated zip', bytes: () => { const d = docxPackage(documentXml(`<w:p><w:r><w:t>${cjk(20_000)}</w:t></w:r></w:p>`)); return d.subarray(0, d.length >> 1); }, expect: ['OOXML.TRUNCATED'] },
  { name: 'random bytes', bytes: () => randomBytes(64 * 1024), expect: ['FORMAT.UNKNOWN'] },
  { name: 'random bytes behind a zip signature', bytes: () => new Uint8Array([0x50, 0x4b, 3, 4, ...randomBytes(64 * 1024)]), expect: ['OOXML.TRUNCATED', 'OOXML.CORRUPT'] },
  { name: 'huge shared string (1 MB, 12k references)', bytes: () => xlsxPackage([{ name: 'S', xml: refs(12_000) }], `<si><t>${'大'.repeat(1024 * 1024)}</t></si>`), expect: ['OOXML.SHARED_STRINGS_TOO_LARGE'], limits: DEEPER },
  { name: 'huge shared string, default caps', bytes: () => xlsxPackage([{ name: 'S', xml: '<sheetData/>' }], `<si><t>${'大'.repeat(1024 * 1024)}</t></si>`), expect: ['OOXML.ZIP_BOMB'] },
  { name: 'huge shared string of varied text (1M chars)', bytes: () => xlsxPackage([{ name: 'S', xml: '<sheetData/>' }], `<si><t>${cjk(1024 * 1024)}</t></si>`), expect: ['OOXML.SHARED_STRINGS_TOO_LARGE'] },
  { name: 'too many shared strings (600k)', bytes: () => xlsxPackage([{ name: 'S', xml: '<sheetData/>' }], '<si><t>x</t></si>'.repeat(600_000)), expect: ['OOXML.SHARED_STRINGS_TOO_LARGE'], limits: DEEPER },
  // 700 × 30,000 characters passes the 20 M characters a Doc may hold: refused before it is cloned out.
  { name: 'shared string of 30k chars in 700 cells', bytes: () => xlsxPackage([{ name: 'S', xml: refs(700) }], `<si><t>${'字'.repeat(30_000)}</t></si>`), expect: ['OOXML.CONTENT_TOO_LARGE'], limits: DEEPER },
  { name: '10,000 tiny entries', bytes: () => writeZip(Array.from({ length: 10_000 }, (_, i) => ({ name: `x/${i}.xml`, data: '', method: 0 }))), expect: ['OOXML.TOO_MANY_ENTRIES'] },
  { name: 'path traversal ../../evil', bytes: () => writeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: '../../evil', data: 'x' }]), expect: ['OOXML.PATH_TRAVERSAL'] },
  { name: 'overlapping entries', bytes: () => writeZip([{ name: 'word/document.xml', data: documentXml('<w:p/>') }, { name: 'word/b.xml', data: 'x', sameOffsetAs: 0 }]), expect: ['OOXML.ZIP_BOMB'] },
  { name: 'encrypted entry', bytes: () => writeZip([{ name: 'word/document.xml', data: 'x', flags: 1 }]), expect: ['OOXML.ENCRYPTED'] },
  { name: '100k-deep nesting', bytes: () => docxPackage(documentXml('<w:p>'.repeat(100_000) + '</w:p>'.repeat(100_000))), expect: ['OOXML.XML_TOO_LARGE'], limits: DEEPER },
  // 10⁵ rather than 10⁶: 8 MB of references is ≈1 s of CPU per worker (inflating, decoding each one), which
  // two at once on a busy shared machine can stretch towards the 10 s cap; xml.test.ts decodes 10⁶ in-process.
  { name: '100k numeric character references', bytes: () => docxPackage(documentXml(`<w:p><w:r><w:t>${'&#x4E2D;'.repeat(100_000)}</w:t></w:r></w:p>`)), expect: ['ok'], limits: DEEPER },
  { name: 'a cell at XFD1048576', bytes: () => xlsxPackage([{ name: 'S', xml: '<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>' }]), expect: ['ok'] },
  { name: 'a cell beyond the sheet', bytes: () => xlsxPackage([{ name: 'S', xml: '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>' }]), expect: ['OOXML.SHEET_TOO_LARGE'] },
  // refused with the advice to re-save, or (where LibreOffice is installed) its conversion fails cleanly —
  // or, for the stream-less workbook, Calc makes an empty sheet of it (the importer then finds no report)
  { name: 'legacy .doc (OLE)', bytes: () => ole('WordDocument'), expect: ['FORMAT.LEGACY_DOC', 'LEGACY.CONVERT_FAILED'] },
  { name: 'legacy .xls (OLE)', bytes: () => ole('Workbook'), expect: ['FORMAT.LEGACY_XLS', 'LEGACY.CONVERT_FAILED', 'ok'] },
  { name: 'password-protected .docx (OLE EncryptedPackage)', bytes: () => ole('EncryptedPackage'), expect: ['FORMAT.ENCRYPTED_OFFICE'] },
  { name: 'PDF', bytes: () => enc.encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), expect: ['FORMAT.PDF'] },
  { name: 'PNG', bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), expect: ['FORMAT.IMAGE'] },
  { name: 'plain zip, not OOXML', bytes: () => zipSync({ 'readme.txt': enc.encode('hi') }), expect: ['FORMAT.ARCHIVE'] },
  { name: 'empty file', bytes: () => new Uint8Array(), expect: ['FORMAT.EMPTY'] },
];
