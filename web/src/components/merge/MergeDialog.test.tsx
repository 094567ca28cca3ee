// @vitest-environment jsdom
// 412: someone saved in between. Autosave never overwrites: it stops and the dialog shows both versions
// field by field; the user's choices make the merged report, saved against the new version.
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyReport, type Report } from '../../../../src/core/model/report';
import { useAutosave } from '../../hooks/useAutosave';
import { setAt } from '../../lib/paths';
import { setupDom } from '../../test/setup-dom';
import { MergeDialog } from './MergeDialog';

beforeAll(setupDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

function base(): Report {
  const r = emptyReport();
  r.overview.contact = '王焱';
  r.overview.phone = '18821880734';
  r.overview.actualStaff = 6;
  r.finance.threePublic = [
    { institution: '局机关及二级机构汇总', kind: 'summary', total: '2.5285', reception: '2.5285', vehicleOps: null, vehiclePurchase: null, overseas: null },
    { institution: '局机关', kind: 'main', total: null, reception: null, vehicleOps: null, vehiclePurchase: null, overseas: null },
  ];
  return r;
}

const mine = () => setAt(setAt(base(), 'overview.contact', '王小焱'), 'finance.threePublic[1].total', '2.5285');
const theirs = () => setAt(setAt(base(), 'overview.phone', '0730-1234567'), 'finance.threePublic[1].total', '2.5000');

function renderDialog(onMerge = vi.fn(), onTakeTheirs = vi.fn()) {
  render(
    <ConfigProvider locale={zhCN}>
      <App>
        <MergeDialog open base={base()} mine={mine()} theirs={theirs()} theirsVersion={7} theirsBy="李部长" onMerge={onMerge} onTakeTheirs={onTakeTheirs} onClose={() => undefined} />
      </App>
    </ConfigProvider>,
  );
  return { onMerge, onTakeTheirs };
}

const row = (label: RegExp) => screen.getAllByRole('row').find((r) => label.test(r.textContent ?? ''))!;

describe('MergeDialog', { timeout: 90_000 }, () => {
  it('shows both versions of every differing field, with who changed what', () => {
    renderDialog();
    expect(screen.getByText(/报告已被“李部长”修改（当前为第 7 版）/)).toBeTruthy();
    const contact = row(/联系人/);
    expect(contact.textContent).toContain('王小焱');
    expect(contact.textContent).toContain('王焱');
    expect(contact.textContent).toContain('我修改了');
    const phone = row(/联络电话/);
    expect(phone.textContent).toContain('0730-1234567');
    expect(phone.textContent).toContain('对方修改了');
    const cell = row(/三公经费表 · 局机关 · 三公经费合计/);
    expect(cell.textContent).toContain('2.5285');
    expect(cell.textContent).toContain('2.5000');
    expect(cell.textContent).toContain('双方都修改');
  });

  it('waits for a choice on a field both changed, then merges field by field', () => {
    const { onMerge } = renderDialog();
    const button = screen.getByRole('button', { name: '还有 1 处待选择' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(within(row(/三公经费表 · 局机关 · 三公经费合计/)).getByLabelText('我的'));
    fireEvent.click(screen.getByRole('button', { name: '按所选合并并保存' }));
    const merged = onMerge.mock.calls[0]![0] as Report;
    expect(merged.overview.contact).toBe('王小焱'); // only I changed it
    expect(merged.overview.phone).toBe('0730-1234567'); // only they changed it
    expect(merged.finance.threePublic[1]!.total).toBe('2.5285'); // both: I chose mine
  });

  it('can drop my edits for the latest version', () => {
    const { onTakeTheirs, onMerge } = renderDialog();
    fireEvent.click(screen.getByRole('button', { name: '放弃我的修改，采用第 7 版' }));
    expect(onTakeTheirs).toHaveBeenCalled();
    expect(onMerge).not.toHaveBeenCalled();
  });
});

describe('autosave on a stale version', { timeout: 60_000 }, () => {
  it('sends If-Match, stops on 412 with the current version and keeps my edits', async () => {
    const current = { version: 7, status: 'draft', report: theirs(), updatedAt: '2026-11-27T03:00:00Z', updatedBy: 'u2' };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ current, error: { code: 'VERSION_CONFLICT', message: '报告已被他人修改（当前为第 7 版），请查看差异并合并后再保存' } }), { status: 412 }));
    vi.stubGlobal('fetch', fetchMock);
    const { result, rerender } = renderHook((p: { local: Report }) => useAutosave({ id: 'r1', enabled: true, local: p.local, initialBase: { version: 5, report: base() }, delayMs: 10 }), {
      initialProps: { local: base() },
    });
    rerender({ local: mine() });
    await waitFor(() => expect(result.current.status).toBe('conflict'));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/reports/r1');
    expect((init.headers as Record<string, string>)['If-Match']).toBe('"5"');
    expect(result.current.conflict?.version).toBe(7);
    expect(result.current.base.version).toBe(5);
    // no second write, no overwrite: the edits wait for the merge (and are kept in this browser)
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(JSON.parse(localStorage.getItem('jixiao:unsaved:r1')!).report.overview.contact).toBe('王小焱');

    // after the merge the save goes against version 7
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ id: 'r1', status: 'draft', version: 8 }), { status: 200 }));
    act(() => result.current.resetBase({ version: 7, report: theirs() }));
    await waitFor(() => expect(result.current.status).toBe('saved'));
    const [, again] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect((again.headers as Record<string, string>)['If-Match']).toBe('"7"');
    expect(result.current.base.version).toBe(8);
    expect(localStorage.getItem('jixiao:unsaved:r1')).toBeNull();
  });

  it('keeps failed saves and retries, showing 保存失败 meanwhile', async () => {
    let up = false;
    const fetchMock = vi.fn(async () => {
      if (!up) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ id: 'r1', status: 'draft', version: 6 }), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { result, rerender } = renderHook((p: { local: Report }) => useAutosave({ id: 'r1', enabled: true, local: p.local, initialBase: { version: 5, report: base() }, delayMs: 10 }), {
      initialProps: { local: base() },
    });
    rerender({ local: mine() });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toContain('无法连接服务器');
    expect(localStorage.getItem('jixiao:unsaved:r1')).not.toBeNull();
    up = true;
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.status).toBe('saved'));
    expect(result.current.base.version).toBe(6);
  });
});
