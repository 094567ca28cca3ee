// The whole review cycle in a real browser against the real server (demo data, temporary SQLite):
// preparer edits a 三公经费 cell and sees the summary and the findings change, waives what remains and
// submits; the head signs and approves; the reviewer returns with a reason on a cell; the preparer sees
// it beside the cell, fixes and resubmits; the head approves again; the reviewer accepts; 绩效管理科
// sees it on the dashboard. Screenshots of every step go to test-artifacts/e2e/.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app-server';
import { findChromium, isCI, launch, warnMissing } from './support/chromium';
import { errorCount, expectClass, field, expectCount, expectText, expectValue, finding, login, logout, newDraft, openReport, scrollTo, shot, waitSaved, waitStatus } from './support/pages';

const chromiumPath = findChromium();
if (!chromiumPath && !isCI) warnMissing();

describe('browser end-to-end prerequisites', () => {
  it('has Chromium (a missing one fails under CI=true, and only warns elsewhere)', () => {
    if (!chromiumPath && isCI)
      throw new Error('CI=true 但未找到 Chromium（/usr/bin/chromium 或 /usr/lib/chromium/chromium）。请安装：apt-get install -y chromium fonts-noto-cjk');
    if (chromiumPath) expect(chromiumPath).toMatch(/chromium/);
  });
});

