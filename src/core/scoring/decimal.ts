// Decimal arithmetic for rates and scores. A private clone so that nobody else's Decimal.set() can
// change our precision or rounding; half-up because that is how 四舍五入 is read by people.
// Scoring runs thousands of times a second, so template constants are converted once (k) and
// formatting goes through plain numbers once a value has been rounded.
import Decimal from 'decimal.js';

export const Dec = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

const constants = new Map<number, Dec>();

/** A Decimal for a template constant (weight, target, points), converted once. Decimals are immutable. */
export function k(n: number): Dec {
  let d = constants.get(n);
  if (d === undefined) {
    // Only template constants come here, so the map stays small; the cap guards against misuse.
    if (constants.size > 4096) constants.clear();
    d = new Dec(n);
    constants.set(n, d);
  }
  return d;
}

/** A score as the Scorecard carries it: a plain number, rounded half-up to 2 decimals. */
export function round2(d: Decimal): number {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * "5", "4.5", "3.33". A Decimal is rounded to 2 decimals first; a number is shown as it is, because the
 * numbers that reach here are template constants, rounded scores or what a person typed.
 */
export function num(d: Decimal | number): string {
  return String(typeof d === 'number' ? d : round2(d));
}

/** A percentage with exactly two decimals: "200.00%". toFixed is exact on an already-rounded number. */
export function pct(d: Decimal): string {
  return `${round2(d).toFixed(2)}%`;
}

/** Parses a plain decimal string ("98", "-1.5", "0.25"); null for anything else. */
export function parseDecimal(s: string | null | undefined): Decimal | null {
  if (s == null) return null;
  const t = s.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? new Dec(t) : null;
}

// Plain decimals of at most 15 characters have at most 15 significant digits, and those convert to
// doubles exactly in order: distinct values stay distinct and never swap, so comparing the doubles is
// comparing the decimals. The rules compare thousands of indicator values per report; Decimal is the
// fallback for anything longer or written otherwise.
const SHORT_PLAIN = /^-?\d+(\.\d+)?$/;
const short = (s: string) => s.length <= 15 && SHORT_PLAIN.test(s);

/** Sign of a − b for decimal strings, exactly. */
export function compareDecimals(a: string, b: string): number {
  if (short(a) && short(b)) {
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return new Decimal(a).comparedTo(b);
}

/**
 * Whether n ÷ d ≥ ratio, decided as decimal.js decides it (the quotient to its default 20 digits). A
 * double quotient is within 1e-15 of the true one, so outside a 1e-12 band around the ratio it decides
 * the same; inside the band, and for long values, the Decimal does.
 */
export function quotientAtLeast(n: string, d: string, ratio: number): boolean {
  if (ratio > 0 && short(n) && short(d)) {
    const q = Number(n) / Number(d);
    if (q > ratio * (1 + 1e-12)) return true;
    if (q < ratio * (1 - 1e-12)) return false;
  }
  return new Decimal(n).div(d).greaterThanOrEqualTo(ratio);
}
