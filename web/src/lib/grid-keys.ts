// Moving between the cells of a form table as in a spreadsheet: ↑ ↓, Enter / Shift+Enter down and up,
// ← → once the caret is at the cell's edge (inside the text they move the caret, as Excel does while
// editing). A cell is an element marked data-grid-row / data-grid-col — an input, a textarea, or the box
// of a select; a place without one (a fixed row name) is skipped over. Tab keeps its browser meaning.
// In a multi-line text ↑ ↓ move between its lines first, and Alt+Enter breaks the line (Excel's key);
// in a select ↑ ↓ Enter pick the option, ← → leave it.
import type { KeyboardEvent } from 'react';

type Step = [dRow: number, dCol: number];

function stepOf(e: KeyboardEvent<HTMLElement>, field: HTMLInputElement | HTMLTextAreaElement, select: boolean): Step | null {
  if (e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return null;
  const start = field.selectionStart ?? 0;
  const end = field.selectionEnd ?? 0;
  const atStart = start === 0 && end === 0;
  const atEnd = start === field.value.length && end === field.value.length;
  const multi = field instanceof HTMLTextAreaElement;
  if (select && (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Enter')) return null;
  switch (e.key) {
    case 'ArrowDown':
      return !multi || !field.value.slice(end).includes('\n') ? [1, 0] : null;
    case 'ArrowUp':
      return !multi || !field.value.slice(0, start).includes('\n') ? [-1, 0] : null;
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

function cellOf(el: EventTarget | null): HTMLElement | null {
  return el instanceof HTMLElement ? el.closest<HTMLElement>('[data-grid-row][data-grid-col]') : null;
}

/** The text field a cell is, or holds (a select's search box). */
function fieldOf(cell: HTMLElement): HTMLInputElement | HTMLTextAreaElement | null {
  if (cell instanceof HTMLInputElement || cell instanceof HTMLTextAreaElement) return cell;
  return cell.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
}

/** The cell an element is in, or null when it is not in a grid cell. */
export function gridPlace(el: EventTarget | null): { row: number; col: number } | null {
  const cell = cellOf(el);
  if (!cell) return null;
  return { row: Number(cell.dataset.gridRow), col: Number(cell.dataset.gridCol) };
}

/** onKeyDown for the element holding the grid. */
export function onGridKeyDown(e: KeyboardEvent<HTMLElement>): void {
  const cell = cellOf(e.target);
  const field = cell && fieldOf(cell);
  if (!cell || !field || field !== e.target) return;
  const select = cell !== field;
  if (select && field.getAttribute('aria-expanded') === 'true') return;
  if (e.key === 'Enter' && e.altKey && field instanceof HTMLTextAreaElement && !field.readOnly) {
    e.preventDefault();
    // the browser's own edit, so React and the undo history see it as typing
    document.execCommand('insertText', false, '\n');
    return;
  }
  const step = stepOf(e, field, select);
  if (!step) return;
  const cells = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-grid-row][data-grid-col]')];
  const byPlace = new Map(cells.map((c) => [`${c.dataset.gridRow},${c.dataset.gridCol}`, c]));
  const rows = Math.max(...cells.map((c) => Number(c.dataset.gridRow))) + 1;
  const cols = Math.max(...cells.map((c) => Number(c.dataset.gridCol))) + 1;
  let [r, c] = [Number(cell.dataset.gridRow) + step[0], Number(cell.dataset.gridCol) + step[1]];
  while (r >= 0 && r < rows && c >= 0 && c < cols) {
    const next = byPlace.get(`${r},${c}`);
    const target = next && fieldOf(next);
    if (target && !(target as HTMLInputElement).disabled) {
      e.preventDefault();
      target.focus();
      if (next === target) target.select();
      return;
    }
    [r, c] = [r + step[0], c + step[1]];
  }
}
