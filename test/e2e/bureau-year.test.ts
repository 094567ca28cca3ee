// One whole year of the finance bureau in a real browser against the real server (a fresh bureau of
// five departments): 绩效管理科 issues the task; the departments fill and submit (one in the browser, the
// others by API); a sample is drawn and a sampled report re-scored; a report is returned, the
// department disputes the reason and resubmits, the reviewer answers and accepts with a reason; a 整改
// notice is sent and answered with evidence; next year's task is issued and its draft shows the item
// as 上年问题整改情况. Screenshots go to test-artifacts/e2e/year-*.
import dayjs from 'dayjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedReport } from '../helpers/seed';
import { startApp, type RunningApp } from './support/app-server';
import { apiAs, DEPARTMENTS, seedBureau } from './support/bureau-org';
import { findChromium, launch } from './support/chromium';
import { expectText, login, shot, waitStatus } from './support/pages';

const chromiumPath = findChromium();
const D1 = DEPARTMENTS[0][1];

describe.skipIf(!chromiumPath)('a whole year of the finance bureau in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  // one browser context per person, kept between steps (as on their own desks)
  const desks = new Map<string, { context: BrowserContext; page: Page }>();

  async function as(username: string): Promise<void> {
    const desk = desks.get(username);
    if (desk) {
      page = desk.page;
      return;
    }
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/401|Unauthorized/.test(m.text())) errors.push(m.text());
    });
    desks.set(username, { context, page });
    await login(page, app.url, username);
  }

  /** Fills a department's draft with the seed report under its own name, by API. */
  async function fillByApi(i: number, year: number) {
    const [, name, code] = DEPARTMENTS[i]!;
    const prep = await apiAs(app.url, `y-prep${i + 1}`);
    const list = await prep('GET', '/api/reports');
    const item = list.items.find((r: { year: number }) => r.year === year);
    const view = await prep('GET', `/api/reports/${item.id}`);
    const report = seedReport();
    report.year = year;
    report.cover.departmentName = name;
    report.cover.budgetCode = code;
    report.narrative = report.narrative.map((n) => ({ ...n, text: n.text.replaceAll('党群工作部', name) }));
    report.performance.selfScore = 90 + i;
    report.priorIssues = view.report.priorIssues;
    await prep('PUT', `/api/reports/${item.id}`, { report }, { 'if-match': `"${view.version}"` });
    // the 组长 signs the draft (the department's review is not what this test walks through)
    const lead = await apiAs(app.url, `y-lead${i + 1}`);
    await lead('POST', `/api/reports/${item.id}/signatures`, { role: 'leader' });
    return { prep, id: item.id as string };
  }

  async function submitByApi(i: number, id: string) {
    const prep = await apiAs(app.url, `y-prep${i + 1}`);
    const view = await prep('GET', `/api/reports/${id}`);
    const waivers = view.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { code: string; path: string }) => ({ code: f.code, path: f.path, reason: '原表格式所限，另行说明' }));
    await prep('POST', `/api/reports/${id}/transitions`, { action: 'submit', waivers });
    const head = await apiAs(app.url, `y-head${i + 1}`);
    await head('POST', `/api/reports/${id}/signatures`, { role: 'head', opinion: '同意报送' });
    await head('POST', `/api/reports/${id}/transitions`, { action: 'approve' });
  }

  async function datePick(label: string, date: string) {
    const input = page.getByRole('dialog').getByLabel(label);
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }

  async function createAndIssue(year: number) {
    await page.goto(`${app.url}/tasks`);
    await page.getByRole('button', { name: '新建任务' }).click();
    const dialog = page.getByRole('dialog', { name: '新建绩效自评任务' });
    await dialog.waitFor();
    await page.waitForTimeout(400);
    await dialog.getByLabel('评价年度').fill(String(year));
    const today = dayjs();
    await datePick('自评报送截止日', today.add(10, 'day').format('YYYY-MM-DD'));
    await datePick('财政审核截止日', today.add(30, 'day').format('YYYY-MM-DD'));
    await datePick('结果公开截止日', today.add(60, 'day').format('YYYY-MM-DD'));
    await dialog.getByLabel('通知正文').fill(`请各部门于截止日前报送${year}年度部门整体支出绩效自评报告。`);
    await dialog.getByRole('button', { name: /新建/ }).click();
    await page.getByTestId('issue-task').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '下达' }).click();
    await page.getByTestId('board').waitFor();
  }

  beforeAll(async () => {
    app = await startApp({ seed: seedBureau });
    browser = await launch(chromiumPath!);
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(page, `year-failed-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
  });

  afterAll(async () => {
    for (const d of desks.values()) await d.context.close();
    await browser?.close();
    await app?.close();
  });

  it('绩效管理科 creates and issues the task: five departments get their drafts', async () => {
    await as('y-perf');
    await createAndIssue(2024);
    const rows = page.getByTestId('board').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(5);
    await expectText(page.getByTestId('board'), '未开始');
    await shot(page, 'year-01-board-issued');
  }, 180_000);

  it('the departments fill and submit; one does it in the browser', async () => {
    for (let i = 1; i < 5; i++) await submitByApi(i, (await fillByApi(i, 2024)).id);
    const { id } = await fillByApi(0, 2024);
    await as('y-prep1');
    await page.goto(`${app.url}/reports/${id}`);
    await page.getByTestId('findings-panel').waitFor();
    await expectText(page.getByTestId('task-deadline'), '报送截止');
    await page.getByLabel('联系人', { exact: true }).fill('王焱');
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor();
    await page.locator('button[data-action=submit]').click();
    const dialog = page.getByRole('dialog', { name: '提交部门审核' });
    const reasons = dialog.getByLabel(/第\d+组豁免理由/);
    await reasons.first().waitFor();
    for (let i = 0, n = await reasons.count(); i < n; i++) await reasons.nth(i).fill('原表格式所限，评价组已复核');
    await dialog.getByTestId('confirm-submit').click();
    await waitStatus(page, 'dept_review');
    await as('y-head1');
    await page.goto(`${app.url}/reports/${id}`);
    await page.locator('button[data-action=approve]').click();
    await page.getByRole('dialog', { name: '审核通过并报送财政' }).getByRole('button', { name: '签署并报送财政' }).click();
    await waitStatus(page, 'submitted');
    await shot(page, 'year-02-submitted');
  }, 180_000);

  it('绩效管理科 draws a sample and re-scores a sampled report beside the self-score', async () => {
    await as('y-perf');
    await page.goto(`${app.url}/tasks`);
    await page.getByRole('link', { name: /2024年度/ }).click();
    await expectText(page.getByTestId('board'), '已报送');
    await page.getByRole('tab', { name: /抽查/ }).click();
    await page.getByLabel('抽查数量').fill('2');
    await page.getByLabel('随机抽取占比').fill('0.5');
    await page.getByTestId('save-sample').click();
    const picks = page.getByTestId('sample-picks').locator('.ant-table-row');
    await expect.poll(() => picks.count()).toBe(2);
    await expectText(page.getByTestId('sample-picks'), '风险得分');
    await shot(page, 'year-03-sample');
    await picks.first().getByRole('link').first().click();
    await page.getByTestId('findings-panel').waitFor();
    await page.getByRole('tab', { name: '复核' }).click();
    await page.getByTestId('open-rescore').click();
    const scores = page.getByLabel(/^复核得分：/);
    await scores.first().waitFor();
    const n = await scores.count();
    expect(n).toBeGreaterThan(5);
    // every line re-scored; each one that differs from the computed score carries its reason
    for (let i = 0; i < n; i++) {
      await scores.nth(i).fill('2');
      await page.getByLabel(/^调整理由：/).nth(i).fill('按复核口径评分');
    }
    await page.getByLabel('复核意见').fill('指标细化量化不足');
    await page.getByTestId('save-rescore').click();
    await expectText(page.locator('.ant-drawer').getByTestId('rescore-total'), String(n * 2));
    await expectText(page.locator('.ant-drawer').getByTestId('rescore-deviation'), '+');
    await shot(page, 'year-04-rescore');
  }, 180_000);

  it('the reviewer returns a report; the department disputes the reason, fixes and resubmits', async () => {
    await as('y-rev');
    await page.goto(`${app.url}/reports`);
    await page.getByRole('link', { name: D1 }).first().click();
    await page.getByTestId('findings-panel').waitFor();
    await page.locator('button[data-action=return]').click();
    const dialog = page.getByRole('dialog', { name: '退回报告' });
    await dialog.getByLabel('退回原因').fill('三公经费表局机关行未填写明细，请补齐。');
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await waitStatus(page, 'returned');
    await as('y-prep1');
    await page.goto(`${app.url}/reports`);
    await page.getByRole('link', { name: D1 }).first().click();
    const thread = page.getByTestId('return-thread');
    await thread.waitFor();
    await thread.getByText('提出异议').click();
    await thread.getByLabel('回应说明').fill('局机关当年无三公支出，汇总数来自二级机构，已在说明中注明。');
    await thread.getByTestId('send-reply').click();
    await expectText(thread, '异议');
    await shot(page, 'year-05-dispute');
    await page.locator('button[data-action=submit]').click();
    const submit = page.getByRole('dialog', { name: '提交部门审核' });
    const reasons = submit.getByLabel(/第\d+组豁免理由/);
    await reasons.first().waitFor();
    for (let i = 0, n = await reasons.count(); i < n; i++) if (!(await reasons.nth(i).inputValue()).trim()) await reasons.nth(i).fill('同上次说明');
    await submit.getByTestId('confirm-submit').click();
    await waitStatus(page, 'dept_review');
    const head = await apiAs(app.url, 'y-head1');
    const id = page.url().split('/').pop()!;
    await head('POST', `/api/reports/${id}/signatures`, { role: 'head', opinion: '同意报送' });
    await head('POST', `/api/reports/${id}/transitions`, { action: 'approve' });
  }, 180_000);

  it('the reviewer reads the dispute, answers it and accepts with a reason', async () => {
    await as('y-rev');
    await page.goto(`${app.url}/reports`);
    await page.getByRole('link', { name: D1 }).first().click();
    const thread = page.getByTestId('return-thread');
    await expectText(thread, '局机关当年无三公支出');
    await thread.getByLabel('答复内容').fill('同意，已核对二级机构明细。');
    await thread.getByTestId('send-reply').click();
    await expectText(thread, '财政答复');
    await page.locator('button[data-action=accept]').click();
    const dialog = page.getByRole('dialog', { name: '审核通过' });
    await dialog.getByTestId('accept-concerns').waitFor();
    await dialog.getByLabel('审核通过理由').fill('已复核，豁免事项属原表格式所限。');
    await dialog.getByRole('button', { name: '审核通过' }).click();
    await waitStatus(page, 'accepted');
    await shot(page, 'year-06-accepted');
  }, 180_000);

  it('the reviewer sends a 整改 notice; the department answers it with evidence', async () => {
    await page.getByTestId('issue-notice').click();
    const dialog = page.getByRole('dialog', { name: '下达整改通知' });
    await dialog.getByLabel('第1项问题', { exact: true }).fill('定量指标完成值均为“已完成”，没有实际数值');
    await dialog.getByLabel('第1项整改要求').fill('逐项填写与目标值同单位的实际完成数值');
    await dialog.getByRole('button', { name: '下达' }).click();
    await page.waitForURL(/\/rectifications\/[^/]+$/);
    await as('y-prep1');
    await page.goto(`${app.url}/reports`);
    await page.getByTestId('inbox-bell').click();
    await page.getByTestId('inbox').locator('[data-kind=rectify]').first().click();
    await page.waitForURL(/\/rectifications\/[^/]+$/);
    await page.getByLabel('第1项整改情况').fill('已修订指标体系，逐项填报实际数值。');
    await page.getByRole('button', { name: '提交反馈' }).click();
    await expectText(page.locator('.jx-rect-item'), '已反馈');
    await page.locator('.jx-rect-item input[type=file]').setInputFiles({ name: '整改说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await expectText(page.locator('.jx-evidence'), '整改说明.pdf');
    await shot(page, 'year-07-answered');
  }, 180_000);

  it('next year’s task gives the department a draft that shows the item as 上年问题整改情况', async () => {
    await as('y-perf');
    await createAndIssue(2025);
    await as('y-prep1');
    await page.goto(`${app.url}/reports`);
    await page.getByRole('link', { name: D1 }).first().click();
    await page.getByTestId('findings-panel').waitFor();
    await expectText(page.locator('.jx-editor-title'), '2025年度');
    await expectText(page.getByTestId('carried-notice'), '2024 年度报告结转');
    const item = page.getByTestId('prior-issue').first();
    await item.scrollIntoViewIfNeeded();
    await expectText(item, '定量指标完成值均为“已完成”');
    expect(await page.getByLabel('第1项整改情况').inputValue()).toBe('已修订指标体系，逐项填报实际数值。');
    await shot(page, 'year-08-next-year');
    expect(errors).toEqual([]);
  }, 180_000);
});
