// @vitest-environment jsdom
// The 指标库 page as the 绩效管理科 sees it: the tree and the table from the server's list, and adding a
// 共性指标 — refused in Chinese before sending when a 定量 indicator lacks its unit (core's own schema), sent
// as {scope, fields} once it is complete.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LibraryEntry } from '../../../src/core/library/model';
import type { User } from '../api/types';
import { SessionContext } from '../session';
import { setupDom } from '../test/setup-dom';
import LibraryPage from './LibraryPage';

beforeAll(setupDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const perf: User = { id: 'u-perf', username: 'demo-admin', displayName: '周绩效', kind: 'business', roles: ['perf_admin'], bureauId: 'b1', departmentId: null, sectionId: 's-p' };
const entry: LibraryEntry = {
  id: 'lib-1', bureauId: 'b1', scope: 'common', departmentId: null, departmentName: null, level1: '满意度指标', level2: '服务对象满意度', name: '服务对象满意度', category: '通用',
  kind: '定量', operator: '≥', unit: '%', suggestedTarget: '90', scoringRule: '每低1个百分点扣0.5分', explanation: '', validFrom: 2021, validTo: null, usableBy: [],
  status: 'active', version: 1, usage: { reports: 4, departments: 3, lastYear: 2021 }, updatedAt: '',
};

describe('the library page', () => {
  it('shows the tree and the entries, and adds a 共性指标 after checking it as the server will', async () => {
    const posts: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/reports')) return new Response(JSON.stringify({ items: [], nextOffset: null }), { status: 200 });
      if (init?.method === 'POST') {
        posts.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify({ ...entry, id: 'lib-2', name: '预算执行率' }), { status: 201 });
      }
      return new Response(JSON.stringify({ items: [entry], nextOffset: null, total: 1, categories: [{ category: '通用', count: 1 }] }), { status: 200 });
    }));
    render(
      <ConfigProvider locale={zhCN}>
        <App>
          <SessionContext.Provider value={{ user: perf, unit: '绩效管理科', signOut: async () => undefined }}>
            <LibraryPage />
          </SessionContext.Provider>
        </App>
      </ConfigProvider>,
    );
    expect(await screen.findByText('满意度指标（1）')).toBeTruthy();
    expect(screen.getByText('4 份报告')).toBeTruthy();
    expect(screen.getByText('2021年度起')).toBeTruthy();
    expect(screen.queryByText('新增部门指标')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '新增共性指标' }));
    fireEvent.change(await screen.findByLabelText('三级指标'), { target: { value: '预算执行率' } });
    fireEvent.change(screen.getByLabelText('建议指标值'), { target: { value: '95' } });
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    expect(await screen.findByText('定量指标须填写计量单位')).toBeTruthy();
    expect(posts).toEqual([]);
    fireEvent.change(screen.getByLabelText('计量单位'), { target: { value: '%' } });
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ scope: 'common', fields: { level1: '产出目标', level2: '数量指标', name: '预算执行率', kind: '定量', operator: '≥', unit: '%', suggestedTarget: '95', usableBy: [] } });
  }, 120_000); // antd in jsdom: tens of seconds on a loaded 2-core machine
});
