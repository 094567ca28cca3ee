// The caps every OOXML read runs under. Defaults follow docs/security.md §4.2; a caller (a trusted batch
// job, a test) may tighten or loosen any of them.

export interface OoxmlLimits {
  /** Size of the file itself (the compressed zip). */
  maxCompressedBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** Sum of the uncompressed sizes the central directory declares; also the cap on bytes actually inflated. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed size of any one entry we inflate. */
  maxEntryBytes: number;
  /** Compression ratio (uncompressed : compressed) allowed for one entry… */
  maxCompressionRatio: number;
  /** …once that entry is larger than this (small XML parts legitimately compress very well). */
  ratioThresholdBytes: number;
  /** Characters of one XML part handed to the parser. */
  maxXmlChars: number;
  /** Element nesting depth in one XML part. */
  maxXmlDepth: number;
  /** Entries in xl/sharedStrings.xml. */
  maxSharedStrings: number;
  /** Characters summed over all shared strings. */
  maxSharedStringsChars: number;
  /** Characters of one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Cells in the resulting Doc, over all tables and sheets. */
  maxCells: number;
  /** Characters of text in the resulting Doc, over all blocks and cells. */
  maxDocChars: number;
}

export const DEFAULT_LIMITS: Readonly<OoxmlLimits> = Object.freeze({
  maxCompressedBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  maxTotalUncompressedBytes: 100 * 1024 * 1024,
  maxEntryBytes: 50 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioThresholdBytes: 1024 * 1024,
  // A DOCX import reads ≈10 MB/s of XML on a busy 2-core machine (bench/docx-import.ts), so this much is
  // a few seconds of the 10 s time cap: the cap bounds the memory a part takes (its string and what is
  // built from it) more than the time.
  maxXmlChars: 16 * 1024 * 1024,
  maxXmlDepth: 256,
  maxSharedStrings: 500_000,
  maxSharedStringsChars: 20_000_000,
  maxCellChars: 32_767,
  maxCells: 500_000,
  maxDocChars: 20_000_000,
});

export function resolveLimits(partial?: Partial<OoxmlLimits>): OoxmlLimits {
  const out: OoxmlLimits = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(partial ?? {})) {
    // A zero or negative cap must not silently mean "no cap" (the fast-xml-parser CVE-2026-33349 shape).
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[k as keyof OoxmlLimits] = v;
    else if (v !== undefined) throw new TypeError(`invalid OOXML limit ${k}: ${String(v)}`);
  }
  return out;
}
