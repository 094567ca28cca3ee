// @vitest-environment jsdom
// 恢复此版: unsaved edits are saved first, the restore is posted on top of the version that save gave, and
// the editor reloads; a stale base (412) is said plainly and nothing reloads.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyReport } from '../../../../src/core/model/report';
import { setupDom } from '../../test/setup-dom';
import { HistoryDrawer } from './HistoryDrawer';

beforeAll(setupDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const versions = [1, 2, 3].map((v) => ({ version: v, status: 'draft', action: v === 1 ? 'create' : 'save', user_id: 'u1', user_name: '张会计', created_at: `2026-06-2${v}T02:00:00Z` }));

function serve(restoreStatus: number, items: unknown[] = versions) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (url.endsWith('/versions')) return new Response(JSON.stringify({ items }), { status: 200 });
    if (restoreStatus !== 200) return new Response(JSON.stringify({ error: { code: 'VERSION_CONFLICT', message: '报告已被他人修改' } }), { status: restoreStatus });
    return new Response(JSON.stringify({ id: 'r1', status: 'draft', version: 5, updatedAt: '2026-06-24T02:00:00Z', changed: 3 }), { status: 200 });
  }));
  return calls;
}

const renderDrawer = (flush: () => Promise<{ version: number } | null>, onDone: () => void) =>
  render(
    <ConfigProvider locale={zhCN}>
      <App>
        <HistoryDrawer open id="r1" report={emptyReport()} onClose={() => undefined} restore={{ flush, onDone }} />
      </App>
    </ConfigProvider>,
  );

describe('HistoryDrawer restore', { timeout: 90_000 }, () => {
  it('saves pending edits, restores on top of the saved version, then reloads', async () => {
    const calls = serve(200);
    const flush = vi.fn(async () => ({ version: 4 }));
    const onDone = vi.fn();
    renderDrawer(flush, onDone);
    await screen.findByTestId('restore-2');
    // the newest version has nothing to restore
    expect(screen.queryByTestId('restore-3')).toBeNull();
    expect(screen.getAllByText('保存').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId('restore-2'));
    fireEvent.click(await screen.findByRole('button', { name: /^恢\s?复$/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(flush).toHaveBeenCalled();
    const post = calls.find((c) => c.init.method === 'POST')!;
    expect(post.url).toBe('/api/reports/r1/versions/2/restore');
    expect((post.init.headers as Record<string, string>)['If-Match']).toBe('"4"');
    expect(await screen.findByText(/已将第 2 版的内容恢复为第 5 版/)).toBeTruthy();
  });

  it('says so when the report changed meanwhile, and does not reload', async () => {
    serve(412);
    const onDone = vi.fn();
    renderDrawer(async () => ({ version: 3 }), onDone);
    fireEvent.click(await screen.findByTestId('restore-1'));
    fireEvent.click(await screen.findByRole('button', { name: /^恢\s?复$/ }));
    expect(await screen.findByText('报告刚被他人修改，请刷新后再恢复')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('folds one person’s autosaves into one line per editing session; each folded version can still be restored', async () => {
    // create, then five saves a minute apart, then 张会计 submits: the server folds the saves into one line
    const save = (v: number) => ({ version: v, status: 'draft', action: 'save', user_id: 'u1', user_name: '张会计', created_at: `2026-06-20T01:0${v}:00Z` });
    const typed = [
      { version: 1, status: 'draft', action: 'create', user_id: 'u1', user_name: '张会计', created_at: '2026-06-20T01:00:00Z', autosaves: [] },
      { ...save(6), autosaves: [5, 4, 3, 2].map(save) },
      { version: 7, status: 'dept_review', action: 'submit', user_id: 'u1', user_name: '张会计', created_at: '2026-06-20T01:09:00Z', autosaves: [] },
    ];
    const calls = serve(200, typed);
    const onDone = vi.fn();
    renderDrawer(async () => ({ version: 7 }), onDone);
    expect((await screen.findByTestId('folded-6')).textContent).toBe('（本次编辑另含 4 次自动保存）');
    // three lines: 提交, the editing session (第 6 版), 新建
    expect(document.querySelectorAll('.ant-table-row-level-0').length).toBe(3);
    expect(screen.queryByTestId('restore-4')).toBeNull();
    fireEvent.click(document.querySelector('.ant-table-row-expand-icon:not(.ant-table-row-expand-icon-spaced)') as HTMLElement);
    fireEvent.click(await screen.findByTestId('restore-4'));
    fireEvent.click(await screen.findByRole('button', { name: /^恢\s?复$/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((c) => c.init.method === 'POST')!.url).toBe('/api/reports/r1/versions/4/restore');
  });
});
