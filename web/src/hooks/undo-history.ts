// Undo/redo of the editor's own edits (Ctrl+Z / Ctrl+Y): snapshots of the report before each edit — cheap,
// the report is updated immutably so a snapshot shares all it did not change. Keystrokes in one field less
// than a second apart are one step. Saving does not touch the history (an undo is saved like any edit);
// a report replaced from outside (a merge, a reload after a transition) starts a new history.
export interface UndoStep<R> {
  report: R;
  path: string;
  at: number;
}

export const UNDO_LIMIT = 200;
const SAME_STEP_MS = 1000;

export class UndoHistory<R> {
  private past: Array<UndoStep<R>> = [];
  private future: R[] = [];

  /** Before an edit of `path` turns `before` into something else. */
  record(before: R, path: string, now: number): void {
    const top = this.past.at(-1);
    this.future = [];
    // the same field typed into again within a second: one step (and StrictMode's second call is a no-op)
    if (top && (top.report === before || (top.path === path && now - top.at < SAME_STEP_MS))) {
      if (top.path === path) top.at = now;
      return;
    }
    this.past.push({ report: before, path, at: now });
    if (this.past.length > UNDO_LIMIT) this.past.shift();
  }

  undo(current: R): R | null {
    const step = this.past.pop();
    if (!step) return null;
    this.future.push(current);
    return step.report;
  }

  redo(current: R): R | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push({ report: current, path: '', at: 0 });
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
