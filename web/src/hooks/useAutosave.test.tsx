// @vitest-environment jsdom
// Autosave against a stubbed server: a burst of edits is one PUT with If-Match of the version it builds
// on; a stale write (412) stops autosave and hands the server's version over for the merge, never writing
// over it; a lost connection keeps the edits in this browser and saves them when the connection is back;
// flush saves at once and says which version it made.
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyReport, type Report } from '../../../src/core/model/report';
import { readUnsaved } from '../lib/unsaved-store';
import { setupDom } from '../test/setup-dom';
import { useAutosave } from './useAutosave';

beforeAll(setupDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const withContact = (contact: string): Report => {
  const r = emptyReport();
  r.overview.contact = contact;
  return r;
};

interface Call {
  ifMatch: string | null;
  contact: string;
}

function server(answer: (call: Call, n: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { report: Report };
    const call = { ifMatch: new Headers(init?.headers).get('If-Match'), contact: body.report.overview.contact };
    calls.push(call);
    return answer(call, calls.length);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

const saved = (version: number) => new Response(JSON.stringify({ id: 'r1', status: 'draft', version }), { status: 200 });

function mount(delayMs = 20) {
  const start = withContact('王焱');
  return renderHook((p: { local: Report }) => useAutosave({ id: 'r1', enabled: true, local: p.local, initialBase: { version: 5, report: start }, delayMs }), {
    initialProps: { local: start },
  });
}

describe('useAutosave', { timeout: 60_000 }, () => {
  it('saves a burst of edits once, with If-Match of the version they build on, then the next on the new version', async () => {
    const calls = server((_c, n) => saved(5 + n));
    const { result, rerender } = mount();
    rerender({ local: withContact('王') });
    rerender({ local: withContact('王焱焱') });
    expect(result.current.status).toBe('pending');
    await waitFor(() => expect(result.current.status).toBe('saved'));
    expect(calls).toEqual([{ ifMatch: '"5"', contact: '王焱焱' }]);
    rerender({ local: withContact('李明') });
    await waitFor(() => expect(result.current.base.version).toBe(7));
    expect(calls[1]).toEqual({ ifMatch: '"6"', contact: '李明' });
  });

  it('stops at a stale write (412) with the server’s version for the merge, keeps the edits here, and writes nothing over it', async () => {
    const theirs = { version: 9, status: 'draft', report: withContact('别人改的') };
    const calls = server(() => new Response(JSON.stringify({ error: { code: 'STALE', message: '报告已被他人修改' }, current: theirs }), { status: 412 }));
    const { result, rerender } = mount();
    rerender({ local: withContact('我改的') });
    await waitFor(() => expect(result.current.status).toBe('conflict'));
    expect(result.current.conflict).toMatchObject({ version: 9, report: { overview: { contact: '别人改的' } } });
    expect(readUnsaved('r1')?.report.overview.contact).toBe('我改的');
    // further edits do not try again until the merge gives a new base
    rerender({ local: withContact('我又改了') });
    await act(() => new Promise((r) => setTimeout(r, 80)));
    expect(calls).toHaveLength(1);
    act(() => result.current.resetBase({ version: 9, report: withContact('别人改的') }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toEqual({ ifMatch: '"9"', contact: '我又改了' });
  });

  it('keeps the edits in this browser while the connection is lost, and saves them when it is back', async () => {
    let online = false;
    const calls = server(() => (online ? saved(6) : Promise.reject(new TypeError('Failed to fetch'))));
    const { result, rerender } = mount();
    rerender({ local: withContact('断网时改的') });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toContain('修改已暂存在本机');
    expect(readUnsaved('r1')).toMatchObject({ baseVersion: 5, report: { overview: { contact: '断网时改的' } } });
    online = true;
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(result.current.status).toBe('saved'));
    expect(calls.at(-1)).toEqual({ ifMatch: '"5"', contact: '断网时改的' });
    expect(readUnsaved('r1')).toBeNull();
  });

  it('flushes at once, before the debounce, and answers with the version it saved', async () => {
    const calls = server(() => saved(6));
    const { result, rerender } = mount(60_000);
    rerender({ local: withContact('提交前的修改') });
    let base: Awaited<ReturnType<typeof result.current.flush>> = null;
    await act(async () => {
      base = await result.current.flush();
    });
    expect(base).toMatchObject({ version: 6, report: { overview: { contact: '提交前的修改' } } });
    expect(calls).toHaveLength(1);
  });
});
