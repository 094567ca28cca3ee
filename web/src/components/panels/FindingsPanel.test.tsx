// @vitest-environment jsdom
// The findings panel runs the core checkReport on the report as edited and a click on a finding jumps
// to the field its path names: the field is highlighted and its input focused.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, type Report, type ThreePublicRow } from '../../../../src/core/model/report';
import { EditorHarness } from '../../test/harness';
import { setupDom } from '../../test/setup-dom';
import { FinanceSection } from '../sections/FinanceSection';
import { IndicatorTable } from '../sections/IndicatorTable';
import { FieldsSection } from '../sections/FieldsSection';
import { section } from '../../../../src/core/forms/index';
import { defaultForm } from '../../../../src/core/templates/index';

beforeAll(setupDom);
afterEach(cleanup);

const tp = (kind: ThreePublicRow['kind'], institution: string, total: string | null, reception: string | null): ThreePublicRow => ({
  institution,
  kind,
  total,
  reception,
  vehicleOps: null,
  vehiclePurchase: null,
  overseas: null,
});

function seedLike(): Report {
  const r = emptyReport();
  r.year = 2021;
  r.overview.staffQuota = 3;
  r.overview.actualStaff = 6;
  // as imported from the seed: the summary row is filled, the 局机关 row is blank
  r.finance.threePublic = [tp('summary', '局机关及二级机构汇总', '2.5285', '2.5285'), tp('main', '局机关', null, null)];
  r.performance.indicators = [
    { level1: '产出目标', level2: '数量指标', name: '开展活动', kind: '定量', operator: '≥', target: '', targetValue: null, unit: '次', actual: '已完成', actualValue: null, weight: null, score: null, deviationReason: '', libraryId: null },
  ];
  return r;
}

function renderEditor() {
  return render(
    <EditorHarness initial={seedLike()} withFindings>
      {(r) => (
        <>
          <FieldsSection section={section(defaultForm(), 'overview')} report={r} />
          <FinanceSection section={section(defaultForm(), 'finance')} finance={r.finance} />
          <IndicatorTable indicators={r.performance.indicators} />
        </>
      )}
    </EditorHarness>,
  );
}

const findingButton = (code: string, path: string) =>
  document.querySelector<HTMLButtonElement>(`button.jx-finding[data-code="${code}"][data-path="${path}"]`);
const field = (path: string) => document.querySelector<HTMLElement>(`.jx-field[data-path="${path}"]`)!;

describe('FindingsPanel', { timeout: 90_000 }, () => {
  it('groups the live findings by severity with Chinese messages', () => {
    renderEditor();
    expect(screen.getByText(/^错误（\d+）$/)).toBeTruthy();
    expect(findingButton('FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].total')!.textContent).toContain('汇总数没有明细支撑');
  });

  it('jumps to the finance cell a finding names: highlighted and focused', () => {
    renderEditor();
    fireEvent.click(findingButton('FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].total')!);
    const cell = field('finance.threePublic[1].total');
    expect(cell.className).toContain('jx-field-active');
    expect(document.activeElement).toBe(cell.querySelector('input'));
    expect((document.activeElement as HTMLInputElement).getAttribute('aria-label')).toBe('局机关·三公经费合计');
  });

  it('jumps to overview.actualStaff and to an indicator value named by its numeric part', () => {
    renderEditor();
    fireEvent.click(findingButton('STAFF.OVER_QUOTA', 'overview.actualStaff')!);
    expect(field('overview.actualStaff').className).toContain('jx-field-active');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('实有人数');

    fireEvent.click(findingButton('IND.VALUE_NOT_NUMERIC', 'performance.indicators[0].actual')!);
    expect(field('performance.indicators[0].actual').className).toContain('jx-field-active');
    expect(field('overview.actualStaff').className).not.toContain('jx-field-active');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('第1项完成值');
  });

  it('follows the edit: fixing the cell removes the finding after the debounce', async () => {
    renderEditor();
    const input = screen.getByLabelText('局机关·三公经费合计', { selector: 'input' });
    fireEvent.change(input, { target: { value: '2.5285' } });
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(findingButton('FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].total')).toBeNull();
    expect(findingButton('FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].reception')).not.toBeNull();
  });

  it('keeps the rules’ codes out of sight until asked for, and remembers the choice', () => {
    window.localStorage.removeItem('jixiao.showRuleCodes');
    renderEditor();
    const button = findingButton('FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].total')!;
    expect(button.textContent).not.toContain('FIN.SUMMARY_UNSUPPORTED');
    expect(button.title).toContain('FIN.SUMMARY_UNSUPPORTED');
    fireEvent.click(screen.getByLabelText('显示规则代码'));
    expect(findingButton('FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].total')!.textContent).toContain('FIN.SUMMARY_UNSUPPORTED');
    cleanup();
    renderEditor();
    expect(findingButton('FIN.SUMMARY_UNSUPPORTED', 'finance.threePublic[1].total')!.textContent).toContain('FIN.SUMMARY_UNSUPPORTED');
    window.localStorage.removeItem('jixiao.showRuleCodes');
  });
});
