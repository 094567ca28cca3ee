// PdfRenderer: one warm Chromium shared by many exports, work queued with bounded concurrency, and a
// relaunch when the browser dies (crash, OOM kill) so one bad moment does not break every later export.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ChromiumMissingError, launchChromium } from './chromium';
import { TaskQueue } from './queue';

export interface PdfRendererOptions {
  /** Chromium binary; default: $JIXIAO_CHROMIUM or the Debian locations */
  executablePath?: string;
  /** prints at once; each takes about one CPU core while it lays out (default 2) */
  concurrency?: number;
  /** exports allowed to wait before render() refuses (default 64) */
  maxWaiting?: number;
  /** per export, including waiting for fonts (default 60 s) */
  timeoutMs?: number;
  /**
   * Tagged (accessible) PDF with a structure tree. Off by default: it costs ~20% more CPU per export, and
   * text is selectable and searchable without it (every font carries a ToUnicode map).
   */
  tagged?: boolean;
  /** how to start the browser; a seam for tests */
  launch?: () => Promise<Browser>;
}

export class PdfTimeoutError extends Error {
  readonly code = 'PDF.TIMEOUT';
  constructor(ms: number) {
    super(`PDF 生成超时（超过 ${Math.round(ms / 1000)} 秒）`);
    this.name = 'PdfTimeoutError';
  }
}

/** A running browser with its one context and the pages that are free to print on. */
interface Session {
  browser: Browser;
  context: BrowserContext;
  idle: Page[];
}

export class PdfRenderer {
  private session: Promise<Session> | null = null;
  private closed = false;
  private launchCount = 0;
  private readonly queue: TaskQueue;
  private readonly timeoutMs: number;
  private readonly tagged: boolean;
  private readonly launchBrowser: () => Promise<Browser>;

  constructor(opts: PdfRendererOptions = {}) {
    this.queue = new TaskQueue(opts.concurrency ?? 2, opts.maxWaiting ?? 64);
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.tagged = opts.tagged ?? false;
    this.launchBrowser = opts.launch ?? (() => launchChromium(opts.executablePath));
  }

  /** How many times a browser was started (1 while it stays healthy). */
  get launches(): number {
    return this.launchCount;
  }

  get pending(): { running: number; waiting: number } {
    return this.queue.size;
  }

  /** Starts the browser now, so the first export does not pay the launch. */
  async warm(): Promise<void> {
    await this.getSession();
  }

  /** Prints a complete HTML document to a PDF; page size, margins and footer come from its CSS (@page). */
  render(html: string): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('PDF 生成器已关闭'));
    return this.queue.run(() => this.printWithRetry(html));
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = this.session;
    this.session = null;
    const s = await pending?.catch(() => null);
    await s?.browser.close().catch(() => undefined);
  }

  private getSession(): Promise<Session> {
    if (this.closed) return Promise.reject(new Error('PDF 生成器已关闭'));
    if (!this.session) {
      this.launchCount++;
      const starting = this.start();
      starting.then(
        (s) =>
          s.browser.on('disconnected', () => {
            if (this.session === starting) this.session = null;
          }),
        // A failed launch is not kept: the next export tries again (chromium may have been installed since).
        () => {
          if (this.session === starting) this.session = null;
        },
      );
      this.session = starting;
    }
    return this.session;
  }

  private async start(): Promise<Session> {
    const browser = await this.launchBrowser();
    try {
      // Scripts off and every request refused: the document is self-contained, so even a value that slipped
      // past escaping could neither run nor call out. Pages are reused (no cookies, storage or scripts to leak).
      const context = await browser.newContext({ javaScriptEnabled: false });
      await context.route('**/*', (route) => route.abort());
      return { browser, context, idle: [] };
    } catch (err) {
      await browser.close().catch(() => undefined);
      throw err;
    }
  }

  private async printWithRetry(html: string): Promise<Uint8Array> {
    const used = this.getSession();
    try {
      return await this.print(await used, html);
    } catch (err) {
      if (this.closed || err instanceof ChromiumMissingError || err instanceof PdfTimeoutError) throw err;
      const s = await used.catch(() => null);
      if (s?.browser.isConnected()) throw err; // the document failed, not the browser
      if (this.session === used) this.session = null;
      return this.print(await this.getSession(), html);
    }
  }

  private async print(s: Session, html: string): Promise<Uint8Array> {
    const page = s.idle.pop() ?? (await s.context.newPage());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PdfTimeoutError(this.timeoutMs)), this.timeoutMs);
    });
    try {
      const work = (async () => {
        await page.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, format: 'A4', tagged: this.tagged });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      })();
      const pdf = await Promise.race([work, timeout]);
      s.idle.push(page);
      return pdf;
    } catch (err) {
      // A page that failed or hung is not trusted again.
      void page.close().catch(() => undefined);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
}
