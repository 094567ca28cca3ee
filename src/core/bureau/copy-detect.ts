// Copied text across departments and years (文本雷同): MinHash over 4-character shingles of each passage,
// banded for locality-sensitive hashing (16 bands × 4 rows: a pair with shingle Jaccard 0.6 becomes a
// candidate with probability ≈ 0.9, one with 0.3 with ≈ 0.12), candidates verified on 8-bit minhashes.
// Buckets shared by many departments are common phrasing (政策套话), not copying, and are skipped.
// Passages of the same department in other years are its own text and never flagged. Memory is ≈130
// bytes per passage (typed arrays); bucketing sorts packed keys instead of building hash maps, so a
// province's 30,000 reports fit in one process (bench/copy-detect.ts).

export interface CopyDoc {
  departmentId: string;
  parts: ReadonlyArray<{ path: string; text: string }>;
}

export interface CopyOptions {
  /** which docs to report on (default: all); the others only serve as sources */
  isTarget?: (docIndex: number) => boolean;
  /** minimum estimated Jaccard similarity of two passages' shingles, default 0.6 */
  threshold?: number;
  /** a bucket spanning more departments than this is common phrasing, default 5 */
  maxDepartments?: number;
  /** passages shorter than this many characters (汉字, letters, digits) are merged or ignored, default 20 */
  minChars?: number;
}

export interface CopyMatch {
  docIndex: number;
  path: string;
  passage: string;
  otherIndex: number;
  otherPath: string;
  otherPassage: string;
  /** estimated Jaccard similarity, 0–1, two decimals */
  similarity: number;
}

export interface WholeCopy {
  docIndex: number;
  otherIndex: number;
  /** share of the doc's passages found in the other doc */
  share: number;
}

export interface CopyResult {
  matches: CopyMatch[];
  wholeCopies: WholeCopy[];
  stats: { docs: number; passages: number; candidatePairs: number; commonPassages: number };
}

const K = 64;
const BANDS = 16;
const ROWS = K / BANDS;
const SHINGLE = 4;
const MAX_CHARS = 160;
const MAX_BUCKET = 64;

// Fixed multipliers: the same text gives the same signature in every run and on every machine.
const A = new Uint32Array(K);
const B = new Uint32Array(K);
{
  let s = 0x9e3779b9;
  const next = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0) >>> 0);
  for (let i = 0; i < K; i++) {
    A[i] = next() | 1;
    B[i] = next();
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 汉字 (basic + extension A), Latin letters and digits carry the text; everything else is spacing. */
function keep(c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) return c;
  if (c >= 0x3400 && c <= 0x4dbf) return c;
  if (c >= 48 && c <= 57) return 48; // numbers change between copies: every digit is one symbol
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0xff10 && c <= 0xff19) return 48;
  return 0;
}

function ends(c: number): boolean {
  // 。！？；!?; and line breaks end a sentence
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 33 || c === 63 || c === 59 || c === 10 || c === 13;
}

class Grow {
  data: Uint32Array;
  length = 0;
  constructor(private readonly width: number, capacity = 1024) {
    this.data = new Uint32Array(capacity * width);
  }
  push(...v: number[]): void {
    if ((this.length + 1) * this.width > this.data.length) {
      const d = new Uint32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data.set(v, this.length * this.width);
    this.length++;
  }
}

/** Passage table: doc, part, raw start and end; band keys; 8-bit signatures. */
class Passages {
  readonly meta = new Grow(4);
  readonly bands = new Grow(BANDS);
  small = new Uint8Array(1024 * K);
  private readonly sig = new Uint32Array(K);
  private readonly keyBuf = new Array<number>(BANDS);

  add(doc: number, part: number, start: number, end: number, codes: Uint16Array, n: number): void {
    const sig = this.sig;
    sig.fill(0xffffffff);
    for (let p = 0; p + SHINGLE <= n; p++) {
      const h = fmix(Math.imul(Math.imul(Math.imul(codes[p]!, 31) + codes[p + 1]!, 31) + codes[p + 2]!, 31) + codes[p + 3]!);
      for (let i = 0; i < K; i++) {
        const v = (Math.imul(h, A[i]!) + B[i]!) >>> 0;
        if (v < sig[i]!) sig[i] = v;
      }
    }
    const idx = this.meta.length;
    this.meta.push(doc, part, start, end);
    for (let b = 0; b < BANDS; b++) {
      let h = 0x811c9dc5 ^ b;
      for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
      this.keyBuf[b] = fmix(h);
    }
    this.bands.push(...this.keyBuf);
    if ((idx + 1) * K > this.small.length) {
      const s = new Uint8Array(this.small.length * 2);
      s.set(this.small);
      this.small = s;
    }
    for (let i = 0; i < K; i++) this.small[idx * K + i] = sig[i]! & 0xff;
  }

  similarity(i: number, j: number): number {
    let m = 0;
    const s = this.small;
    for (let x = 0; x < K; x++) if (s[i * K + x] === s[j * K + x]) m++;
    // b-bit minhash: unrelated passages still agree on 1/256 of the bytes
    const j8 = (m / K - 1 / 256) / (1 - 1 / 256);
    return j8 < 0 ? 0 : j8;
  }
}

/** Splits a text into passages of at least minChars kept characters, ending at sentence ends. */
function passagesOf(text: string, minChars: number, emit: (start: number, end: number, codes: Uint16Array, n: number) => void, codes: Uint16Array): void {
  let n = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = keep(c);
    if (k) {
      if (start < 0) start = i;
      codes[n++] = k;
    }
    if ((ends(c) && n >= minChars) || n >= MAX_CHARS) {
      emit(start, i + 1, codes, n);
      n = 0;
      start = -1;
    }
  }
  if (n >= minChars) emit(start, text.length, codes, n);
}

