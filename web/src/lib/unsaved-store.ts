// Unsaved edits kept in this browser until the server has them: a failed save, a lost connection or an
// expired session never loses work. Cleared when a save succeeds and on logout (with Clear-Site-Data).
import type { Report } from '../../../src/core/model/report';

const PREFIX = 'jixiao:unsaved:';

export interface UnsavedCopy {
  /** the version the edits were based on, and its content (for a three-way merge) */
  baseVersion: number;
  base: Report;
  report: Report;
  savedAt: string;
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function keepUnsaved(id: string, copy: Omit<UnsavedCopy, 'savedAt'>): void {
  try {
    storage()?.setItem(PREFIX + id, JSON.stringify({ ...copy, savedAt: new Date().toISOString() }));
  } catch {
    // storage full or disabled: the copy in memory is all there is
  }
}

export function readUnsaved(id: string): UnsavedCopy | null {
  const raw = storage()?.getItem(PREFIX + id);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as UnsavedCopy;
    return v && typeof v.baseVersion === 'number' && v.report ? v : null;
  } catch {
    return null;
  }
}

export function dropUnsaved(id: string): void {
  storage()?.removeItem(PREFIX + id);
}

export function clearAllUnsaved(): void {
  const s = storage();
  if (!s) return;
  for (let i = s.length - 1; i >= 0; i--) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) s.removeItem(k);
  }
}
