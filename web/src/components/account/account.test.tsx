// @vitest-environment jsdom
// The account-security screens against a stubbed server: a login that needs the authenticator's code, then
// the forced change of an administrator-set password, then enrolling the authenticator (recovery codes
// shown once) before the first page opens; the header's expiry reminder and the account page's session list.
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionItem, SessionView, User } from '../../api/types';
import { App } from '../../App';
import AccountPage from '../../pages/AccountPage';
import { SessionContext } from '../../session';
import { setupDom } from '../../test/setup-dom';
import { AppLayout } from '../layout/AppLayout';
import { daysLeft } from './PasswordExpiryNotice';
import { browserName } from './SessionList';

beforeAll(() => {
  setupDom();
  configure({ asyncUtilTimeout: 10_000 });
});
beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const finance: User = { id: 'u-fin', username: 'zhou', displayName: '周会计', kind: 'business', roles: ['perf_admin'], bureauId: 'b1', departmentId: null, sectionId: 's-p' };
const json = (body: unknown, status = 200) => new Response(body === null ? null : JSON.stringify(body), { status });
const fail = (status: number, code: string, message: string) => json({ error: { code, message } }, status);

const wrap = (node: React.ReactNode) => (
  <ConfigProvider locale={zhCN}>
    <AntApp>{node}</AntApp>
  </ConfigProvider>
);

describe('logging in to an account that owes steps', () => {
  // antd forms in jsdom are slow on a busy machine: a longer budget than the default 30 s
  it('asks for the code, then a new password, then the authenticator, and only then opens the app', { timeout: 90_000 }, async () => {
    // the server's view of this session, advanced by each step as the real routes do
    const view: SessionView = { user: finance, mustChangePassword: true, secondFactor: 'pending', passwordExpiresAt: null, totpEnabled: true, secondFactorRequired: true };
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push(`${method} ${url}`);
      if (url === '/api/health') return json({ status: 'ok' });
      if (url === '/api/session' && method === 'GET') return calls.some((c) => c === 'POST /api/session') ? json(view) : fail(401, 'UNAUTHENTICATED', '请先登录');
      if (url === '/api/session' && method === 'POST') return json(view);
      if (url === '/api/session/second-factor') {
        if (body.code !== '123456') return fail(401, 'INVALID_CREDENTIALS', '动态验证码不正确或已使用，请输入验证器中当前显示的 6 位数字');
        view.secondFactor = 'ok';
        return json(view);
      }
      if (url === '/api/session/password') {
        if (body.currentPassword !== 'Temp-2026-pass') return fail(400, 'VALIDATION', '当前密码不正确');
        view.mustChangePassword = false;
        // this account's second factor was reset by the security administrator: it must enrol again
        view.secondFactor = 'enrol';
        view.totpEnabled = false;
        return json(null, 204);
      }
      if (url === '/api/account/totp/start') return json({ secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/%E7%BB%A9%E6%95%88:zhou?secret=JBSWY3DPEHPK3PXP' });
      if (url === '/api/account/totp/confirm') {
        view.secondFactor = 'ok';
        view.totpEnabled = true;
        return json({ recoveryCodes: ['k7m2-x9qa-p4tw', 'a2b3-c4d5-e6f7'] });
      }
      if (url.startsWith('/api/reports')) return json({ items: [], nextOffset: null });
      if (url === '/api/inbox') return json({ todo: [], warnings: [] });
      return json({ items: [], nextOffset: null });
    }));
    render(wrap(<App />));

    fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: 'zhou' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Temp-2026-pass' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    // second step: a wrong code is explained, the right one lets the session on
    const code = await screen.findByLabelText('动态验证码');
    fireEvent.change(code, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByText(/动态验证码不正确/)).toBeTruthy();
    fireEvent.change(code, { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));

    // forced change of the administrator-set password; nothing else is reachable meanwhile
    expect(await screen.findByTestId('setup-password')).toBeTruthy();
    expect(screen.queryByTestId('current-user')).toBeNull();
    fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: 'Temp-2026-pass' } });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'Zhou-own-2026!' } });
    fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: 'Zhou-own-2026!' } });
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));

    // enrolment: the secret for typing in, the first code, then the recovery codes once
    expect(await screen.findByTestId('setup-enrol')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '开始绑定' }));
    expect((await screen.findByTestId('totp-secret')).textContent).toBe('JBSW Y3DP EHPK 3PXP');
    fireEvent.change(screen.getByLabelText('验证器显示的 6 位数字'), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: '确认绑定' }));
    expect(await screen.findByText('k7m2-x9qa-p4tw')).toBeTruthy();
    const go = screen.getByRole('button', { name: '我已妥善保存，继续' }) as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('我已把恢复码保存在安全的地方'));
    fireEvent.click(go);

    // the app itself
    expect(await screen.findByTestId('current-user')).toBeTruthy();
    await waitFor(() => expect(window.location.pathname).toBe('/dashboard'));
    expect(calls).toEqual(expect.arrayContaining(['POST /api/session/second-factor', 'POST /api/session/password', 'POST /api/account/totp/start', 'POST /api/account/totp/confirm']));
  });

  it('after a reload during the second step, asks for the code again rather than the password', async () => {
    const view: SessionView = { user: finance, mustChangePassword: false, secondFactor: 'pending', passwordExpiresAt: null, totpEnabled: true, secondFactorRequired: true };
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/session' && (init?.method ?? 'GET') === 'GET') return json(view);
      if (url === '/api/session' && init?.method === 'DELETE') return json(null, 204);
      return json({ status: 'ok' });
    }));
    render(wrap(<App />));
    expect(await screen.findByTestId('second-factor-step')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '手机不在身边？使用恢复码' }));
    expect(await screen.findByLabelText('恢复码')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '返回重新登录' }));
    expect(await screen.findByLabelText('用户名')).toBeTruthy();
  });
});

