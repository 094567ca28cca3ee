// @vitest-environment jsdom
// The indicator table with the library: last year's 指标值 and 完成值 under this year's, the live check's Q15
// warning on a target below last year's actual, and quoting entries from the library into new rows that
// keep their library ids (the search asks only for what this year's report may quote).
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LibraryEntry } from '../../../../src/core/library/model';
import { emptyReport, type Indicator, type Report } from '../../../../src/core/model/report';
import type { EditorModel } from '../../hooks/useEditorModel';
import { EditorHarness } from '../../test/harness';
import { setupDom } from '../../test/setup-dom';
import { IndicatorTable } from '../sections/IndicatorTable';

beforeAll(setupDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = (over: Partial<Indicator>): Indicator => ({
  level1: '产出目标', level2: '数量指标', name: '开展主题党日活动次数', kind: '定量', operator: '≥', target: '12', targetValue: '12', unit: '次',
  actual: '', actualValue: null, weight: null, score: null, deviationReason: '', libraryId: 'lib-1', ...over,
});

const entry = (id: string, name: string, over: Partial<LibraryEntry> = {}): LibraryEntry => ({
  id, bureauId: 'b1', scope: 'common', departmentId: null, departmentName: null, level1: '满意度指标', level2: '服务对象满意度', name, category: '通用',
  kind: '定量', operator: '≥', unit: '%', suggestedTarget: '90', scoringRule: '', explanation: '', validFrom: null, validTo: null, usableBy: [],
  status: 'active', version: 1, usage: { reports: 3, departments: 2, lastYear: 2021 }, updatedAt: '', ...over,
});

function draft2022(): Report {
  const r = emptyReport();
  r.year = 2022;
  r.performance.indicators = [row({ name: '主题党日活动开展次数' })];
  return r;
}

describe('the indicator table and the library', () => {
  it('shows last year’s values beside this year’s and warns of a target below last year’s actual', async () => {
    const prior = { year: 2021, indicators: [row({ actual: '15次', actualValue: '15' })] };
    render(<EditorHarness initial={draft2022()} priorYear={prior} withFindings>{(r) => <IndicatorTable indicators={r.performance.indicators} year={r.year} />}</EditorHarness>);
    expect(screen.getAllByTestId('prior-value').map((e) => e.textContent)).toEqual(['2021年：≥12次', '2021年：15次']);
    expect(await screen.findByText(/目标值“≥12次”低于上年（2021年度）实际完成值15次/)).toBeTruthy();
    expect(screen.getByText('指标库')).toBeTruthy();
  });

  it('quotes picked entries as new rows that keep their ids; entries already quoted cannot be picked again', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ items: [entry('lib-1', '开展主题党日活动次数', { level1: '产出目标', level2: '数量指标', unit: '次' }), entry('lib-2', '服务对象满意度')], nextOffset: null, total: 2, categories: [{ category: '通用', count: 2 }] }), { status: 200 });
    }));
    let model: EditorModel | undefined;
    render(<EditorHarness initial={draft2022()} onModel={(m) => (model = m)}>{(r) => <IndicatorTable indicators={r.performance.indicators} year={r.year} />}</EditorHarness>);
    fireEvent.click(screen.getByRole('button', { name: '从指标库引用' }));
    await screen.findByText('服务对象满意度');
    await waitFor(() => expect(urls.at(-1)).toContain('quotable=true'));
    expect(urls.at(-1)).toContain('year=2022');
    expect((screen.getByLabelText('选择开展主题党日活动次数') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('已引用')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('选择服务对象满意度'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '引用所选 1 项' }));
    });
    expect(model!.report.performance.indicators.map((i) => [i.name, i.libraryId, i.operator, i.targetValue, i.unit])).toEqual([
      ['主题党日活动开展次数', 'lib-1', '≥', '12', '次'],
      ['服务对象满意度', 'lib-2', '≥', '90', '%'],
    ]);
  }, 120_000); // antd in jsdom: tens of seconds on a loaded 2-core machine
});
