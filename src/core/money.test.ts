// Money arithmetic: properties over many random amounts, checked against a BigInt oracle, plus the
// forms people type.
import { describe, expect, it } from 'vitest';
import { decimalsOf, fenToWan, readAmount, sumWan, wanToFen, yuanToWan } from './money';

/** Deterministic PRNG (mulberry32) so a failure is reproducible. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomWan(next: () => number): string {
  const whole = String(Math.floor(next() * 10 ** Math.floor(next() * 9)));
  const d = Math.floor(next() * 7);
  const frac = d ? `.${String(Math.floor(next() * 10 ** d)).padStart(d, '0')}` : '';
  return `${next() < 0.1 ? '-' : ''}${whole}${frac}`;
}

/** 万元 string → 分 as BigInt, by string arithmetic only. */
function oracle(s: string): bigint {
  const neg = s.startsWith('-');
  const [w, f = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(w!) * 1_000_000n + BigInt(f.padEnd(6, '0'));
  return neg ? -v : v;
}

describe('money', () => {
  const next = rng(20260627);
  const samples = Array.from({ length: 5000 }, () => randomWan(next));

  it('converts 元 written in prose to the same 分 in 万元', () => {
    for (let i = 0; i < 2000; i++) {
      const fen = BigInt(Math.floor(next() * 1e14));
      const yuan = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
      expect(oracle(yuanToWan(yuan)!), yuan).toBe(fen);
    }
    expect(yuanToWan('12,345,678.90')).toBe('1234.56789');
    expect(yuanToWan('10000000.00')).toBe('1000');
    expect(yuanToWan('0.01')).toBe('0.000001');
    expect(yuanToWan('约5千')).toBeNull();
  });

  it('parses every amount to the exact 分 of the oracle', () => {
    for (const s of samples) expect(BigInt(wanToFen(s)!), s).toBe(oracle(s));
  });

  it('round-trips: formatting with the written decimals gives the written value back', () => {
    for (const s of samples) {
      const back = fenToWan(wanToFen(s)!, decimalsOf(s));
      expect(oracle(back), s).toBe(oracle(s));
    }
  });

  it('sums exactly, in any order (no binary-float drift: 0.1 + 0.2 = 0.3)', () => {
    expect(sumWan(['0.1', '0.2'])).toBe(wanToFen('0.3'));
    for (let k = 0; k < 200; k++) {
      const batch = samples.slice(k * 20, k * 20 + 20);
      const want = batch.reduce((a, s) => a + oracle(s), 0n);
      expect(BigInt(sumWan(batch))).toBe(want);
      expect(BigInt(sumWan([...batch].reverse()))).toBe(want);
    }
  });

  it('rounds half away from zero when showing fewer decimals', () => {
    expect(fenToWan(wanToFen('1.8917')!, 2)).toBe('1.89');
    expect(fenToWan(wanToFen('0.005')!, 2)).toBe('0.01');
    expect(fenToWan(wanToFen('-0.005')!, 2)).toBe('-0.01');
    expect(fenToWan(wanToFen('87.2217')!, 4)).toBe('87.2217');
    expect(fenToWan(wanToFen('46.9')!, 2)).toBe('46.90');
    expect(fenToWan(wanToFen('-0.0001')!, 2)).toBe('0.00');
  });

  it('reads amounts as people type them, and refuses what is not one', () => {
    expect(readAmount('1,234.56')).toEqual({ kind: 'amount', value: '1234.56' });
    expect(readAmount(' 87.2217万元 ')).toEqual({ kind: 'amount', value: '87.2217' });
    expect(readAmount('１２．５')).toEqual({ kind: 'amount', value: '12.5' });
    expect(readAmount('007.50')).toEqual({ kind: 'amount', value: '7.50' });
    for (const blank of ['', ' ', '-', '—', '/', '无']) expect(readAmount(blank)).toEqual({ kind: 'blank' });
    for (const bad of ['约5', '5%', '1.2.3', 'abc', '1.1234567']) expect(readAmount(bad).kind, bad).toBe('invalid');
  });

  it('refuses non-canonical strings in arithmetic', () => {
    expect(wanToFen('1,000')).toBeNull();
    expect(wanToFen('')).toBeNull();
    expect(wanToFen(null)).toBeNull();
  });
});
