// @vitest-environment jsdom
// The board of a 项目支出 task: a line per project table with its 项目名称, one for a department without
// any; a 部门整体 task's board has no such column.
import { cleanup, render, screen, within } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rosterSummary } from '../../../../src/core/bureau/roster';
import type { Board, BoardItem } from '../../api/bureau';
import { setupDom } from '../../test/setup-dom';
import { BoardTable } from './BoardTable';

beforeAll(setupDom);
afterEach(cleanup);

const item = (over: Partial<BoardItem>): BoardItem => ({
  departmentId: 'd1', departmentName: '党群工作部', budgetCode: '99921', sectionId: 's', sectionName: '行政政法科', reportId: null, projectName: null, canOpen: false,
  state: 'not_started', stateLabel: '未开始', stage: 'department', due: '2026-02-25', daysLeft: -4, daysLeftText: '逾期 4 天', late: true,
  extendedDue: null, extensionReason: null, lastActivity: null, selfScore: null, grade: null, errors: null, warnings: null, waivers: null,
  openRectifications: 0, sampled: false, reviewScore: null, copyFlags: 0, wrongDepartment: false, ...over,
});

function boardOf(kind: string, items: BoardItem[]): Board {
  const task = {
    id: 't1', bureauId: 'b1', year: 2021, kind, templateId: 'mof-10-project', templateName: '项目支出绩效自评表', title: '2021年度项目支出绩效自评任务', notice: '',
    scope: { mode: 'all' as const, sectionIds: [], departmentIds: [] }, deadlines: { selfEvalDue: '2026-02-25', financeReviewDue: '2026-03-20', publishBy: '2026-04-30' },
    status: 'issued' as const, version: 2, createdAt: '2026-01-01T00:00:00Z', issuedAt: '2026-01-02T00:00:00Z',
  };
  return { task, generatedAt: '2026-03-01T08:00:00Z', summary: rosterSummary(items), items };
}

const show = (board: Board) =>
  render(<ConfigProvider locale={zhCN}><App><BoardTable board={board} canExtend={false} onExtend={async () => {}} /></App></ConfigProvider>);

describe('BoardTable', () => {
  it('shows a 项目名称 column for a project task, a line per table', () => {
    show(boardOf('project', [
      item({ reportId: 'r1', projectName: '城区道路维修项目', state: 'filling', stateLabel: '填报中' }),
      item({ reportId: 'r2', projectName: '', state: 'filling', stateLabel: '填报中' }),
      item({ departmentId: 'd2', departmentName: '党政办公室', budgetCode: '99922' }),
    ]));
    const heads = () => [...document.querySelectorAll('th')];
    expect(heads().some((th) => th.textContent?.includes('项目名称'))).toBe(true);
    const rows = [...document.querySelectorAll('tr[data-department]')];
    expect(rows.map((r) => [r.getAttribute('data-department'), r.getAttribute('data-project')])).toEqual([
      ['党群工作部', '城区道路维修项目'], ['党群工作部', ''], ['党政办公室', null],
    ]);
    expect(within(rows[1] as HTMLElement).getByText('未填写项目名称')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('尚无项目自评表')).toBeTruthy();
    expect(screen.getByText(/3 行（2 份项目自评表，2 个部门）/)).toBeTruthy();
  });

  it('has no 项目名称 column for an overall task', () => {
    show(boardOf('overall', [item({ reportId: 'r1', state: 'filling', stateLabel: '填报中' })]));
    expect([...document.querySelectorAll('th')].some((th) => th.textContent?.includes('项目名称'))).toBe(false);
    expect(screen.getByText(/显示 1 \/ 1 个部门/)).toBeTruthy();
  });
});
