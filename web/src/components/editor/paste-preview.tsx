// What a block pasted into a form table says before and after it lands (FinanceTable, IndicatorTable):
// a preview when it would overwrite filled cells, then how many cells were pasted, rows added and what
// did not fit — the plans come from core/forms/paste*.ts.
import { App } from 'antd';
import { useCallback, useRef, type ClipboardEvent } from 'react';
import { isBlock, parseGrid, type PasteProblem } from '../../../../src/core/forms/paste';
import { gridPlace } from '../../lib/grid-keys';

interface Plan {
  written: number;
  added: number;
  overwrites: ReadonlyArray<{ cell: string; from: string; to: string }>;
  problems: readonly PasteProblem[];
}

function overwritePreview(o: Plan['overwrites']) {
  return (
    <div data-testid="paste-preview">
      <p>粘贴将覆盖 {o.length} 个已填写的单元格：</p>
      <ul className="jx-paste-preview">
        {o.slice(0, 8).map((w, k) => (
          <li key={k}>
            {w.cell}：{w.from} → {w.to}
          </li>
        ))}
        {o.length > 8 && <li>……另有 {o.length - 8} 个</li>}
      </ul>
    </div>
  );
}

/**
 * The block a paste event carries and the cell it lands at, or null (and the browser pastes as usual)
 * when it is not a block of cells, not into a grid cell, or the table is read-only.
 */
export function pastedBlock(e: ClipboardEvent<HTMLElement>, editable: boolean): { at: { row: number; column: number }; grid: string[][] } | null {
  const at = gridPlace(e.target);
  const text = e.clipboardData.getData('text/plain');
  if (!at || !editable || !isBlock(text)) return null;
  e.preventDefault();
  return { at: { row: at.row, column: at.col }, grid: parseGrid(text) };
}

/**
 * Lands a planned paste: at once, or after the preview when it overwrites filled cells. `apply` gets a
 * fresh undo step name, so each paste is one step of the editor's undo.
 */
export function usePastePlan(): (o: { title: string; plan: Plan; added: string; apply: (step: string) => void }) => void {
  const { message, modal } = App.useApp();
  const count = useRef(0);
  return useCallback(
    ({ title, plan, added, apply }) => {
      const land = () => {
        apply(`paste:${++count.current}`);
        const more = plan.added ? `，${added.replace('N', String(plan.added))}` : '';
        if (plan.problems.length)
          message.warning(`已粘贴 ${plan.written} 个单元格${more}；${plan.problems.length} 处未粘贴：${plan.problems.slice(0, 3).map((p) => `第 ${p.blockRow} 行第 ${p.blockColumn} 列 ${p.message}`).join('；')}`, 8);
        else message.success(`已粘贴 ${plan.written} 个单元格${more}`);
      };
      if (plan.overwrites.length === 0) land();
      else modal.confirm({ title, content: overwritePreview(plan.overwrites), okText: '覆盖并粘贴', cancelText: '取消', onOk: land });
    },
    [message, modal],
  );
}
