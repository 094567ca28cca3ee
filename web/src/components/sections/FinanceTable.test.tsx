// @vitest-environment jsdom
// The 局机关及二级机构汇总 row is summed from the institution rows as the user types, exactly (分).
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyReport, type IncomeRow, type Report } from '../../../../src/core/model/report';
import type { EditorModel } from '../../hooks/useEditorModel';
import { EditorHarness } from '../../test/harness';
import { setupDom } from '../../test/setup-dom';
import { FinanceTable } from './FinanceTable';

beforeAll(setupDom);
afterEach(cleanup);

const row = (kind: IncomeRow['kind'], institution: string, total: string | null = null): IncomeRow => ({
  institution,
  kind,
  total,
  carryOver: null,
  fiscal: null,
  fund: null,
  specialAccount: null,
  other: null,
});

function reportWith(income: IncomeRow[]): Report {
  const r = emptyReport();
  r.finance.income = income;
  return r;
}

function renderIncome(initial: Report) {
  let model: EditorModel | null = null;
  render(
    <EditorHarness initial={initial} onModel={(m) => (model = m)}>
      {(r) => <FinanceTable table="income" rows={r.finance.income} />}
    </EditorHarness>,
  );
  const input = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
  return { input, model: () => model! };
}

describe('FinanceTable summary row', { timeout: 90_000 }, () => {
  it('adds 0.1 and 0.2 to exactly 0.3 as the user types', () => {
    const { input, model } = renderIncome(reportWith([row('summary', '局机关及二级机构汇总'), row('main', '局机关'), row('sub', '二级机构1')]));
    fireEvent.change(input('局机关·收入合计'), { target: { value: '0.1' } });
    expect(input('汇总·收入合计').value).toBe('0.1');
    fireEvent.change(input('二级机构1·收入合计'), { target: { value: '0.2' } });
    expect(input('汇总·收入合计').value).toBe('0.3');
    expect(model().report.finance.income[0]!.total).toBe('0.3');
  });

  it('keeps 87.2217 + 0 as 87.2217, shown with the 4 decimals the table is written with', () => {
    const { input, model } = renderIncome(
      reportWith([row('summary', '局机关及二级机构汇总', '87.2217'), row('main', '局机关', '87.2217'), row('sub', '二级机构1')]),
    );
    fireEvent.change(input('二级机构1·收入合计'), { target: { value: '0' } });
    expect(input('汇总·收入合计').value).toBe('87.2217');
    fireEvent.change(input('二级机构1·收入合计'), { target: { value: '0.0001' } });
    expect(input('汇总·收入合计').value).toBe('87.2218');
    expect(model().report.finance.income[0]!.total).toBe('87.2218');
  });

  it('prints the sum with the table decimals even when the inputs carry fewer (1.2 → 1.2000)', () => {
    const { input } = renderIncome(reportWith([row('summary', '局机关及二级机构汇总', '2.5285'), row('main', '局机关')]));
    fireEvent.change(input('局机关·收入合计'), { target: { value: '1.2' } });
    expect(input('汇总·收入合计').value).toBe('1.2000');
  });

  it('refuses an amount that is not 万元 with a Chinese message and leaves the sum alone', () => {
    const { input, model } = renderIncome(reportWith([row('summary', '局机关及二级机构汇总'), row('main', '局机关', '5')]));
    fireEvent.change(input('局机关·收入合计'), { target: { value: '5' } });
    fireEvent.change(input('局机关·收入合计'), { target: { value: '12.3.4' } });
    expect(screen.getByText('金额须为万元数，最多 6 位小数，例如 87.2217')).toBeTruthy();
    expect(model().report.finance.income[1]!.total).toBe('5');
    // people type thousands separators and the unit: read as the canonical amount
    fireEvent.change(input('局机关·收入合计'), { target: { value: '1,234.50万元' } });
    expect(model().report.finance.income[1]!.total).toBe('1234.50');
    expect(input('汇总·收入合计').value).toBe('1234.50');
  });

  it('adds and removes 二级机构 rows, taking a removed row out of the sum', async () => {
    const { input, model } = renderIncome(reportWith([row('summary', '局机关及二级机构汇总'), row('main', '局机关')]));
    fireEvent.click(screen.getByRole('button', { name: '添加二级机构' }));
    fireEvent.change(input('局机关·收入合计'), { target: { value: '10.25' } });
    fireEvent.change(input('二级机构1·收入合计'), { target: { value: '4.75' } });
    expect(input('汇总·收入合计').value).toBe('15.00');
    fireEvent.click(screen.getByRole('button', { name: '删除二级机构1' }));
    await screen.findByText('删除这一行？');
    fireEvent.click(document.querySelector('.ant-popconfirm .ant-btn-primary')!);
    expect(model().report.finance.income).toHaveLength(2);
    expect(input('汇总·收入合计').value).toBe('10.25');
  });

  it('does not let the summary row be typed into', () => {
    renderIncome(reportWith([row('summary', '局机关及二级机构汇总', '1'), row('main', '局机关', '1')]));
    expect(screen.getByLabelText('汇总·收入合计', { selector: 'input' }).hasAttribute('readonly')).toBe(true);
  });
});

