// @vitest-environment jsdom
// The 年度预算申请 grid of a Hunan 自评表 in the editor (a real table, excerpt 013): the printed grid's cells,
// an amount typed into a part lands on its table's summary row, and the checker's 执行率 line follows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { section } from '../../../../src/core/forms/index';
import { formFor } from '../../../../src/core/templates/index';
import { importText } from '../../../../src/io/import/index';
import type { EditorModel } from '../../hooks/useEditorModel';
import { EditorHarness } from '../../test/harness';
import { setupDom } from '../../test/setup-dom';
import { BudgetGridSection } from './BudgetGridSection';

beforeAll(setupDom);
afterEach(cleanup);

describe('BudgetGridSection', { timeout: 90_000 }, () => {
  it('edits the Hunan grid on its printed cells; the 执行率 line is checked as it changes', async () => {
    const r = importText(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'real-excerpts', '013.txt'))).report;
    let model: EditorModel | null = null;
    render(
      <EditorHarness initial={r} onModel={(m) => (model = m)}>
        {(rep) => <BudgetGridSection section={section(formFor(rep), 'finance')} report={rep} />}
      </EditorHarness>,
    );
    expect(screen.getByText('按收入性质分：')).toBeTruthy();
    expect(screen.getByText('其中：一般公共预算：')).toBeTruthy();
    expect((screen.getByLabelText('年度资金总额全年执行数') as HTMLInputElement).value).toBe('3824.26');
    expect((screen.getByLabelText('其他资金') as HTMLInputElement).value).toBe('2880');
    await act(async () => new Promise((res) => setTimeout(res, 50)));
    expect(model!.live.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['FIN.EXECUTION_RATE', 'FIN.EXECUTION_SCORE']));
    await act(async () => {
      fireEvent.change(screen.getByLabelText('政府性基金拨款'), { target: { value: '0' } });
      fireEvent.change(screen.getByLabelText('执行率'), { target: { value: '80.45%' } });
      fireEvent.change(screen.getByLabelText('执行率得分'), { target: { value: '8.04' } });
    });
    expect(model!.report.finance.income[0]).toMatchObject({ kind: 'summary', fiscal: '1873.66', fund: '0', other: '2880' });
    await act(async () => new Promise((res) => setTimeout(res, 50)));
    const codes = model!.live.findings.map((f) => f.code);
    expect(codes).not.toContain('FIN.EXECUTION_RATE');
    expect(codes).not.toContain('FIN.EXECUTION_SCORE');
    // the parts of 按支出性质分 add up to the 全年预算数, not the 全年执行数: the form allows either
    expect(codes).not.toContain('FIN.EXPENDITURE_SUM');
  });
});
