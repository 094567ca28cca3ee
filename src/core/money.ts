// Exact money. Amounts travel as 万元 decimal strings exactly as written ("87.2217" stays "87.2217")
// and are summed as integer 分 (fen): 1 万元 = 10 000 元 = 1 000 000 分, so six decimals of 万元 are
// representable and sums never touch binary fractions. Numbers stay below 2^53 分 (≈ 900 亿元).

export const FEN_PER_WAN = 1_000_000;
const MAX_WAN_DECIMALS = 6;

/** Canonical 万元 string: optional minus, digits, optional fraction of up to six digits. */
export const WAN_PATTERN = /^-?\d{1,12}(\.\d{1,6})?$/;

export function isWan(s: string): boolean {
  return WAN_PATTERN.test(s);
}

/** Parses a canonical 万元 string into integer 分; null when it is not one. */
export function wanToFen(s: string | null | undefined): number | null {
  if (s == null) return null;
  // A hand-written scan: rules call this for every cell of every report in a batch.
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  let whole = 0;
  while (i < n) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    i++;
  }
  const wholeDigits = i - start;
  if (wholeDigits < 1 || wholeDigits > 12) return null;
  let frac = 0;
  let fracDigits = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return null;
    i++;
    while (i < n) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      frac = frac * 10 + c;
      fracDigits++;
      i++;
    }
    if (fracDigits < 1 || fracDigits > MAX_WAN_DECIMALS) return null;
  }
  const fen = whole * FEN_PER_WAN + frac * 10 ** (MAX_WAN_DECIMALS - fracDigits);
  return start === 1 ? -fen : fen;
}

/**
 * 元 as written in prose ("12,345,678.90元") → 万元 by moving the decimal point four places, exactly:
 * "1234.567890" is kept to the 分, with trailing zeros of the fraction dropped. Null when not an amount.
 */
export function yuanToWan(raw: string): string | null {
  const s = raw.replace(/[,，\s]/g, '');
  const m = /^(-?)(\d{1,16})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const digits = `${m[2]!.padStart(5, '0')}${(m[3] ?? '').padEnd(2, '0')}`;
  const whole = digits.slice(0, -6).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(-6).replace(/0+$/, '');
  const wan = frac ? `${whole}.${frac}` : whole;
  return isWan(wan) ? (m[1] && wan !== '0' ? `-${wan}` : wan) : null;
}

/** Number of decimals as written: "46.90" → 2, "87.2217" → 4, "12" → 0. */
export function decimalsOf(s: string | null | undefined): number {
  if (!s) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Formats 分 as 万元 with the given decimals, rounding half away from zero (四舍五入). */
export function fenToWan(fen: number, decimals: number): string {
  const d = Math.max(0, Math.min(MAX_WAN_DECIMALS, decimals));
  const unit = 10 ** (MAX_WAN_DECIMALS - d);
  const neg = fen < 0;
  let abs = Math.abs(fen);
  abs = Math.floor((abs + unit / 2) / unit); // now in units of 10^-d 万元
  const scale = 10 ** d;
  const whole = Math.floor(abs / scale);
  const frac = abs % scale;
  const body = d === 0 ? String(whole) : `${whole}.${String(frac).padStart(d, '0')}`;
  return neg && abs !== 0 ? `-${body}` : body;
}

/** Sum of 万元 strings in 分; blanks count as zero. */
export function sumWan(values: ReadonlyArray<string | null | undefined>): number {
  let total = 0;
  for (const v of values) total += wanToFen(v) ?? 0;
  return total;
}

/** 万元 tolerance (e.g. "0.01") to 分. */
export function toleranceFen(tolerance: string): number {
  const fen = wanToFen(tolerance);
  if (fen == null || fen < 0) throw new Error(`容差必须是非负的万元数：${tolerance}`);
  return fen;
}

// Full-width digits and punctuation appear in Word documents typed with a Chinese IME.
const FULL_WIDTH = /[０-９．，－]/g;
function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export type AmountParse =
  | { kind: 'blank' }
  | { kind: 'amount'; value: string }
  | { kind: 'invalid'; raw: string };

/**
 * Reads an amount cell as people write it: "1,234.56", "87.2217万元", "１２.５", "-", "—", "/" (blank).
 * Returns the canonical 万元 string, keeping the written decimals.
 */
const BLANK: AmountParse = Object.freeze({ kind: 'blank' });

export function readAmount(raw: string | null | undefined): AmountParse {
  if (raw == null || raw === '') return BLANK;
  // Most cells are already canonical ("87.2217"): skip the clean-up below for them.
  const c0 = raw.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57 && (c0 !== 48 || raw.length === 1 || raw.charCodeAt(1) === 46) && WAN_PATTERN.test(raw)) {
    return { kind: 'amount', value: raw };
  }
  let s = halfWidth(raw).replace(/[\s\u00a0\u3000]/g, '');
  if (s === '' || /^[-—–/／\\无]+$/.test(s)) return BLANK;
  s = s.replace(/万元$|万$/, '').replace(/,/g, '');
  if (s.startsWith('+')) s = s.slice(1);
  if (s.startsWith('.')) s = `0${s}`;
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (isWan(s)) return { kind: 'amount', value: normaliseZeroes(s) };
  return { kind: 'invalid', raw };
}

function normaliseZeroes(s: string): string {
  // "007.5" → "7.5", "-0" → "0"; the fraction is kept as written.
  const neg = s.startsWith('-');
  const body = (neg ? s.slice(1) : s).replace(/^0+(?=\d)/, '');
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}
