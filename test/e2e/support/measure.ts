// What the web app costs a browser, measured in Debian's chromium on loopback (issue 12 point 4): the
// bytes each route transfers (encoded bodies + headers, by kind), the time until its screen can be
// used, and the keystroke → totals → findings latency in the editor. Shared by test/e2e/performance.test.ts
// (one run, with the byte budget asserted) and bench/web-load.ts (several runs, min/median/max).
import type { Browser, Page, Response } from 'playwright-core';
import { PASSWORD } from './pages';

export interface Transfer {
  js: number;
  css: number;
  html: number;
  other: number;
  /** the JavaScript files fetched, by name without the content hash */
  scripts: string[];
}

export interface RouteFigures extends Transfer {
  /** ms from the start of the navigation (or the click) until the route's screen can be used */
  readyMs: number;
}

/** The selector that says a screen can be used, as the user sees it. */
export const READY = {
  login: 'form button[type=submit]:not([disabled])',
  reports: '.ant-table-row a',
  editor: '[data-testid=findings-panel]:not([aria-busy])',
  dashboard: '.jx-dashboard canvas',
} as const;

/** Marks, from the page's first moment, when each READY selector first matches (window.__jxReady). */
// (`__name`: tsx keeps function names with a helper of that name, which functions sent to the page call)
const OBSERVER = `(() => {
  globalThis.__name = globalThis.__name || ((f) => f);
  const wanted = ${JSON.stringify(READY)};
  const seen = (window.__jxReady = {});
  const look = () => { for (const [k, sel] of Object.entries(wanted)) if (!(k in seen) && document.querySelector(sel)) seen[k] = performance.now(); };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript(OBSERVER);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

/** Everything transferred while `action` runs and until `ready` shows. */
export async function transferDuring(page: Page, action: () => Promise<unknown>): Promise<Transfer> {
  const responses: Response[] = [];
  const listen = (r: Response) => void responses.push(r);
  page.on('response', listen);
  try {
    await action();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('response', listen);
  }
  const t: Transfer = { js: 0, css: 0, html: 0, other: 0, scripts: [] };
  for (const r of responses) {
    const sizes = await r.request().sizes().catch(() => null);
    if (!sizes) continue;
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    const url = new URL(r.url());
    const type = r.headers()['content-type'] ?? '';
    if (/javascript/.test(type) || url.pathname.endsWith('.js')) {
      t.js += bytes;
      t.scripts.push(url.pathname.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.js$/, ''));
    } else if (/css/.test(type)) t.css += bytes;
    else if (/html/.test(type)) t.html += bytes;
    else t.other += bytes;
  }
  return t;
}

const readyAt = (page: Page, key: keyof typeof READY) =>
  page.waitForFunction((k) => (window as unknown as { __jxReady: Record<string, number> }).__jxReady[k], key).then((h) => h.jsonValue() as Promise<number>);

/** The login page, cold (an empty cache), from navigation to a usable form. */
export async function measureLogin(page: Page, base: string): Promise<RouteFigures> {
  let readyMs = 0;
  const t = await transferDuring(page, async () => {
    await page.goto(`${base}/login`);
    readyMs = await readyAt(page, 'login');
  });
  return { ...t, readyMs };
}

/** Logs in from the login page and measures the route it lands on, from the click. */
export async function measureLoginTo(page: Page, username: string, ready: keyof typeof READY): Promise<RouteFigures> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  let readyMs = 0;
  const t = await transferDuring(page, async () => {
    const start = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: '登录' }).click();
    readyMs = (await readyAt(page, ready)) - start;
  });
  return { ...t, readyMs };
}

/** Opens a screen by URL in the signed-in page (a new navigation: cached assets are revalidated or reused). */
export async function measureOpen(page: Page, url: string, ready: keyof typeof READY): Promise<RouteFigures> {
  let readyMs = 0;
  const t = await transferDuring(page, async () => {
    await page.goto(url);
    readyMs = await readyAt(page, ready);
  });
  return { ...t, readyMs };
}

export interface Keystroke {
  /** input event → the summary row's new total is in the DOM */
  totalsMs: number;
  /** input event → the findings panel shows findings of the new content */
  findingsMs: number;
  /** the longest main-thread task while it happened (ms; 0 when none passed 50 ms) */
  longestTaskMs: number;
}

/**
 * Types `value` into the cell labelled `cell` (an input event, as a keystroke gives) and times the summary
 * cell `summary` changing and the findings panel settling on the new content.
 */
export async function measureKeystroke(page: Page, cell: string, summary: string, value: string): Promise<Keystroke> {
  return page.evaluate(
    ([cellLabel, summaryLabel, v]) =>
      new Promise<Keystroke>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>(`input[aria-label="${cellLabel}"]`);
        const total = document.querySelector<HTMLInputElement>(`input[aria-label="${summaryLabel}"]`);
        const panel = document.querySelector('[data-testid=findings-panel]');
        if (!input || !total || !panel) return reject(new Error('cell, summary or findings panel not found'));
        let longest = 0;
        const tasks = new PerformanceObserver((l) => l.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
        tasks.observe({ type: 'longtask' });
        const before = total.value;
        let totalsMs = -1;
        // the panel goes busy once the edit is seen (the check is on its way) and settles with its result
        let sawBusy = false;
        const t0 = performance.now();
        const done = () => {
          if (totalsMs < 0 && total.value !== before) totalsMs = performance.now() - t0;
          if (panel.hasAttribute('aria-busy')) sawBusy = true;
          else if (sawBusy && totalsMs >= 0) {
            const findingsMs = performance.now() - t0;
            observer.disconnect();
            setTimeout(() => {
              tasks.disconnect();
              resolve({ totalsMs, findingsMs, longestTaskMs: longest });
            }, 100);
          }
        };
        const observer = new MutationObserver(done);
        observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
        input.focus();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // the value is set by React's render of the new state: look again once the event has been handled
        queueMicrotask(done);
        setTimeout(() => reject(new Error('no update within 10 s')), 10_000);
      }),
    [cell, summary, value] as const,
  );
}

export interface WebFigures {
  login: RouteFigures;
  reports: RouteFigures;
  editor: RouteFigures;
  dashboard: RouteFigures;
  keystrokes: Keystroke[];
}

/**
 * The whole walk, each part in a fresh browser context (an empty cache): the login page; logging in
 * to the report list; opening `reportId` in the editor from there; six edits of a 局机关 三公经费 cell
 * (the first, which meets cold code, is dropped); the 绩效管理科 logging in to the dashboard.
 */
export async function measureWeb(browser: Browser, base: string, reportId: string): Promise<WebFigures> {
  const page = await newPage(browser);
  try {
    const login = await measureLogin(page, base);
    const reports = await measureLoginTo(page, 'demo-preparer', 'reports');
    const editor = await measureOpen(page, `${base}/reports/${reportId}`, 'editor');
    const keystrokes: Keystroke[] = [];
    for (let i = 0; i < 6; i++) {
      const k = await measureKeystroke(page, '局机关·公务接待费', '汇总·公务接待费', `${3 + i}.${i}1`);
      if (i > 0) keystrokes.push(k);
      await page.waitForTimeout(300);
    }
    const admin = await newPage(browser);
    try {
      await admin.goto(`${base}/login`);
      await admin.locator(READY.login).waitFor();
      // the 绩效管理科's home is the dashboard
      const dashboard = await measureLoginTo(admin, 'demo-admin', 'dashboard');
      return { login, reports, editor, dashboard, keystrokes };
    } finally {
      await admin.context().close();
    }
  } finally {
    await page.context().close();
  }
}

/** Puts `report` into the demo preparer's 2021 draft (党群工作部) through the API; returns its id. */
export async function loadIntoDemoDraft(base: string, report: unknown): Promise<string> {
  const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-preparer', password: PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const list = (await (await fetch(`${base}/api/reports`, { headers: { cookie } })).json()) as { items: Array<{ id: string; year: number; status: string }> };
  const draft = list.items.find((i) => i.year === 2021 && i.status === 'draft')!;
  const view = (await (await fetch(`${base}/api/reports/${draft.id}`, { headers: { cookie } })).json()) as { version: number };
  const put = await fetch(`${base}/api/reports/${draft.id}`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json', 'if-match': `"${view.version}"` }, body: JSON.stringify({ report }) });
  if (!put.ok) throw new Error(`保存大报告失败：${put.status} ${await put.text()}`);
  return draft.id;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The figures as the README's table rows. */
export function describeWeb(f: WebFigures): string[] {
  const row = (name: string, r: RouteFigures) => `| ${name} | ${kb(r.js)} | ${kb(r.css)} | ${kb(r.html + r.other)} | ${r.readyMs.toFixed(0)} ms | ${r.scripts.length} |`;
  const k = f.keystrokes;
  return [
    row('login (cold cache)', f.login), row('→ 我的报告 (log in)', f.reports), row('→ editor, big report', f.editor), row('绩效管理科 → dashboard', f.dashboard),
    `keystroke → totals ${k.map((x) => x.totalsMs.toFixed(1)).join(', ')} ms; → findings ${k.map((x) => x.findingsMs.toFixed(1)).join(', ')} ms; longest main-thread task ${Math.max(...k.map((x) => x.longestTaskMs)).toFixed(0)} ms`,
  ];
}
