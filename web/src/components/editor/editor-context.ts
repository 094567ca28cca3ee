// What every field of the editor needs to know: findings and return notes at its path, whether the
// current user may change it, the field a finding click jumped to, and how to write a change.
import { createContext, useContext } from 'react';
import type { Finding } from '../../../../src/core/model/finding';
import type { PriorYear } from '../../../../src/core/library/prior-year';
import type { ReturnRecord, WaiverRecord } from '../../api/types';

export interface EditorContextValue {
  findingsAt: (path: string) => readonly Finding[];
  returnsAt: (path: string) => readonly ReturnRecord[];
  /** return notes on any cell inside `prefix` (a table), with the cell each names */
  returnsUnder: (prefix: string) => ReadonlyArray<{ path: string; record: ReturnRecord }>;
  waiverAt: (code: string, path: string) => WaiverRecord | undefined;
  canEdit: (path: string) => boolean;
  activePath: string | null;
  jumpTo: (path: string) => void;
  /** writes one value; `path` uses the findings syntax */
  change: (path: string, value: unknown) => void;
  /** replaces a whole subtree at once (rows added or removed, several cells recomputed) */
  update: (path: string, fn: (old: unknown) => unknown) => void;
  /** the same department's report of the year before, when there is one (上年 values, Q15) */
  priorYear?: PriorYear | null;
}

const none = () => [] as const;

export const EditorContext = createContext<EditorContextValue>({
  findingsAt: none,
  returnsAt: none,
  returnsUnder: none,
  waiverAt: () => undefined,
  canEdit: () => false,
  activePath: null,
  jumpTo: () => undefined,
  change: () => undefined,
  update: () => undefined,
});

export function useEditor(): EditorContextValue {
  return useContext(EditorContext);
}
