// decodeUtf8 is only a faster road to exactly what Buffer#toString('utf8') gives, malformed input included.
import { describe, expect, it } from 'vitest';
import { rng } from '../../test/helpers/generate';
import { seedText } from '../../test/helpers/seed';
import { decodeUtf8 } from './utf8';

describe('decodeUtf8', () => {
  it('equals Buffer#toString on the seed, on random bytes and on cut or broken sequences', () => {
    const next = rng(7);
    const seed = Buffer.from(seedText, 'utf8');
    const samples = [seed, Buffer.from(`${'中文😀'.repeat(300)}a`), Buffer.alloc(0), Buffer.from('abc'), seed.subarray(0, seed.length - 1), seed.subarray(1)];
    for (let i = 0; i < 200; i++) {
      const b = Buffer.from(seed.subarray(0, 600 + Math.floor(next() * 2000)));
      for (let j = 0; j < 3; j++) b[Math.floor(next() * b.length)] = Math.floor(next() * 256);
      samples.push(b);
    }
    for (const b of samples) expect(decodeUtf8(b)).toBe(b.toString('utf8'));
    expect(decodeUtf8(new Uint8Array(seed))).toBe(seedText);
  });
});
