// Steps a person takes in the UI, written once for the walkthrough.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const SHOTS = join(process.cwd(), 'test-artifacts', 'e2e');
export const PASSWORD = 'Jixiao-demo-2026';

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(250); // let antd animations settle
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

export async function login(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('current-user').waitFor();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}

export async function openReport(page: Page, base: string, department: string): Promise<void> {
  await page.goto(`${base}/reports`);
  await page.getByRole('link', { name: department }).first().click();
  await page.getByTestId('findings-panel').waitFor();
}

/** 新建报告 from the report list: this year's draft, opened in the editor. */
export async function newDraft(page: Page): Promise<void> {
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建自评报告' });
  await dialog.waitFor();
  await page.waitForTimeout(500); // the dialog's opening animation
  await dialog.getByRole('button', { name: '新建' }).click();
  await page.waitForURL(/\/reports\/[^/]+$/);
  await page.getByTestId('findings-panel').waitFor();
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid=save-status][data-state=saved]').waitFor({ timeout: 30_000 });
}

export async function statusOf(page: Page): Promise<string | null> {
  return page.locator('.jx-editor-title [data-status]').getAttribute('data-status');
}

export async function waitStatus(page: Page, status: string): Promise<void> {
  await page.locator(`.jx-editor-title [data-status="${status}"]`).waitFor({ timeout: 30_000 });
}

/** The number shown beside 错误 in the findings panel. */
export async function errorCount(page: Page): Promise<number> {
  await page.locator('[data-testid=findings-panel]:not([aria-busy])').waitFor();
  const t = await page.getByTestId('count-error').textContent();
  return Number(t ?? '0');
}

export function finding(page: Page, code: string, path: string) {
  return page.locator(`[data-testid=findings-panel] button.jx-finding[data-code="${code}"][data-path="${path}"]`);
}

/** The editor's field (not the finding button) with this report path. */
export function field(page: Page, path: string): Locator {
  return page.locator(`.jx-editor-main [data-path="${path}"]`);
}

export async function scrollTo(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(200);
}

// Vitest's expect has no Playwright matchers; these poll the page the same way.

const POLL = { timeout: 20_000, interval: 100 };

export async function expectValue(loc: Locator, value: string): Promise<void> {
  await expect.poll(() => loc.inputValue(), POLL).toBe(value);
}

export async function expectCount(loc: Locator, n: number): Promise<void> {
  await expect.poll(() => loc.count(), POLL).toBe(n);
}

export async function expectClass(loc: Locator, re: RegExp): Promise<void> {
  await expect.poll(async () => (await loc.getAttribute('class')) ?? '', POLL).toMatch(re);
}

export async function expectText(loc: Locator, text: string): Promise<void> {
  await expect.poll(async () => (await loc.textContent()) ?? '', POLL).toContain(text);
}