describe.skipIf(!chromiumPath)('report review cycle in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const DEPT = '党群工作部';

  /** A fresh browser (own cookies) for each person, as on their own desk. */
  async function fresh(): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/401|Unauthorized/.test(m.text())) pageErrors.push(m.text());
    });
    return page;
  }

  async function as(username: string): Promise<void> {
    await fresh();
    await login(page, app.url, username);
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launch(chromiumPath!);
    await fresh();
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(page, `failed-${ctx.task.name.slice(0, 40)}`).catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('preparer logs in and sees the 2021 report of 党群工作部', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await shot(page, '01-login');
    await login(page, app.url, 'demo-preparer');
    await expectText(page.getByTestId('current-user'), '填报人');
    // this year's draft first, then the department's earlier years
    await page.getByRole('link', { name: DEPT }).first().waitFor();
    await expectText(page.locator('.ant-table-row').first(), '2021年度');
    await shot(page, '02-preparer-list');
  }, 180_000);

  it('edits a cell in the 三公经费 局机关 row: the summary total and the findings change', async () => {
    await openReport(page, app.url, DEPT);
    await shot(page, '03-editor');
    const summaryTotal = page.getByLabel('汇总·三公经费合计', { exact: true });
    const mainTotal = page.getByLabel('局机关·三公经费合计', { exact: true });
    await scrollTo(page, '[data-path="finance.threePublic"]');
    await expectValue(summaryTotal, '2.5285');
    await expectCount(finding(page, 'FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].total'), 1);
    const before = await errorCount(page);

    await mainTotal.fill('1.2');
    await expectValue(summaryTotal, '1.2000'); // the table's own 4 decimals
    await expectCount(finding(page, 'FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].total'), 0);
    await expectCount(finding(page, 'FIN.THREE_PUBLIC_SUM', 'finance.threePublic[0].total'), 1);
    await waitSaved(page);
    await shot(page, '04-cell-edited');

    // the finding click jumps to the cell it names
    await finding(page, 'FIN.THREE_PUBLIC_SUM', 'finance.threePublic[0].total').click();
    await expectClass(field(page, 'finance.threePublic[0].total'), /jx-field-active/);

    // fix: the 局机关 row carries what the summary said
    await mainTotal.fill('2.5285');
    await page.getByLabel('局机关·公务接待费', { exact: true }).fill('2.5285');
    await expectValue(summaryTotal, '2.5285');
    await expectCount(finding(page, 'FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].reception'), 0);
    await expectCount(finding(page, 'FIN.THREE_PUBLIC_SUM', 'finance.threePublic[0].total'), 0);
    await waitSaved(page);
    expect(await errorCount(page)).toBeLessThan(before);
    await shot(page, '05-cell-fixed');

    // the official layout, rendered by the same HTML export as the PDF, in a sandboxed frame
    await page.getByRole('button', { name: '预览' }).click();
    const frame = page.frameLocator('iframe[title=报告预览]');
    await frame.locator('.jx-report').waitFor();
    await expectText(frame.locator('.jx-report'), '三公经费');
    await shot(page, '05b-preview');
    // the server's export route (found in its OpenAPI document): Word in the official layout
    await page.getByRole('button', { name: /下载文件/ }).hover();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Word（.docx）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await page.locator('.ant-drawer-close').click();

    // history: the two saves differ in the 三公经费 cells
    await page.getByRole('button', { name: '历史版本' }).click();
    await page.getByRole('button', { name: '查看差异' }).click();
    await expectText(page.locator('.ant-drawer-body'), '三公经费表 · 局机关 · 公务接待费');
    await shot(page, '05c-history');
    await page.locator('.ant-drawer-close').click();
  }, 180_000);

  it('waives the remaining errors by kind, one reason per kind, and submits', async () => {
    await page.locator('button[data-action=submit]').click();
    const dialog = page.getByRole('dialog', { name: '提交部门审核' });
    await dialog.waitFor();
    const reasons = dialog.getByLabel(/第\d+组豁免理由/);
    const n = await reasons.count();
    // the seed's errors come in a handful of kinds; the 组长's and the head's items are left to them
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(6);
    await expectText(dialog.getByTestId('later-findings'), '评价组组长');
    await shot(page, '06-submit-waivers');
    for (let i = 0; i < n; i++) await reasons.nth(i).fill(`原表格式所限，第${i + 1}类由评价组复核后在审核中说明`);
    await dialog.getByTestId('confirm-submit').click();
    await waitStatus(page, 'dept_review');
    await shot(page, '07-submitted');
    await logout(page);
    await shot(page, '07b-logged-out');
  }, 180_000);

  it('the 评价组组长 signs during the department review (left to him at the submit, no waiver)', async () => {
    await as('demo-evaluator');
    await openReport(page, app.url, DEPT);
    await scrollTo(page, '[data-testid=signatures]');
    await page.getByRole('button', { name: '以评价组组长身份签署' }).click();
    const dialog = page.getByRole('dialog', { name: '以评价组组长身份签署' });
    await dialog.getByRole('button', { name: /^签\s?署$/ }).click();
    await expectText(page.getByTestId('signatures'), '评价组组长');
    await shot(page, '07c-leader-signed');
  }, 180_000);

  it('the department head signs and approves', async () => {
    await as('demo-head');
    await openReport(page, app.url, DEPT);
    await page.locator('button[data-action=approve]').click();
    const dialog = page.getByRole('dialog', { name: '审核通过并报送财政' });
    await dialog.waitFor();
    await shot(page, '08-head-approve');
    await dialog.getByRole('button', { name: '签署并报送财政' }).click();
    await waitStatus(page, 'submitted');
    await shot(page, '09-head-approved');
  }, 180_000);

  it('the reviewer returns it with a reason pointing at a cell', async () => {
    await as('demo-reviewer');
    await page.getByRole('link', { name: DEPT }).first().waitFor();
    await shot(page, '10-reviewer-list');
    await openReport(page, app.url, DEPT);
    await scrollTo(page, '[data-path="finance.threePublic"]');
    await page.getByLabel('局机关·公务用车运维费', { exact: true }).click(); // "this cell"
    await page.locator('button[data-action=return]').click();
    const dialog = page.getByRole('dialog', { name: '退回报告' });
    await dialog.getByLabel('退回原因').fill('三公经费表局机关行的公务用车运维费未填写，没有发生也请填 0。');
    // pick the cell from the list by typing (keyboard selection does not race the list's opening animation)
    await dialog.getByLabel('涉及的单元格').click();
    await page.keyboard.type('局机关 · 公务用车运维费');
    await page.locator('.ant-select-item-option-active').filter({ hasText: '局机关 · 公务用车运维费' }).waitFor();
    await page.keyboard.press('Enter');
    await expectText(dialog.locator('.ant-select-selection-item').first(), '公务用车运维费');
    await dialog.getByLabel('退回原因').click(); // closes the cell list
    await shot(page, '11-return-dialog');
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await waitStatus(page, 'returned');
  }, 180_000);

  it('the preparer sees the reason beside the cell, fixes and resubmits', async () => {
    await as('demo-preparer');
    await openReport(page, app.url, DEPT);
    await expectText(page.getByTestId('return-banner'), '公务用车运维费未填写');
    const cell = field(page, 'finance.threePublic[1].vehicleOps');
    await expectClass(cell, /jx-returned/);
    await shot(page, '12-returned-banner');
    await page.getByTestId('return-banner').getByRole('button', { name: /公务用车运维费/ }).click();
    await expectClass(cell, /jx-field-active/);
    await shot(page, '13-returned-cell');
    await page.getByLabel('局机关·公务用车运维费', { exact: true }).fill('0');
    await expectValue(page.getByLabel('汇总·公务用车运维费', { exact: true }), '0.0000');
    await waitSaved(page);
    await page.locator('button[data-action=submit]').click();
    const dialog = page.getByRole('dialog', { name: '提交部门审核' });
    await dialog.waitFor();
    // the reasons written at the first submission are offered again
    const reasons = dialog.getByLabel(/第\d+组豁免理由/);
    const n = await reasons.count();
    for (let i = 0; i < n; i++) if (!(await reasons.nth(i).inputValue()).trim()) await reasons.nth(i).fill('同上次提交时的说明');
    await dialog.getByTestId('confirm-submit').click();
    await waitStatus(page, 'dept_review');
  }, 180_000);

  it('the 组长 signs again from the form’s 签字栏: his signature no longer matched the fixed report', async () => {
    await as('demo-evaluator');
    await openReport(page, app.url, DEPT);
    await scrollTo(page, '.jx-signoffs');
    await expectText(page.locator('.jx-signoffs'), '签名已失效（内容已修改），需重新签署');
    await page.getByRole('button', { name: '在评价组组长栏签署' }).click();
    await page.getByRole('dialog', { name: '以评价组组长身份签署' }).getByRole('button', { name: /^签\s?署$/ }).click();
    await expectText(page.locator('.jx-signoffs'), '电子签名有效');
    await shot(page, '13b-leader-signs-again');
  }, 180_000);

  it('the head approves again (the earlier signature no longer matches) and the reviewer accepts', async () => {
    await as('demo-head');
    await openReport(page, app.url, DEPT);
    await expectText(page.getByTestId('signatures'), '签名已失效（内容已修改）');
    await scrollTo(page, '[data-testid=signatures]');
    await shot(page, '14-head-signature-invalid');
    await page.locator('button[data-action=approve]').click();
    await page.getByRole('dialog', { name: '审核通过并报送财政' }).getByRole('button', { name: '签署并报送财政' }).click();
    await waitStatus(page, 'submitted');

    await as('demo-reviewer');
    await openReport(page, app.url, DEPT);
    await page.locator('button[data-action=accept]').click();
    const dialog = page.getByRole('dialog', { name: '审核通过' });
    await dialog.waitFor();
    // the errors the department waived are listed, and accepting anyway takes a reason
    await dialog.getByTestId('accept-concerns').waitFor();
    await expectText(dialog.getByTestId('accept-concerns'), '已豁免的错误');
    await dialog.getByLabel('审核通过理由').fill('已逐项核对豁免理由，属原表格式所限。');
    await shot(page, '15-reviewer-accept');
    await dialog.getByRole('button', { name: '审核通过' }).click();
    await waitStatus(page, 'accepted');
    await shot(page, '16-accepted');
  }, 180_000);

  it('another department imports last year\'s text file into a new draft', async () => {
    await as('demo-preparer2');
    await expectText(page.getByTestId('current-user'), '党政办公室');
    await page.locator('input[type=file]').setInputFiles(join(process.cwd(), 'test', 'fixtures', 'seed-report-2021-dangqun.txt'));
    await page.getByTestId('findings-panel').waitFor();
    await expectText(page.locator('.jx-editor-title'), '党政办公室');
    await expectValue(page.getByLabel('汇总·收入合计', { exact: true }), '87.2217');
    await shot(page, '18-imported-draft');
    await page.goto(`${app.url}/reports`);
    await newDraft(page);
    await scrollTo(page, '#sec-finance');
    await page.getByRole('button', { name: '按模板生成四张表' }).click();
    await page.getByLabel('局机关·收入合计', { exact: true }).fill('12.5');
    await expectValue(page.getByLabel('汇总·收入合计', { exact: true }), '12.5');
    await waitSaved(page);
    await shot(page, '19-new-draft');
  }, 180_000);

  it('an expired session brings the user back to the login page with a message', async () => {
    await context.clearCookies();
    await page.getByRole('menuitem', { name: '我的报告' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await expectText(page.locator('.jx-login-card'), '登录已失效，请重新登录');
    await shot(page, '20-session-expired');
    await login(page, app.url, 'demo-preparer2');
  }, 120_000);

  it('the audit administrator finds who changed the report today, verifies the chain, and never sees reports', async () => {
    await as('demo-auditor');
    await page.getByRole('button', { name: '校验哈希链' }).click();
    await expectText(page.locator('.ant-card'), '审计日志完整');
    // who saved the report today: 今天 and the event 保存报告, then that one report only
    await page.getByLabel('时间范围').first().click();
    await page.locator('.ant-picker-presets li', { hasText: '今天' }).click();
    await page.getByLabel('事件').click();
    await page.keyboard.type('保存报告');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^查\s?询$/ }).click();
    const rows = page.locator('tr.ant-table-row');
    await rows.filter({ hasText: DEPT }).first().waitFor();
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes('保存报告'))).toBe(true);
    expect(texts.some((t) => t.includes('demo-preparer') && t.includes(DEPT))).toBe(true);
    await rows.filter({ hasText: DEPT }).first().getByRole('button', { name: '只看此报告' }).click();
    await page.getByTestId('audit-object-tag').waitFor();
    await expectText(page.getByTestId('audit-object-tag'), DEPT);
    await shot(page, '21-audit');
    // the report itself stays closed to the 三员
    expect(await page.locator('a[href^="/reports/"]').count()).toBe(0);
  }, 120_000);

  it('绩效管理科 sees it on the dashboard and publishes it', async () => {
    await as('demo-admin');
    await page.getByRole('heading', { name: '绩效看板' }).waitFor();
    await expectText(page.locator('.jx-dashboard'), DEPT);
    await page.waitForTimeout(600); // chart animation
    await shot(page, '17-dashboard');
    // and publishes the accepted report
    await page.locator('.jx-dashboard tr').filter({ hasText: DEPT }).first().click();
    await page.locator('button[data-action=publish]').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '公开' }).click();
    await waitStatus(page, 'published');
    await shot(page, '17b-published');
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
