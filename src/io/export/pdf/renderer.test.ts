// The warm-browser renderer: bounded queue, relaunch after a crash, a clear Chinese error without
// Chromium, a timeout that does not poison later exports, and the shared instance's lifecycle.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ChromiumMissingError,
  closeSharedPdfRenderer,
  PdfRenderer,
  PdfTimeoutError,
  QueueFullError,
  sharedPdfRenderer,
  TaskQueue,
} from './index';
import { launchChromium } from './chromium';
import { ARTIFACTS, pdfInfo, pdfText, skipPdfTests } from './test-tools';

const SKIP = skipPdfTests();
const DOC = '<!DOCTYPE html><html lang="zh-CN"><body><p>绩效自评</p></body></html>';
const isPdf = (b: Uint8Array) => Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-';

describe('TaskQueue', () => {
  it('runs at most `concurrency` jobs at once, in arrival order', async () => {
    const q = new TaskQueue(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const job = (i: number) => async () => {
      started.push(i);
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => q.run(job(i))));
    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(q.size).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once when the waiting line is full, and frees the slot after a failure', async () => {
    const q = new TaskQueue(1, 1);
    let release = () => {};
    const first = q.run(() => new Promise<void>((r) => (release = r)));
    const second = q.run(async () => 'second');
    await expect(q.run(async () => 'third')).rejects.toBeInstanceOf(QueueFullError);
    await expect(q.run(async () => 'x')).rejects.toThrow('PDF 导出排队已满');
    release();
    await first;
    expect(await second).toBe('second');
    await expect(q.run(async () => Promise.reject(new Error('坏文档')))).rejects.toThrow('坏文档');
    expect(await q.run(async () => 'after')).toBe('after');
  });
});

describe('missing Chromium', () => {
  it('says in Chinese what to install', async () => {
    const r = new PdfRenderer({ executablePath: '/nonexistent/chromium' });
    const err = await r.render(DOC).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChromiumMissingError);
    expect((err as Error).message).toContain('未找到 Chromium 浏览器：请安装 Debian 软件包 chromium（apt-get install -y chromium fonts-noto-cjk）');
    await r.close();
  });
});

describe.skipIf(SKIP)('PdfRenderer with Chromium', () => {
  afterAll(() => closeSharedPdfRenderer());

  it('keeps one browser for many exports and prints them concurrently', async () => {
    const r = new PdfRenderer({ concurrency: 2 });
    const pdfs = await Promise.all([1, 2, 3, 4].map(() => r.render(DOC)));
    expect(pdfs.every(isPdf)).toBe(true);
    expect(r.launches).toBe(1);
    await r.close();
    await expect(r.render(DOC)).rejects.toThrow('PDF 生成器已关闭');
  });

  it('makes a tagged (accessible) PDF when asked', async () => {
    const r = new PdfRenderer({ tagged: true });
    const file = join(ARTIFACTS, 'tagged.pdf');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(file, await r.render(DOC));
    expect(pdfInfo(file).tagged).toBe(true);
    await r.close();
  });

  it('relaunches when the browser dies and finishes the export', async () => {
    const browsers: Browser[] = [];
    const r = new PdfRenderer({ launch: async () => browsers[browsers.push(await launchChromium()) - 1]! });
    expect(isPdf(await r.render(DOC))).toBe(true);
    await browsers[0]!.close(); // what a crash or an OOM kill looks like from here: the connection drops
    expect(isPdf(await r.render(DOC))).toBe(true);
    expect(r.launches).toBe(2);
    await r.close();
  });

  it('times out a stuck export without spoiling the next one', async () => {
    const r = new PdfRenderer({ timeoutMs: 1 });
    await expect(r.render(DOC)).rejects.toBeInstanceOf(PdfTimeoutError);
    await r.close();
    const ok = new PdfRenderer();
    expect(isPdf(await ok.render(DOC))).toBe(true);
    await ok.close();
  });

  it('blocks requests to the network and scripts in the document', async () => {
    const r = new PdfRenderer();
    const html = `<!DOCTYPE html><html><body><p id="p">静态</p><img src="http://127.0.0.1:9/x.png"><script>document.getElementById('p').textContent='脚本运行了'</script></body></html>`;
    const file = join(ARTIFACTS, 'no-script.pdf');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(file, await r.render(html));
    expect(pdfText(file)).toContain('静态');
    expect(pdfText(file)).not.toContain('脚本运行了');
    await r.close();
  });

  it('shares one lazily started renderer until it is closed', async () => {
    const a = sharedPdfRenderer();
    expect(sharedPdfRenderer()).toBe(a);
    expect(isPdf(await a.render(DOC))).toBe(true);
    await closeSharedPdfRenderer();
    expect(sharedPdfRenderer()).not.toBe(a);
    await closeSharedPdfRenderer();
  });
});
