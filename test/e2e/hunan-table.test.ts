// A Hunan 部门整体支出绩效自评表 (10号 附件2; a real table: 零陵区林业局, excerpt 013) in a real browser against
// the real server: a preparer imports the web copy, sees the 年度预算申请 grid as the form prints it with the
// figures read off it, sees the claimed 执行率 100% and 得分 10 flagged against 3824.26 ÷ 4753.66, corrects
// them in the grid and the findings go; the official HTML prints the grid. The copy is moved to 2022 so that
// it is not taken into the demo's 2021 task (whose template is the Yueyang form).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app-server';
import { findChromium, launch } from './support/chromium';
import { expectCount, expectValue, finding, login, shot, waitSaved } from './support/pages';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('a Hunan 自评表 in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launch(chromiumPath!);
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(page, `failed-hunan-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('imports the table, shows its grid, and the 执行率 line is checked and corrected in place', async () => {
    const text = readFileSync(join(process.cwd(), 'test', 'fixtures', 'real-excerpts', '013.txt'), 'utf8').replaceAll('2021', '2022');
    const file = join(mkdtempSync(join(tmpdir(), 'jixiao-hunan-')), '零陵区林业局2022年部门整体支出绩效自评表.txt');
    writeFileSync(file, text);
    await login(page, app.url, 'demo-preparer2');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('findings-panel').waitFor();
    const grid = page.locator('table[data-table=budgetGrid]');
    await grid.waitFor();
    await grid.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expectValue(page.getByLabel('年度资金总额全年执行数', { exact: true }), '3824.26');
    await expectValue(page.getByLabel('其他资金', { exact: true }), '2880');
    await expectValue(page.getByLabel('执行率', { exact: true }), '100%');
    await finding(page, 'FIN.EXECUTION_RATE', 'basics.executionRate').waitFor();
    await finding(page, 'FIN.EXECUTION_SCORE', 'basics.executionScore').waitFor();
    await expectCount(page.locator('[data-testid=findings-panel] button.jx-finding[data-code="FIN.EXPENDITURE_SUM"]'), 0);
    await shot(page, 'hunan-01-grid');

    await page.getByLabel('执行率', { exact: true }).fill('80.45%');
    await page.getByLabel('执行率得分', { exact: true }).fill('8.04');
    await expectCount(finding(page, 'FIN.EXECUTION_RATE', 'basics.executionRate'), 0);
    await expectCount(finding(page, 'FIN.EXECUTION_SCORE', 'basics.executionScore'), 0);
    await waitSaved(page);
    await shot(page, 'hunan-02-corrected');

    const id = /\/reports\/([^/?#]+)/.exec(page.url())![1]!;
    const html = await (await context.request.get(`${app.url}/api/reports/${id}/export?format=html`)).text();
    expect(html).toContain('jx-budget-grid');
    expect(html).toContain('80.45%');
    expect(html).toContain('按支出性质分：');
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
