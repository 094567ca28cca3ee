// @vitest-environment jsdom
// A save that would empty most of a filled report is refused by the server (409 CONFIRMATION_REQUIRED):
// autosave stops retrying, the status offers 确认清空, and only the confirmed save carries confirmClear.
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyReport, type Report } from '../../../src/core/model/report';
import { SaveStatus } from '../components/editor/SaveStatus';
import { setupDom } from '../test/setup-dom';
import { useAutosave } from './useAutosave';

beforeAll(setupDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const filled = (): Report => {
  const r = emptyReport();
  r.overview.contact = '王焱';
  r.overview.actualStaff = 6;
  return r;
};

describe('a save that empties the report', { timeout: 60_000 }, () => {
  it('waits for the user to confirm, then sends confirmClear once', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    const message = '这次保存会清空报告的大部分内容（已填写的 12 项只剩 0 项）。如确需清空，请确认后再保存';
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      bodies.push(body);
      if (!body.confirmClear) return new Response(JSON.stringify({ error: { code: 'CONFIRMATION_REQUIRED', message } }), { status: 409 });
      return new Response(JSON.stringify({ id: 'r1', status: 'draft', version: 6 }), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { result, rerender } = renderHook((p: { local: Report }) => useAutosave({ id: 'r1', enabled: true, local: p.local, initialBase: { version: 5, report: filled() }, delayMs: 10 }), {
      initialProps: { local: filled() },
    });
    rerender({ local: emptyReport() });
    await waitFor(() => expect(result.current.needsConfirmation).toBe(true));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(result.current.error).toBe(message);

    const { unmount } = render(
      <ConfigProvider locale={zhCN}>
        <App>
          <SaveStatus status={result.current.status} error={result.current.error} lastSavedAt={null} onRetry={() => undefined} onResolve={() => undefined} readOnly={false} onConfirmClear={result.current.confirmClear} />
        </App>
      </ConfigProvider>,
    );
    expect(screen.getByTestId('save-status').getAttribute('data-state')).toBe('confirm');
    fireEvent.click(screen.getByRole('button', { name: '确认清空' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认清空并保存' }));
    await waitFor(() => expect(result.current.status).toBe('saved'));
    unmount();
    expect(bodies.map((b) => b.confirmClear ?? false)).toEqual([false, true]);
    expect(result.current.base.version).toBe(6);
    expect(result.current.needsConfirmation).toBe(false);
  });
});
