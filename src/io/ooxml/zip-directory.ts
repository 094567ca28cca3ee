// Reads a zip's central directory without inflating anything, and applies every cap that can be checked
// from it. The declared sizes come from the attacker; they only give a fast refusal here, and zip.ts
// enforces the real caps on the bytes it actually inflates.
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Length of the name in bytes as stored (the decoded string may differ). */
  nameByteLength: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const EOCD_SIZE = 22;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function readZipDirectory(bytes: Uint8Array, limits: OoxmlLimits): ZipEntry[] {
  if (bytes.length > limits.maxCompressedBytes) {
    throw ooxmlError('OOXML.ZIP_TOO_LARGE', `${mb(bytes.length)}，上限 ${mb(limits.maxCompressedBytes)}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(bytes, view);
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    ({ count, cdSize, cdOffset } = readZip64Eocd(view, eocd));
  }
  // Checked before the directory is walked, so 100k empty entries cost nothing.
  if (count > limits.maxEntries) throw ooxmlError('OOXML.TOO_MANY_ENTRIES', `${count} 个，上限 ${limits.maxEntries}`);
  if (cdOffset + cdSize > bytes.length) throw ooxmlError('OOXML.TRUNCATED', '中央目录越界');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let declaredTotal = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || view.getUint32(p, true) !== SIG_CENTRAL) {
      throw ooxmlError('OOXML.CORRUPT', '中央目录记录错误');
    }
    const madeBy = view.getUint16(p + 4, true);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const externalAttrs = view.getUint32(p + 38, true);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > cdOffset + cdSize) throw ooxmlError('OOXML.CORRUPT', '中央目录记录越界');
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const sizes = applyZip64Extra(view, p + 46 + nameLen, extraLen, {
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    });
    checkName(name);
    // OPC part names are case-insensitive, so two entries differing only in case are one part twice.
    const key = name.toLowerCase();
    if (seen.has(key)) throw ooxmlError('OOXML.UNSAFE_ENTRY', `重复的条目 ${short(name)}`);
    seen.add(key);
    if (madeBy >> 8 === 3 && ((externalAttrs >>> 16) & 0o170000) === 0o120000) {
      throw ooxmlError('OOXML.UNSAFE_ENTRY', `符号链接 ${short(name)}`);
    }
    if (flags & 0x1 || method === 99) throw ooxmlError('OOXML.ENCRYPTED');
    const entry: ZipEntry = { name, method, flags, crc32: view.getUint32(p + 16, true), ...sizes, nameByteLength: nameLen };
    checkEntrySizes(entry, limits);
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalUncompressedBytes) {
      throw ooxmlError('OOXML.ZIP_BOMB', `声明的解压总大小超过 ${mb(limits.maxTotalUncompressedBytes)}`);
    }
    entries.push(entry);
    p = end;
  }
  checkNoOverlap(entries, cdOffset);
  return entries;
}

function findEocd(bytes: Uint8Array, view: DataView): number {
  if (bytes.length < EOCD_SIZE) throw ooxmlError('OOXML.TRUNCATED', '文件过短');
  const stop = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let i = bytes.length - EOCD_SIZE; i >= stop; i--) {
    // The comment length must reach exactly to the end, or this is a stray signature inside data.
    if (view.getUint32(i, true) === SIG_EOCD && i + EOCD_SIZE + view.getUint16(i + 20, true) === bytes.length) {
      if (view.getUint16(i + 4, true) !== 0 || view.getUint16(i + 6, true) !== 0) {
        throw ooxmlError('OOXML.CORRUPT', '不支持分卷压缩');
      }
      return i;
    }
  }
  throw ooxmlError('OOXML.TRUNCATED', '找不到压缩包目录');
}

function readZip64Eocd(view: DataView, eocd: number): { count: number; cdSize: number; cdOffset: number } {
  const loc = eocd - 20;
  if (loc < 0 || view.getUint32(loc, true) !== SIG_ZIP64_LOCATOR) throw ooxmlError('OOXML.CORRUPT', 'ZIP64 目录缺失');
  const at = u64(view, loc + 8);
  if (at + 56 > view.byteLength || view.getUint32(at, true) !== SIG_ZIP64_EOCD) {
    throw ooxmlError('OOXML.TRUNCATED', 'ZIP64 目录越界');
  }
  return { count: u64(view, at + 32), cdSize: u64(view, at + 40), cdOffset: u64(view, at + 48) };
}

type Sizes = Pick<ZipEntry, 'compressedSize' | 'uncompressedSize' | 'localHeaderOffset'>;

/** The ZIP64 extra field replaces, in this order, exactly those fields that are 0xFFFFFFFF. */
function applyZip64Extra(view: DataView, start: number, len: number, s: Sizes): Sizes {
  const out = { ...s };
  for (let q = start; q + 4 <= start + len; ) {
    const id = view.getUint16(q, true);
    const size = view.getUint16(q + 2, true);
    if (id === 0x0001) {
      let r = q + 4;
      const fieldEnd = Math.min(q + 4 + size, start + len);
      for (const k of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
        if (out[k] !== 0xffffffff) continue;
        if (r + 8 > fieldEnd) throw ooxmlError('OOXML.CORRUPT', 'ZIP64 扩展字段过短');
        out[k] = u64(view, r);
        r += 8;
      }
    }
    q += 4 + size;
  }
  return out;
}

function u64(view: DataView, at: number): number {
  const v = view.getBigUint64(at, true);
  // Anything past 2^53 cannot be a real offset or size in a file under our caps.
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw ooxmlError('OOXML.CORRUPT', 'ZIP64 数值越界');
  return Number(v);
}

/** Refuses names that could escape a folder if anything ever extracted them (zip-slip), per ASVS 5.3.2. */
export function checkName(name: string): void {
  const bad =
    name.length === 0 ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((seg) => seg === '..');
  if (bad) throw ooxmlError('OOXML.PATH_TRAVERSAL', short(name));
}

function checkEntrySizes(e: ZipEntry, limits: OoxmlLimits): void {
  if (e.uncompressedSize > limits.maxEntryBytes) {
    throw ooxmlError('OOXML.ZIP_BOMB', `${short(e.name)} 声明解压后 ${mb(e.uncompressedSize)}`);
  }
  if (
    e.uncompressedSize > limits.ratioThresholdBytes &&
    e.uncompressedSize > limits.maxCompressionRatio * Math.max(1, e.compressedSize)
  ) {
    throw ooxmlError('OOXML.ZIP_BOMB', `${short(e.name)} 压缩比超过 ${limits.maxCompressionRatio}:1`);
  }
}

/** Entries whose data share bytes are the "overlapping files" bomb; real writers never produce them. */
function checkNoOverlap(entries: ZipEntry[], cdOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let minNext = 0;
  for (const e of sorted) {
    if (e.localHeaderOffset < minNext) throw ooxmlError('OOXML.ZIP_BOMB', '条目数据相互重叠');
    // Central and local names have the same length; the local extra field may only add to this.
    minNext = e.localHeaderOffset + LOCAL_HEADER_SIZE + e.nameByteLength + e.compressedSize;
  }
  if (minNext > cdOffset) throw ooxmlError('OOXML.TRUNCATED', '条目数据越界');
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function short(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
}
