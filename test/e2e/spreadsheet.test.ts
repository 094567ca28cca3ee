// The form's tables as a spreadsheet in a real browser at 1280×720: a preparer pastes rows copied from an
// Excel sheet (tab-separated, thousands separators, a cell in 元) into the 收入 table, moves with the arrow
// keys and Enter, folds the findings panel for a wider table, and the summary row, the autosave, the fold and a
// reload agree; then pastes indicators into the indicator grid and moves between its cells. Screenshots go to test-artifacts/e2e/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app-server';
import { findChromium, launch } from './support/chromium';
import { login, newDraft, shot, waitSaved } from './support/pages';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('finance tables as a spreadsheet in the browser', () => {
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
    await login(page, app.url, 'demo-preparer2');
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  const cell = (label: string) => page.locator(`table[data-table=income] input[aria-label="${label}"]`);

  it('pastes rows from Excel into the 收入 table, undoes and redoes it, moves with the keys, folds the findings panel, and keeps both after a reload', async () => {
    await newDraft(page);
    const income = page.locator('table[data-table=income]');
    if ((await income.count()) === 0) await page.getByRole('button', { name: /按模板添加标准行/ }).first().click();
    await income.waitFor();
    const first = cell('局机关·收入合计');
    await first.scrollIntoViewIfNeeded();
    await first.focus();
    // what Excel puts on the clipboard for three rows of 收入合计 … 其他收入
    const block = ['1,200.50\t200.50\t1000', '300\t\t300', '50000元\t\t5'].join('\r\n');
    await first.evaluate((el, text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, block);
    await page.getByText(/已粘贴 \d+ 个单元格/).waitFor();
    expect(await cell('汇总·收入合计').inputValue()).toBe('1505.50');
    expect(await first.inputValue()).toBe('1200.50');
    // the whole paste is one undo step, and comes back with Ctrl+Y
    await first.focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell('汇总·收入合计').inputValue()).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cell('汇总·收入合计').inputValue()).toBe('1505.50');
    // ↓ and Enter go down a row, Shift+Enter back up
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(second).toMatch(/·收入合计$/);
    expect(second).not.toBe('局机关·收入合计');
    await page.keyboard.press('Shift+Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('局机关·收入合计');
    // the table fits 1280 px: what does not show scrolls inside its own box, never past the window
    const box = await page.locator('.jx-table-scroll').filter({ has: income }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
    await shot(page, 'sheet-01-pasted-1280');
    // folding the findings panel gives the table its width: every column of 收入 shows without scrolling
    const scroller = page.locator('.jx-table-scroll').filter({ has: income });
    const overflow = () => scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    await page.getByTestId('side-fold').click();
    await page.getByTestId('side-unfold').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'sheet-02-panel-folded-1280');
    await waitSaved(page);
    await page.reload();
    await cell('汇总·收入合计').waitFor();
    expect(await cell('汇总·收入合计').inputValue()).toBe('1505.50');
    // the fold is remembered
    await page.getByTestId('side-unfold').waitFor();
    await page.getByTestId('side-unfold').click();
    await page.getByTestId('findings-panel').waitFor();
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('pastes Excel rows into the indicator grid, asks before overwriting, and moves between its cells with the keys', async () => {
    const grid = page.locator('table.jx-ind-wide');
    const add = page.getByRole('button', { name: '添加指标' });
    await add.scrollIntoViewIfNeeded();
    if ((await grid.locator('tbody textarea').count()) === 0) await add.click();
    const name = page.getByLabel('第1项三级指标', { exact: true });
    await name.waitFor();
    await name.focus();
    // as Ctrl+V does: into the focused cell
    const pasteInto = async (el: typeof name, text: string) => {
      await el.focus();
      await el.evaluate((node, t) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', t);
        node.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      }, text);
    };
    // 三级指标 … 偏差原因 of two indicators, as copied from a workbook
    await pasteInto(name, ['组织培训场次\t≥\t50\t次\t52\t', '服务对象满意度\t不低于\t90\t%\t95%\t'].join('\r\n'));
    await page.getByText(/已粘贴 \d+ 个单元格，新增 1 项指标/).waitFor();
    expect(await page.getByLabel('第2项三级指标', { exact: true }).inputValue()).toBe('服务对象满意度');
    expect(await page.getByLabel('第2项指标值', { exact: true }).inputValue()).toBe('90');
    expect(await page.getByLabel('第2项完成值', { exact: true }).inputValue()).toBe('95%');
    await expect.poll(() => grid.locator('tbody tr').nth(1).textContent()).toContain('≥');
    // a paste over filled cells shows what it replaces first
    await pasteInto(page.getByLabel('第1项指标值', { exact: true }), '60\t场');
    const preview = page.getByTestId('paste-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('第1项 指标值：50 → 60');
    await shot(page, 'sheet-03-indicator-paste-preview');
    await page.getByRole('button', { name: '覆盖并粘贴' }).click();
    await preview.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByLabel('第1项指标值', { exact: true }).inputValue()).toBe('60');
    expect(await page.getByLabel('第1项度量单位', { exact: true }).inputValue()).toBe('场');
    // ↓ from 度量单位 goes to the next indicator's; → at the end of a text goes to the next column
    await page.getByLabel('第1项度量单位', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第2项度量单位');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第2项完成值');
    // Enter goes down in a text cell too; Alt+Enter breaks the line instead
    await page.keyboard.press('Shift+Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第1项完成值');
    await page.keyboard.press('End');
    await page.keyboard.press('Alt+Enter');
    await page.keyboard.type('另见附件');
    await expect.poll(() => page.getByLabel('第1项完成值', { exact: true }).inputValue()).toBe('52\n另见附件');
    // at 1280×720 with the findings panel open, the grid scrolls inside its own box, never past the window
    const box = await page.locator('.jx-table-scroll').filter({ has: grid }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
    // scrolled to its last column, the grid keeps its 序号 column in view
    const scroller = page.locator('.jx-table-scroll').filter({ has: grid });
    const overflow = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeGreaterThan(0);
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const serial = await grid.locator('tbody tr').first().locator('td').first().boundingBox();
    expect(Math.abs(serial!.x - box!.x)).toBeLessThanOrEqual(2);
    await shot(page, 'sheet-04-indicators-1280');
    await waitSaved(page);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
