import { describe, expect, it } from 'vitest';
import { UNDO_LIMIT, UndoHistory } from './undo-history';

describe('UndoHistory', () => {
  it('undoes and redoes edits, a burst of keystrokes in one field as one step', () => {
    const h = new UndoHistory<string>();
    h.record('', 'a', 0);
    h.record('1', 'a', 300); // still typing in a
    h.record('12', 'a', 600);
    h.record('123', 'b', 700); // another field
    expect(h.undo('123x')).toBe('123');
    expect(h.undo('123')).toBe('');
    expect(h.canUndo).toBe(false);
    expect(h.redo('')).toBe('123');
    expect(h.redo('123')).toBe('123x');
    expect(h.canRedo).toBe(false);
  });

  it('a new edit drops what could be redone; a pause makes a new step; the history is bounded', () => {
    const h = new UndoHistory<number>();
    h.record(0, 'a', 0);
    h.record(1, 'a', 5000);
    expect(h.undo(2)).toBe(1);
    h.record(1, 'b', 6000);
    expect(h.canRedo).toBe(false);
    for (let i = 0; i < UNDO_LIMIT + 50; i++) h.record(100 + i, `p${i}`, 10_000 + i * 2000);
    let n = 0;
    let cur = -1;
    for (let r = h.undo(cur); r !== null; r = h.undo(cur)) {
      cur = r;
      n += 1;
    }
    expect(n).toBe(UNDO_LIMIT);
  });
});
