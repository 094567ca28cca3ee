// Moving between the cells of a form table as in a spreadsheet: ↑ ↓, Enter / Shift+Enter down and up,
// ← → once the caret is at the cell's edge (inside the text they move the caret, as Excel does while
// editing). Cells are inputs marked data-grid-row / data-grid-col; a place without an input (a fixed
// row name) is skipped over. Tab keeps its browser meaning.
import type { KeyboardEvent } from 'react';

type Step = [dRow: number, dCol: number];

function stepOf(e: KeyboardEvent<HTMLElement>, input: HTMLInputElement): Step | null {
  if (e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return null;
  const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
  const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
  switch (e.key) {
    case 'ArrowDown':
      return [1, 0];
    case 'ArrowUp':
      return [-1, 0];
    case 'Enter':
      return e.shiftKey ? [-1, 0] : [1, 0];
    case 'ArrowLeft':
      return atStart && !e.shiftKey ? [0, -1] : null;
    case 'ArrowRight':
      return atEnd && !e.shiftKey ? [0, 1] : null;
    default:
      return null;
  }
}

/** The cell an input is, or null when it is not a grid cell. */
export function gridPlace(el: EventTarget | null): { row: number; col: number } | null {
  if (!(el instanceof HTMLInputElement) || el.dataset.gridRow === undefined || el.dataset.gridCol === undefined) return null;
  return { row: Number(el.dataset.gridRow), col: Number(el.dataset.gridCol) };
}

/** onKeyDown for the element holding the grid. */
export function onGridKeyDown(e: KeyboardEvent<HTMLElement>): void {
  const input = e.target as HTMLInputElement;
  const at = gridPlace(input);
  if (!at) return;
  const step = stepOf(e, input);
  if (!step) return;
  const cells = [...e.currentTarget.querySelectorAll<HTMLInputElement>('input[data-grid-row][data-grid-col]')];
  const byPlace = new Map(cells.map((c) => [`${c.dataset.gridRow},${c.dataset.gridCol}`, c]));
  const rows = Math.max(...cells.map((c) => Number(c.dataset.gridRow))) + 1;
  const cols = Math.max(...cells.map((c) => Number(c.dataset.gridCol))) + 1;
  let [r, c] = [at.row + step[0], at.col + step[1]];
  while (r >= 0 && r < rows && c >= 0 && c < cols) {
    const next = byPlace.get(`${r},${c}`);
    if (next) {
      e.preventDefault();
      next.focus();
      next.select();
      return;
    }
    [r, c] = [r + step[0], c + step[1]];
  }
}
