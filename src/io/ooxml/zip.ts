// A zip reader for untrusted uploads: the directory is checked first (zip-directory.ts), then only the
// parts asked for are inflated, in small steps, counting the bytes that actually come out and stopping
// as soon as any cap or the entry's own declared size is passed (declared sizes lie in bombs).
import { Inflate } from 'fflate';
import { ImportError } from '../import/doc';
import { crc32Update } from './crc32';
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import { readZipDirectory, type ZipEntry } from './zip-directory';

const SIG_LOCAL = 0x04034b50;
/** Compressed bytes fed to the inflater per step: bounds the output of one step to about 1032×. */
const STEP = 4 * 1024;

export interface ZipArchive {
  /** Entry names as stored, in directory order. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The entry's bytes, inflated under the caps; throws ImportError. */
  read(name: string): Uint8Array;
  /** The entry as UTF-8 text (a BOM is dropped); refuses a nested archive where XML is expected. */
  readText(name: string): string;
}

export function openZip(bytes: Uint8Array, limits: OoxmlLimits): ZipArchive {
  const entries = readZipDirectory(bytes, limits);
  // OPC part names are case-insensitive; a Map (not an object) keeps names like __proto__ harmless.
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  let inflatedTotal = 0;
  const find = (name: string): ZipEntry => {
    const e = byName.get(name.toLowerCase());
    if (!e) throw ooxmlError('OOXML.MISSING_PART', name);
    return e;
  };
  const read = (name: string): Uint8Array => {
    const e = find(name);
    const budget = limits.maxTotalUncompressedBytes - inflatedTotal;
    const out = inflateEntry(bytes, e, limits, budget);
    inflatedTotal += out.length;
    return out;
  };
  return {
    names: entries.map((e) => e.name),
    has: (name) => byName.has(name.toLowerCase()),
    read,
    readText(name) {
      const data = read(name);
      if (isArchive(data)) throw ooxmlError('OOXML.NESTED_ARCHIVE', name);
      return decodeUtf8(data, name);
    },
  };
}

function inflateEntry(bytes: Uint8Array, e: ZipEntry, limits: OoxmlLimits, totalBudget: number): Uint8Array {
  const start = dataStart(bytes, e);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw ooxmlError('OOXML.TRUNCATED', e.name);
  const raw = bytes.subarray(start, end);
  // The directory check already held the declared size to the per-entry and ratio caps, so holding the
  // real output to the declared size (and to what is left of the total) enforces them all.
  const cap = Math.min(e.uncompressedSize, limits.maxEntryBytes, totalBudget);
  let out: Uint8Array;
  if (e.method === 0) {
    if (raw.length > cap) throw ooxmlError('OOXML.ZIP_BOMB', e.name);
    out = new Uint8Array(raw);
  } else if (e.method === 8) {
    out = inflateCapped(raw, e.name, cap);
  } else {
    throw ooxmlError('OOXML.UNSUPPORTED_METHOD', `${e.name}：方式 ${e.method}`);
  }
  if (out.length !== e.uncompressedSize) throw ooxmlError('OOXML.CORRUPT', `${e.name} 大小不符`);
  if (crc32Update(0, out) !== e.crc32) throw ooxmlError('OOXML.CORRUPT', `${e.name} 校验失败`);
  return out;
}

function inflateCapped(raw: Uint8Array, name: string, cap: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    // More than the entry declared is a lie (corrupt at best); more than a cap is a bomb. Either way stop
    // here, before the next step can inflate any further.
    if (produced > cap) throw ooxmlError('OOXML.ZIP_BOMB', `${name} 实际解压大小超过声明或上限`);
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < raw.length && !done; i += STEP) {
      const last = i + STEP >= raw.length;
      inflater.push(raw.subarray(i, i + STEP), last);
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const msg = err instanceof Error ? err.message : '';
    throw ooxmlError(/unexpected EOF/i.test(msg) ? 'OOXML.TRUNCATED' : 'OOXML.CORRUPT', name);
  }
  if (!done) throw ooxmlError('OOXML.TRUNCATED', name);
  return concat(chunks, produced);
}

function dataStart(bytes: Uint8Array, e: ZipEntry): number {
  const at = e.localHeaderOffset;
  if (at + 30 > bytes.length) throw ooxmlError('OOXML.TRUNCATED', e.name);
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 30);
  if (view.getUint32(0, true) !== SIG_LOCAL) throw ooxmlError('OOXML.CORRUPT', `${e.name} 本地头错误`);
  if (view.getUint16(6, true) & 0x1) throw ooxmlError('OOXML.ENCRYPTED');
  return at + 30 + view.getUint16(26, true) + view.getUint16(28, true);
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Zip, gzip, 7z, rar and OLE magic: any of these where a part must be XML is a nested archive. */
export function isArchive(d: Uint8Array): boolean {
  const m = (...sig: number[]) => sig.every((b, i) => d[i] === b);
  return m(0x50, 0x4b, 0x03, 0x04) || m(0x1f, 0x8b) || m(0x37, 0x7a, 0xbc, 0xaf) || m(0x52, 0x61, 0x72, 0x21) ||
    m(0xd0, 0xcf, 0x11, 0xe0);
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf16le = new TextDecoder('utf-16le', { fatal: false });

function decodeUtf8(d: Uint8Array, name: string): string {
  // XML parts may legally be UTF-16 with a BOM; Office never writes it, but a converter might.
  if (d[0] === 0xff && d[1] === 0xfe) return utf16le.decode(d.subarray(2));
  if (d[0] === 0xfe && d[1] === 0xff) throw ooxmlError('OOXML.XML_INVALID', `${name}：不支持 UTF-16BE`);
  return utf8.decode(d[0] === 0xef && d[1] === 0xbb && d[2] === 0xbf ? d.subarray(3) : d);
}
