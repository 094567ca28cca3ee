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
