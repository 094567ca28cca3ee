// @vitest-environment jsdom
// The evaluation team enters its 评分表: checks, violations, a level, a score with its basis, 不适用 with
// a reason; each line beside Jixiao's own score with the difference explained; once every item is in,
// the sheet's total and grade become the report's 绩效自评综合得分 and 评价等次.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { section } from '../../../../src/core/forms/index';
import { defaultForm, templates } from '../../../../src/core/templates/index';
import type { EditorModel } from '../../hooks/useEditorModel';
import { EditorHarness } from '../../test/harness';
import { setupDom } from '../../test/setup-dom';
import { seedReport } from '../../../../test/helpers/seed';
import { ScoreSheetSection } from './ScoreSheetSection';

beforeAll(() => {
  setupDom();
  templates.add(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'templates', 'ceshi-overall.json'), 'utf8')));
});
afterEach(cleanup);

function renderSheet(templateId: string) {
  const r = seedReport();
  r.templateId = templateId;
  let model: EditorModel | null = null;
  render(
    <EditorHarness initial={r} onModel={(m) => (model = m)}>
      {(rep) => (
        <ScoreSheetSection
          section={section(defaultForm(), 'scoreSheet')}
          score={model?.live.score ?? null}
          scoreSheet={rep.scoreSheet}
          templateId={rep.templateId}
          templateVersion={rep.templateVersion}
          performance={rep.performance}
        />
      )}
    </EditorHarness>,
  );
  const blur = (label: string, value: string) => {
    const el = screen.getByLabelText(label) as HTMLInputElement;
    fireEvent.change(el, { target: { value } });
    fireEvent.blur(el, { target: { value } });
  };
  return { model: () => model!, blur };
}

describe('ScoreSheetSection', { timeout: 90_000 }, () => {
  it('scores every kind of line, shows the difference with the computed score, and the total follows', async () => {
    const { model, blur } = renderSheet('ceshi-overall');
    blur('财政供养人员控制率自评得分', '10');
    blur('财政供养人员控制率说明', '编外人员为临聘');
    fireEvent.click(screen.getByLabelText('管理制度健全性评分要点1'));
    blur('资金使用合规性不符合情形数', '1');
    fireEvent.click(screen.getByLabelText('支付进度不适用'));
    blur('支付进度说明', '本年度没有专项资金');
    expect(screen.getByTestId('claimed-input.systems').textContent).toBe('5');
    expect(screen.getByTestId('claimed-process.compliance').textContent).toBe('15');
    expect(screen.getByTestId('claim-total').textContent).toContain('自评合计 50 分');
    expect(screen.getByTestId('claim-total').textContent).toContain('尚有 40 分未填');
    expect(model().report.performance.selfScore).toBe(97);
    // Jixiao computes 0 for 财政供养人员控制率 (6 staff for a quota of 3): the line says by how much and why
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    const row = document.querySelector('tr[data-item="input.staff"]')!;
    expect(row.textContent).toContain('自评比系统核算高10分');
    expect(row.textContent).toContain('200.00%');
    // the last line completes the sheet: the total and the grade become the report's
    fireEvent.mouseDown(screen.getByLabelText('年度目标完成情况达成等次'));
    fireEvent.click(await screen.findByText('达成（32～40分）'));
    blur('年度目标完成情况自评得分', '35');
    expect(screen.getByTestId('claim-total').textContent).toContain('评分表已填完：综合得分 85 分，评价等次 良好');
    expect(model().report.performance.selfScore).toBe(85);
    expect(model().report.performance.grade).toBe('良好');
    expect(model().report.scoreSheet.find((c) => c.itemId === 'process.payment')).toEqual({ itemId: 'process.payment', score: null, note: '本年度没有专项资金', notApplicable: true });
  });

  it('offers no inputs for the Yueyang template\'s placeholder items', () => {
    renderSheet('yueyang-overall');
    expect(screen.queryByLabelText('资产管理指标（待确认）自评得分')).toBeNull();
    expect(screen.getByLabelText('资金使用合规性不符合情形数')).toBeTruthy();
    expect(screen.getByTestId('claim-total').textContent).toContain('64 分待定');
  });

  it('takes 自评得分 and 说明 rows pasted from Excel from the focused item on, and moves between items with ↓', async () => {
    const { model } = renderSheet('ceshi-overall');
    const first = screen.getByLabelText('财政供养人员控制率自评得分') as HTMLInputElement;
    const rows = [...document.querySelectorAll<HTMLInputElement>('input[data-grid-col="0"]')];
    expect(rows[0]).toBe(first);
    fireEvent.paste(first, { clipboardData: { getData: () => '10\t编外人员为临聘\r\n' } });
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    expect(model().report.scoreSheet.find((c) => c.itemId === 'input.staff')).toMatchObject({ score: 10, note: '编外人员为临聘' });
    expect((screen.getByLabelText('财政供养人员控制率说明') as HTMLTextAreaElement).value).toBe('编外人员为临聘');
    // ↓ goes to the next item whose score is typed, skipping the ones scored by ticking or counting
    first.focus();
    fireEvent.keyDown(screen.getByLabelText('财政供养人员控制率自评得分'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
  });
});
