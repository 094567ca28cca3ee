// The hostile corpus through the real entry point and the real sandbox: every file ends in a clear
// ImportError (or a correct import), the process survives, and bombs are refused fast and small.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../import/doc';
import { isKnownCode } from './errors';
import type { OoxmlLimits } from './limits';
import { readOoxml } from './read';
import { createSandbox } from './sandbox';
import { HOSTILE, zipBomb } from './testing/hostile';

const sandbox = createSandbox({ maxConcurrent: 2 });
const protoBefore = Object.getOwnPropertyNames(Object.prototype).join();

async function outcome(bytes: Uint8Array, name: string, limits?: Partial<OoxmlLimits>): Promise<{ code: string; message: string }> {
  try {
    await readOoxml(bytes, name, limits ? { sandbox, limits } : { sandbox });
    return { code: 'ok', message: '' };
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return { code: (e as ImportError).code, message: (e as ImportError).message };
  }
}

beforeAll(async () => {
  // The first sandboxed parse in a process running from .ts bundles the worker once (≈0.4 s); the
  // timings below are about refusing a file, so pay that here.
  await outcome(new Uint8Array([0x50, 0x4b, 3, 4]), 'warm.docx');
});

describe('hostile corpus', () => {
  // Concurrent: the sandbox (two workers at a time) is what queues them, as it would on the server.
  it.concurrent.for(HOSTILE.map((c) => [c.name, c] as const))('%s', async ([, c], { expect }) => {
    const { code, message } = await outcome(c.bytes(), `${c.name}.docx`, c.limits);
    expect(c.expect).toContain(code);
    if (code !== 'ok') {
      expect(isKnownCode(code)).toBe(true);
      expect(message).toMatch(/^文件「.+」：.*[\u4e00-\u9fff]/);
    }
  });
});

describe('bombs, measured alone', () => {
  it('refuses a 1 GB zip bomb within 2 s and without growing memory by more than 64 MB', async () => {
    for (const declared of [1024 ** 3, 50_000]) {
      const bomb = zipBomb(1024, declared); // ≈1 MB on disk, 1 GB inflated
      global.gc?.();
      const rss0 = process.memoryUsage().rss;
      const heap0 = process.memoryUsage().heapUsed;
      let peakRss = rss0;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
      const t0 = performance.now();
      const { code } = await outcome(bomb, 'bomb.docx');
      const ms = performance.now() - t0;
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const heapGrowth = process.memoryUsage().heapUsed - heap0;
      console.log(`bomb (declares ${declared} B): ${code} in ${ms.toFixed(0)} ms, peak RSS +${((peakRss - rss0) / 2 ** 20).toFixed(1)} MB, heap +${(heapGrowth / 2 ** 20).toFixed(1)} MB`);
      expect(code).toBe('OOXML.ZIP_BOMB');
      expect(ms).toBeLessThan(2000);
      expect(peakRss - rss0).toBeLessThan(64 * 2 ** 20);
      expect(heapGrowth).toBeLessThan(64 * 2 ** 20);
    }
  });

  it('the same bombs in-process are refused as fast and as small (the caps, not the worker, stop them)', async () => {
    const bomb = zipBomb(1024, 50_000);
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    await expect(readOoxml(bomb, 'bomb.docx', { inProcess: true })).rejects.toMatchObject({ code: 'OOXML.ZIP_BOMB' });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(64 * 2 ** 20);
  });
});

afterAll(() => {
  // Nothing a hostile file did reached this process's prototypes.
  expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(protoBefore);
});