describe('the header and the account page', () => {
  const session = (over: Partial<SessionView> = {}) => ({
    user: finance, unit: '绩效管理科', signOut: async () => undefined, refresh: async () => undefined,
    security: { passwordExpiresAt: null, totpEnabled: true, secondFactorRequired: true, ...over },
  });

  it('reminds of a password about to expire, and not of one far off', () => {
    expect(daysLeft(new Date(Date.now() + 5 * 86_400_000 - 1000).toISOString())).toBe(5);
    const soon = new Date(Date.now() + 5 * 86_400_000 - 1000).toISOString();
    const { unmount } = render(wrap(<SessionContext.Provider value={session({ passwordExpiresAt: soon })}><AppLayout>x</AppLayout></SessionContext.Provider>));
    expect(screen.getByTestId('password-expiry').textContent).toBe('密码 5 天后到期');
    unmount();
    const far = new Date(Date.now() + 60 * 86_400_000).toISOString();
    render(wrap(<SessionContext.Provider value={session({ passwordExpiresAt: far })}><AppLayout>x</AppLayout></SessionContext.Provider>));
    expect(screen.queryByTestId('password-expiry')).toBeNull();
    expect(screen.getByTestId('account-link')).toBeTruthy();
  });

  it('lists the sessions, ends another one, and offers no switch-off when the second factor is required', { timeout: 90_000 }, async () => {
    let items: SessionItem[] = [
      { id: 's1', createdAt: '2026-03-01T08:00:00Z', lastSeenAt: '2026-03-01T09:00:00Z', expiresAt: '2026-03-01T20:00:00Z', ip: '10.0.0.5', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36', current: true },
      { id: 's2', createdAt: '2026-02-28T08:00:00Z', lastSeenAt: '2026-02-28T09:00:00Z', expiresAt: '2026-03-01T20:00:00Z', ip: '10.0.0.9', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Firefox/121.0', current: false },
    ];
    const deleted: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'DELETE') {
        deleted.push(url);
        items = items.filter((s) => !url.endsWith(`/${s.id}`));
        return json({ ended: 1 });
      }
      return json({ items, max: 3 });
    }));
    render(wrap(<SessionContext.Provider value={session()}><AccountPage /></SessionContext.Provider>));
    expect(await screen.findByText('Firefox · macOS')).toBeTruthy();
    expect(screen.getByText('当前会话')).toBeTruthy();
    expect(screen.getByText(/最多同时保持 3 个登录会话/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '停用动态验证码' })).toBeNull();
    expect(screen.getByText('本账户按规定必须使用双因素认证，不能停用。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '结 束' }));
    // the confirmation's own button (antd spaces two-character labels)
    await waitFor(() => expect(screen.getAllByRole('button', { name: '结 束' })).toHaveLength(2));
    fireEvent.click(screen.getAllByRole('button', { name: '结 束' })[1]!);
    await waitFor(() => expect(deleted).toEqual(['/api/account/sessions/s2']));
    await waitFor(() => expect(screen.queryByText('Firefox · macOS')).toBeNull());
  });

  it('names browsers in short', () => {
    expect(browserName('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0')).toBe('Edge · Windows');
    expect(browserName('')).toBe('未知');
  });
});
