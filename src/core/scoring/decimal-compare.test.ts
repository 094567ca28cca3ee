// The fast comparisons the rules use must decide exactly as decimal.js does, for every value a report
// can hold: short plain decimals through doubles, the rest (and a quotient near the ratio) through Decimal.
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { compareDecimals, quotientAtLeast } from './decimal';

// a deterministic stream of awkward values: long fractions, 15- and 16-character numbers, near-equal pairs
function* values(): Generator<string> {
  yield* ['0', '-0', '0.0', '1', '100', '100.0', '99.999999999999', '100.00000000001', '0.1', '0.30000000000000004', '-3.5', '12345678901234.5', '1234567890123456', '9007199254740993', '1e3', '0x10'];
  let x = 7;
  for (let i = 0; i < 400; i++) {
    x = (x * 48271) % 2147483647;
    const digits = String(x).padStart(10, '0');
    const cut = 1 + (x % 9);
    yield `${x % 3 === 0 ? '-' : ''}${digits.slice(0, cut).replace(/^0+(?=\d)/, '')}.${digits.slice(cut)}${x % 5 === 0 ? '000001' : ''}`;
  }
}

describe('exact decimal comparison', () => {
  const all = [...values()];
  it('compares as Decimal does', () => {
    for (const a of all) for (const b of all.slice(0, 60)) expect(Math.sign(compareDecimals(a, b)), `${a} vs ${b}`).toBe(new Decimal(a).comparedTo(b));
  });

  it('decides n ÷ d ≥ ratio as Decimal does, also a hair either side of the ratio', () => {
    const pairs: Array<[string, string]> = [['300', '100'], ['299.9999999999', '100'], ['300.0000000001', '100'], ['2', '0.666666666666667'], ['1', '3'], ['-6', '2']];
    for (const a of all.slice(0, 80)) for (const b of all.slice(80, 120)) if (new Decimal(b).isZero() === false) pairs.push([a, b]);
    for (const ratio of [3, 1.5, 2]) for (const [n, d] of pairs) expect(quotientAtLeast(n, d, ratio), `${n} / ${d} ≥ ${ratio}`).toBe(new Decimal(n).div(d).greaterThanOrEqualTo(ratio));
  });
});