describe('FinanceTable as a spreadsheet', { timeout: 90_000 }, () => {
  const paste = (el: HTMLElement, text: string) => fireEvent.paste(el, { clipboardData: { getData: (t: string) => (t === 'text/plain' ? text : '') } });

  it('pastes a block of rows from Excel from the focused cell on, adds rows, sums, and says what did not fit', async () => {
    const { input, model } = renderIncome(reportWith([row('summary', '局机关及二级机构汇总'), row('main', '局机关'), row('sub', '二级机构1')]));
    paste(input('局机关·收入合计'), '1,000.50\t\t800\r\n２０\t\t二十\r\n50000元\t\t5\r\n');
    const income = model().report.finance.income;
    expect(income).toHaveLength(4);
    expect(income.map((r) => [r.total, r.fiscal])).toEqual([['1025.50', '805.00'], ['1000.50', '800'], ['20', null], ['5', '5']]);
    expect(income[3]).toMatchObject({ kind: 'sub', institution: '二级机构2' });
    expect(await screen.findByText(/已粘贴 5 个单元格，新增 1 行；1 处未粘贴：第 2 行第 3 列 二级机构1 · .+：“二十”不是金额/)).toBeTruthy();
  });

  it('asks before it overwrites filled cells, naming them, and writes nothing when cancelled', async () => {
    const { input, model } = renderIncome(reportWith([row('summary', '局机关及二级机构汇总', '7'), row('main', '局机关', '7'), row('sub', '二级机构1')]));
    paste(input('局机关·收入合计'), '9\n3');
    const preview = await screen.findByTestId('paste-preview');
    expect(preview.textContent).toContain('粘贴将覆盖 1 个已填写的单元格');
    expect(preview.textContent).toContain('局机关 · 收入合计：7 → 9');
    expect(model().report.finance.income[1]!.total).toBe('7');
    fireEvent.click(screen.getByText(/^取\s?消$/).closest('button')!);
    expect(model().report.finance.income[1]!.total).toBe('7');
    paste(input('局机关·收入合计'), '9\n3');
    fireEvent.click((await screen.findAllByText('覆盖并粘贴')).at(-1)!.closest('button')!);
    await waitFor(() => expect(model().report.finance.income[1]!.total).toBe('9'));
    expect(model().report.finance.income.map((r) => r.total)).toEqual(['12', '9', '3']);
  });

  it('moves with the arrow keys and Enter, skipping the fixed names; Ctrl+D fills down', () => {
    const { input, model } = renderIncome(reportWith([row('summary', '局机关及二级机构汇总'), row('main', '局机关', '4.5'), row('sub', '二级机构1')]));
    const main = input('局机关·收入合计');
    main.focus();
    fireEvent.keyDown(main, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(input('二级机构1·收入合计'));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter', shiftKey: true });
    expect(document.activeElement).toBe(main);
    fireEvent.keyDown(main, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(input('汇总·收入合计'));
    // → with the caret at the end of the text goes to the next column; ← at the start of the first amount
    // of a fixed-name row has nowhere to go
    const sum = input('汇总·收入合计');
    fireEvent.keyDown(sum, { key: 'ArrowRight' });
    expect((document.activeElement as HTMLElement).getAttribute('aria-label')).toMatch(/^汇总·/);
    expect(document.activeElement).not.toBe(sum);
    main.focus();
    main.setSelectionRange(0, 0);
    fireEvent.keyDown(main, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(main);
    // the sub row's name is a cell: ← from its first amount reaches it
    const subAmount = input('二级机构1·收入合计');
    subAmount.focus();
    subAmount.setSelectionRange(0, 0);
    fireEvent.keyDown(subAmount, { key: 'ArrowLeft' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^第2行/);
    fireEvent.keyDown(subAmount, { key: 'd', ctrlKey: true });
    expect(model().report.finance.income[2]!.total).toBe('4.5');
  });

  it('undoes a whole paste in one step and a typed cell in another, and redoes them', () => {
    const { input, model } = renderIncome(reportWith([row('summary', '局机关及二级机构汇总'), row('main', '局机关'), row('sub', '二级机构1')]));
    fireEvent.change(input('局机关·收入合计'), { target: { value: '1' } });
    fireEvent.change(input('局机关·收入合计'), { target: { value: '12' } });
    paste(input('二级机构1·收入合计'), '3\n4');
    expect(model().report.finance.income.map((r) => r.total)).toEqual(['19', '12', '3', '4']);
    act(() => model().undo());
    expect(model().report.finance.income.map((r) => r.total)).toEqual(['12', '12', null]);
    expect(input('汇总·收入合计').value).toBe('12');
    act(() => model().undo());
    expect(model().report.finance.income.map((r) => r.total)).toEqual([null, null, null]);
    expect(model().canUndo).toBe(false);
    act(() => model().redo());
    act(() => model().redo());
    expect(model().report.finance.income.map((r) => r.total)).toEqual(['19', '12', '3', '4']);
    expect(model().canRedo).toBe(false);
  });
});
