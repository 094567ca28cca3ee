// @vitest-environment jsdom
// The 项目资金 grid of a project table in the editor: its rows and columns from the form, an amount typed
// in changes the report exactly, the 执行率 the amounts give is shown, and the checker's P1 follows.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { section } from '../../../../src/core/forms/index';
import { formFor } from '../../../../src/core/templates/index';
import type { EditorModel } from '../../hooks/useEditorModel';
import { EditorHarness } from '../../test/harness';
import { setupDom } from '../../test/setup-dom';
import { projectReport } from '../../../../test/helpers/seed';
import { ProjectFundsSection } from './ProjectFundsSection';

beforeAll(setupDom);
afterEach(cleanup);

describe('ProjectFundsSection', { timeout: 90_000 }, () => {
  it('edits 项目资金 by the form\'s rows and columns and shows the 执行率 the amounts give', async () => {
    const r = projectReport();
    let model: EditorModel | null = null;
    render(
      <EditorHarness initial={r} onModel={(m) => (model = m)}>
        {(rep) => <ProjectFundsSection section={section(formFor(rep), 'funds')} project={rep.project} />}
      </EditorHarness>,
    );
    expect(screen.getByText('其中：当年财政拨款')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('执行率 95.00%，得分 9.5');
    const cell = screen.getByLabelText('年度资金总额全年执行数') as HTMLInputElement;
    expect(cell.value).toBe('494.00');
    await act(async () => {
      fireEvent.change(cell, { target: { value: '520' } });
      fireEvent.change(screen.getByLabelText('当年财政拨款全年执行数'), { target: { value: '472.00' } });
    });
    expect(model!.report.project!.funds.total.executed).toBe('520');
    expect(screen.getByRole('status').textContent).toContain('执行率 100.00%，得分 10');
    await act(async () => new Promise((res) => setTimeout(res, 50)));
    expect(model!.live.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['PRJ.EXECUTION_RATE', 'PRJ.EXECUTION_SCORE']));
  });
});
