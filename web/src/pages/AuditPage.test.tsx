// @vitest-environment jsdom
// The audit administrator reads the log: entries with their Chinese event names and the report they
// touched, narrowed to one report, paged by the server's cursor, exported as the same query; a broken
// chain is located and its entry marked.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, User } from '../api/types';
import { SessionContext } from '../session';
import { setupDom } from '../test/setup-dom';
import { AuditPage } from './AuditPage';

beforeAll(setupDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const auditor: User = { id: 'u-aud', username: 'demo-auditor', displayName: '审计员', kind: 'auditor', roles: [], bureauId: null, departmentId: null, sectionId: null };
const entry = (seq: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq, chain: 'b:b1', chainSeq: seq, ts: `2026-06-2${seq % 9}T02:00:00.000Z`, actorId: 'u1', actorUsername: 'demo-preparer', actorRole: 'preparer', ip: '127.0.0.1',
  event: 'report_save', eventLabel: '保存报告', objectType: 'report', objectId: 'r-1', objectLabel: '党群工作部 · 2021 年度报告', version: seq, outcome: 'success',
  detail: { version: seq, changed: ['overview.phone'] }, hash: 'ab'.repeat(32), ...over,
});

function serve(broken = false) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    urls.push(url);
    if (url.startsWith('/api/audit/verify'))
      return new Response(JSON.stringify({ ok: !broken, count: 70, headHash: 'h', chains: [{ chain: 'b:b1', count: 70, headHash: 'h' }], firstBroken: broken ? { chain: 'b:b1', seq: 4, reason: '第 4 条记录的哈希不符：记录被篡改' } : null, checkpoints: { checked: 0, invalid: 0, latest: null } }), { status: 200 });
    if (url.startsWith('/api/audit/export')) return new Response('\uFEFF序号\r\n', { status: 200, headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%AE%A1%E8%AE%A1.xlsx" } });
    const q = new URL(url, 'http://x').searchParams;
    const top = Math.min(Number(q.get('before') ?? 71) - 1, Number(q.get('chainSeqTo') ?? 999));
    const limit = Number(q.get('limit'));
    const items = Array.from({ length: Math.min(limit, top) }, (_, i) => entry(top - i, top - i === 1 ? { event: 'report_create', eventLabel: '新建报告', version: 1 } : {}));
    return new Response(JSON.stringify({ items, nextBefore: top - limit >= 1 ? top - limit + 1 : null }), { status: 200 });
  }));
  return urls;
}

// antd puts a space between two CJK characters of a button's label: match it with or without
const button = (label: string) => screen.getByText((_, el) => el?.tagName === 'BUTTON' && (el.textContent ?? '').replace(/\s/g, '') === label) as HTMLElement;

const renderPage = () =>
  render(
    <ConfigProvider locale={zhCN}>
      <App>
        <SessionContext.Provider value={{ user: auditor, unit: '审计', signOut: async () => undefined }}>
          <AuditPage />
        </SessionContext.Provider>
      </App>
    </ConfigProvider>,
  );

describe('the audit log viewer', { timeout: 90_000 }, () => {
  it('shows entries by name, narrows to one report, pages by the cursor and exports the same query', async () => {
    const urls = serve();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined }));
    renderPage();
    await screen.findByText('（第 70 版）');
    const rows = () => [...document.querySelectorAll('tr.ant-table-row')].map((r) => r.textContent ?? '');
    expect(rows()).toHaveLength(50);
    expect(rows().every((r) => r.includes('保存报告') && r.includes('党群工作部 · 2021 年度报告') && r.includes('demo-preparer（填报人）'))).toBe(true);
    expect(screen.getByText('（第 70 版）')).toBeTruthy();
    expect(urls[0]).toBe('/api/audit/events?limit=50');

    // 下一页 asks for what is older than the last entry shown; 上一页 goes back to the newest
    fireEvent.click(button('下一页'));
    await waitFor(() => expect(urls.at(-1)).toBe('/api/audit/events?limit=50&before=21'));
    expect(await screen.findByText('（第 20 版）')).toBeTruthy();
    expect(screen.getByText('新建报告')).toBeTruthy();
    expect(screen.getByTestId('audit-page').textContent).toBe('第 2 页');
    fireEvent.click(button('上一页'));
    await waitFor(() => expect(urls.at(-1)).toBe('/api/audit/events?limit=50'));
    expect(await screen.findByText('（第 70 版）')).toBeTruthy();

    fireEvent.click(screen.getAllByText('只看此报告')[0]!.closest('button')!);
    await waitFor(() => expect(urls.at(-1)).toBe('/api/audit/events?objectType=report&objectId=r-1&limit=50'));
    expect(screen.getByTestId('audit-object-tag').textContent).toContain('党群工作部 · 2021 年度报告');

    fireEvent.mouseDown(screen.getByLabelText('每页条数'));
    fireEvent.click(await screen.findByTitle('每页 200 条'));
    await waitFor(() => expect(urls.at(-1)).toContain('limit=200'));
    await waitFor(() => expect(rows()).toHaveLength(70));
    expect(button('下一页').hasAttribute('disabled')).toBe(true);

    fireEvent.mouseEnter(button('导出当前查询'));
    fireEvent.click(await screen.findByText('Excel（.xlsx）'));
    await waitFor(() => expect(urls.some((u) => u.startsWith('/api/audit/export?'))).toBe(true));
    expect(urls.find((u) => u.startsWith('/api/audit/export?'))).toBe('/api/audit/export?objectType=report&objectId=r-1&format=xlsx');
  });

  it('opens an entry to its full detail', async () => {
    serve();
    renderPage();
    await screen.findByText('（第 70 版）');
    fireEvent.click(document.querySelectorAll('.ant-table-row-expand-icon')[0] as HTMLElement);
    const detail = await screen.findByTestId('audit-detail-70');
    expect(detail.textContent).toContain('"changed"');
    expect(detail.textContent).toContain('事件代码 report_save');
  });

  it('verifies the chain and shows the entries around the first broken link, marked', async () => {
    const urls = serve(true);
    renderPage();
    await screen.findByText('（第 70 版）');
    fireEvent.click(button('校验哈希链'));
    expect(await screen.findByText(/链 b:b1 第 4 条记录处断开/)).toBeTruthy();
    fireEvent.click((await screen.findByText('定位到断点')).closest('button')!);
    await waitFor(() => expect(urls.at(-1)).toBe('/api/audit/events?chain=b%3Ab1&chainSeqTo=6&limit=50'));
    await waitFor(() => expect(document.querySelectorAll('tr.jx-audit-broken').length).toBe(1));
    const row = document.querySelector('tr.jx-audit-broken') as HTMLElement;
    expect(within(row).getByTestId('audit-chain-seq').textContent).toBe('4');
    expect(screen.getByTestId('audit-chain-tag').textContent).toContain('第 6 条及以前');
  });
});
