// The 三员's screens in a real browser against the real server (demo data): the 系统管理员 moves and
// renames a department and reads its 变更记录, is refused (with the server's reason) when disabling a
// section that still has departments, and adds an account; the 安全管理员 finds it and grants it a role,
// and resets its password once it is locked out.
// A preparer imports the seed file into her existing draft: the differences first, then 合并.
// Screenshots go to test-artifacts/e2e/admin-*.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app-server';
import { findChromium, launch } from './support/chromium';
import { SEED_PATH } from '../helpers/seed';
import { expectText, expectValue, field, login, openReport, shot, waitSaved } from './support/pages';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('the 三员 screens in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  const errors: string[] = [];

  async function as(username: string): Promise<void> {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/401|Unauthorized/.test(m.text())) errors.push(m.text());
    });
    await login(page, app.url, username);
  }
  const row = (testId: string, text: string) => page.getByTestId(testId).locator('.ant-table-row', { hasText: text });
  const dialog = () => page.locator('.ant-modal:visible');

  beforeAll(async () => {
    app = await startApp();
    browser = await launch(chromiumPath!);
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(page, `admin-failed-${ctx.task.name.slice(0, 30)}`).catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('系统管理员 renames a department, moves it to another 归口科室 and reads its 变更记录', async () => {
    await as('demo-sysadmin');
    await page.waitForURL(/\/org$/);
    const dept = row('org-departments', '应急管理局');
    await expectText(dept, '行政政法科');
    await dept.getByRole('button', { name: '修改' }).click();
    await dialog().getByLabel('名称').fill('应急管理局（地震局）');
    await dialog().getByLabel('归口业务科室').click();
    await page.locator('.ant-select-item-option', { hasText: '经济建设科' }).click();
    await shot(page, 'admin-01-org-edit');
    await dialog().getByRole('button', { name: '保存' }).click();
    const moved = row('org-departments', '应急管理局（地震局）');
    await expectText(moved, '经济建设科');
    await moved.getByRole('button', { name: '变更记录' }).click();
    const history = page.getByTestId('org-history');
    await expectText(history, '应急管理局 → 应急管理局（地震局）');
    await expectText(history, '行政政法科 → 经济建设科');
    await expectText(history, 'demo-sysadmin');
    await shot(page, 'admin-02-org-history');
    await page.keyboard.press('Escape');
  }, 120_000);

  it('is told why a section that still has departments cannot be disabled', async () => {
    await page.getByRole('tab', { name: '科室' }).click();
    await row('org-sections', '行政政法科').getByRole('button', { name: '停用' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await expectText(page.locator('.ant-message'), '仍归口');
    await expectText(row('org-sections', '行政政法科'), '在用');
    await shot(page, 'admin-03-org-refused');
    // the browser logs the refused request (409) as a console error: that one was asked for
    errors.splice(0, errors.length, ...errors.filter((e) => !/status of 409/.test(e)));
  }, 60_000);

  it('系统管理员 adds an account; 安全管理员 finds it and grants 填报人 in a department', async () => {
    await page.getByRole('menuitem', { name: '账户管理' }).click();
    await page.getByRole('button', { name: '新增账户' }).click();
    const form = dialog();
    await form.getByLabel('用户名').fill('e2e-zhang');
    await form.getByLabel('姓名').fill('张新人');
    await form.getByLabel('初始密码（首次登录后须修改）').fill('Zhang-Xinren-2026!');
    await form.getByRole('button', { name: '新增' }).click();
    await expectText(row('accounts', 'e2e-zhang'), '未分配角色');

    await as('demo-secadmin');
    await page.waitForURL(/\/accounts$/);
    await page.getByLabel('查找账户').fill('张新');
    await expect.poll(() => page.getByTestId('accounts').locator('.ant-table-row').count()).toBe(1);
    await row('accounts', 'e2e-zhang').getByRole('button', { name: '设置角色' }).click();
    await dialog().getByRole('checkbox', { name: '填报人', exact: true }).check();
    await dialog().getByRole('combobox', { name: /所属部门/ }).click();
    await page.locator('.ant-select-item-option', { hasText: '党政办公室' }).click();
    await shot(page, 'admin-04-roles');
    await dialog().getByRole('button', { name: '保存' }).click();
    const granted = row('accounts', 'e2e-zhang');
    await expectText(granted, '填报人');
    await expectText(granted, '党政办公室');
    // the security administrator neither adds nor disables accounts: no such buttons
    expect(await page.getByRole('button', { name: '新增账户' }).count()).toBe(0);
    expect(await granted.getByRole('button', { name: '停用' }).count()).toBe(0);
    await shot(page, 'admin-05-accounts');
    expect(errors.join('\n')).toBe('');
  }, 120_000);

  it('安全管理员 resets the password of a locked-out user, who then signs in with it and must change it', async () => {
    // the user mistyped five times (as at a desk: through the login API)
    for (let i = 0; i < 5; i++)
      await fetch(`${app.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'e2e-zhang', password: 'wrong-guess' }) });
    await as('demo-secadmin');
    await page.waitForURL(/\/accounts$/);
    await page.getByLabel('查找账户').fill('e2e-zhang');
    const locked = row('accounts', 'e2e-zhang');
    await expectText(locked, '已锁定至');
    await locked.getByRole('button', { name: '重置密码' }).click();
    await dialog().getByLabel('临时密码').fill('Linshi-Mima-2026!');
    await shot(page, 'admin-06-reset-password');
    await dialog().getByRole('button', { name: /^重\s?置$/ }).click();
    await expect.poll(async () => (await locked.textContent()) ?? '').not.toContain('已锁定');
    await expectText(locked, '正常');
    expect(errors.join('\n')).toBe('');

    // a fresh browser: the login page loads without a single console error (the session probe is a 200)
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const p = await fresh.newPage();
      const logged: string[] = [];
      p.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
      await p.goto(`${app.url}/reports`);
      await p.getByRole('button', { name: '登录' }).waitFor();
      expect(logged).toEqual([]);
      await p.getByLabel('用户名').fill('e2e-zhang');
      await p.getByLabel('密码').fill('Linshi-Mima-2026!');
      await p.getByRole('button', { name: '登录' }).click();
      await p.getByTestId('setup-password').waitFor();
      await shot(p, 'admin-07-must-change');
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('填报人 imports a file into her draft: sees the differences, then 合并 takes what the file fills in', async () => {
    await as('demo-preparer');
    // 需要我处理: the bell's 待办 as a view of the list, with what to do on each report
    await page.getByTestId('list-view').getByText(/需要我处理/).click();
    const mine = page.locator('.ant-table-row', { hasText: '党群工作部' }).first();
    await expectText(mine, '填报并提交');
    await expectText(mine, 'seed-report-2021-dangqun.txt');
    await shot(page, 'admin-06-my-todo');
    await openReport(page, app.url, '党群工作部');
    await field(page, 'overview.contact').locator('input').fill('王焱（财务室）');
    await waitSaved(page);
    await page.locator('.jx-editor-bar .ant-upload input[type=file]').setInputFiles(SEED_PATH);
    const diff = page.getByTestId('import-diff');
    await expectText(diff, '王焱（财务室）');
    await shot(page, 'admin-07-import-preview');
    // 合并 takes the file's 联系人 (it has one); 替换 would too — the preview says so per row
    await expectText(diff.locator('.ant-table-row', { hasText: '王焱（财务室）' }), '采用文件');
    await dialog().getByRole('button', { name: /合并 \d+ 处/ }).click();
    await expectText(page.locator('.ant-message'), '已合并');
    await expectValue(field(page, 'overview.contact').locator('input'), '王焱');
    expect(errors.join('\n')).toBe('');
  }, 120_000);
});