export function detectCopies(docs: readonly CopyDoc[], opts: CopyOptions = {}): CopyResult {
  const threshold = opts.threshold ?? 0.6;
  const maxDepartments = opts.maxDepartments ?? 5;
  const minChars = Math.max(SHINGLE, opts.minChars ?? 20);
  const isTarget = opts.isTarget ?? (() => true);
  const deptIndex = new Map<string, number>();
  const dept = docs.map((d) => {
    let x = deptIndex.get(d.departmentId);
    if (x === undefined) deptIndex.set(d.departmentId, (x = deptIndex.size));
    return x;
  });

  const P = new Passages();
  const codes = new Uint16Array(MAX_CHARS + 8);
  docs.forEach((d, di) =>
    d.parts.forEach((part, pi) => passagesOf(part.text, minChars, (s, e, c, n) => P.add(di, pi, s, e, c, n), codes)),
  );
  const n = P.meta.length;
  const meta = P.meta.data;
  const docOf = (i: number) => meta[i * 4]!;

  const common = new Uint8Array(n);
  const pairs = new Set<number>();
  // pack (band key, passage) into one float64 so a native numeric sort does the bucketing
  const idxBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const keyShift = Math.max(0, 32 - (53 - idxBits));
  const scale = 2 ** idxBits;
  const packed = new Float64Array(n);
  const seen = new Set<number>();
  for (let b = 0; b < BANDS; b++) {
    for (let i = 0; i < n; i++) packed[i] = (P.bands.data[i * BANDS + b]! >>> keyShift) * scale + i;
    packed.sort();
    for (let s = 0; s < n; ) {
      const key = Math.floor(packed[s]! / scale);
      let e = s + 1;
      while (e < n && Math.floor(packed[e]! / scale) === key) e++;
      if (e - s > 1) bucket(s, e);
      s = e;
    }
  }

  function bucket(s: number, e: number): void {
    seen.clear();
    for (let x = s; x < e; x++) seen.add(dept[docOf(packed[x]! % scale)]!);
    if (seen.size < 2) return;
    if (seen.size > maxDepartments || e - s > MAX_BUCKET) {
      for (let x = s; x < e; x++) common[packed[x]! % scale] = 1;
      return;
    }
    for (let x = s; x < e; x++)
      for (let y = x + 1; y < e; y++) {
        const i = packed[x]! % scale;
        const j = packed[y]! % scale;
        if (dept[docOf(i)] !== dept[docOf(j)]) pairs.add(i < j ? i * n + j : j * n + i);
      }
  }

  const best = new Map<string, CopyMatch>();
  const matchedPassages = new Map<string, Set<number>>();
  const passageCount = new Uint32Array(docs.length);
  for (let i = 0; i < n; i++) passageCount[docOf(i)]!++;
  const text = (i: number) => docs[docOf(i)]!.parts[meta[i * 4 + 1]!]!.text.slice(meta[i * 4 + 2]!, meta[i * 4 + 3]!).trim();
  const path = (i: number) => docs[docOf(i)]!.parts[meta[i * 4 + 1]!]!.path;
  for (const pk of pairs) {
    const i = Math.floor(pk / n);
    const j = pk % n;
    if (common[i] || common[j]) continue;
    const sim = P.similarity(i, j);
    if (sim < threshold) continue;
    for (const [a, o] of [[i, j], [j, i]] as const) {
      const da = docOf(a);
      if (!isTarget(da)) continue;
      // one source per passage: the most similar, and among equals the doc listed first (callers put
      // the likeliest source first, e.g. the latest year)
      const k = `${da}|${path(a)}|${meta[a * 4 + 2]}`;
      const prev = best.get(k);
      const similarity = Math.round(sim * 100) / 100;
      if (!prev || prev.similarity < similarity || (prev.similarity === similarity && docOf(o) < prev.otherIndex))
        best.set(k, { docIndex: da, path: path(a), passage: text(a), otherIndex: docOf(o), otherPath: path(o), otherPassage: text(o), similarity });
      const pairKey = `${da}|${docOf(o)}`;
      let set = matchedPassages.get(pairKey);
      if (!set) matchedPassages.set(pairKey, (set = new Set()));
      set.add(a);
    }
  }
  const wholeCopies: WholeCopy[] = [];
  for (const [k, set] of matchedPassages) {
    const [da, db] = k.split('|').map(Number) as [number, number];
    const share = set.size / passageCount[da]!;
    if (set.size >= 5 && share >= 0.5) wholeCopies.push({ docIndex: da, otherIndex: db, share: Math.round(share * 100) / 100 });
  }
  const matches = [...best.values()].sort((a, b) => a.docIndex - b.docIndex || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || b.similarity - a.similarity);
  let commonPassages = 0;
  for (let i = 0; i < n; i++) commonPassages += common[i]!;
  return { matches, wholeCopies, stats: { docs: docs.length, passages: n, candidatePairs: pairs.size, commonPassages } };
}
