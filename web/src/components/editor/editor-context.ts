// What every field of the editor needs to know: findings and return notes at its path, whether the
// current user may change it, the field a finding click jumped to, and how to write a change.
//
// The context value keeps its identity while findings come and go and while a jump highlights a field:
// a big report has thousands of fields, and re-rendering all of them on every check took seconds per
// keystroke. What changes that often lives in EditorMarks, to which each field subscribes for its own
// paths (useFieldMarks): a new check re-renders only the fields whose findings changed.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FormDescriptor } from '../../../../src/core/forms/index';
import type { Finding } from '../../../../src/core/model/finding';
import { defaultForm } from '../../../../src/core/templates/index';
import type { PriorYear } from '../../../../src/core/library/prior-year';
import type { ReturnRecord, WaiverRecord } from '../../api/types';

export interface EditorContextValue {
  /** the report's form: the sections, labels and tables the editor shows */
  form: FormDescriptor;
  /** the findings at a path now (read during render it does not re-render on change: useFieldMarks does) */
  findingsAt: (path: string) => readonly Finding[];
  returnsAt: (path: string) => readonly ReturnRecord[];
  /** return notes on any cell inside `prefix` (a table), with the cell each names */
  returnsUnder: (prefix: string) => ReadonlyArray<{ path: string; record: ReturnRecord }>;
  waiverAt: (code: string, path: string) => WaiverRecord | undefined;
  canEdit: (path: string) => boolean;
  /** the field a finding click just jumped to (as findingsAt: useFieldMarks follows it) */
  readonly activePath: string | null;
  jumpTo: (path: string) => void;
  /** writes one value; `path` uses the findings syntax */
  change: (path: string, value: unknown) => void;
  /** replaces a whole subtree at once (rows added or removed, several cells recomputed) */
  /** `step`: what one undo step is (default the path; a table names the cell, a paste its own step) */
  update: (path: string, fn: (old: unknown) => unknown, step?: string) => void;
  /** the same department's report of the year before, when there is one (上年 values, Q15) */
  priorYear?: PriorYear | null;
}

const none = () => [] as const;

const NONE: readonly Finding[] = [];

/** Findings by path and the jumped-to field, with subscriptions; an unchanged path keeps its array. */
export class EditorMarks {
  private findings = new Map<string, readonly Finding[]>();
  private signatures = new Map<string, string>();
  private active: string | null = null;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  findingsAt = (path: string): readonly Finding[] => this.findings.get(path) ?? NONE;

  activePath = (): string | null => this.active;

  setFindings(byPath: ReadonlyMap<string, readonly Finding[]>): void {
    const findings = new Map<string, readonly Finding[]>();
    const signatures = new Map<string, string>();
    let changed = byPath.size !== this.findings.size;
    for (const [path, list] of byPath) {
      const sig = list.map((f) => `${f.severity}\u0000${f.code}\u0000${f.message}`).join('\u0001');
      const same = this.signatures.get(path) === sig;
      findings.set(path, same ? this.findings.get(path)! : list);
      signatures.set(path, sig);
      if (!same) changed = true;
    }
    this.findings = findings;
    this.signatures = signatures;
    if (changed) this.notify();
  }

  setActive(path: string | null): void {
    if (path === this.active) return;
    this.active = path;
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

const noMarks = new EditorMarks();
export const EditorMarksContext = createContext<EditorMarks>(noMarks);

/** The findings at a field's paths and whether a jump highlights it; re-renders only when those change. */
export function useFieldMarks(path: string, also: readonly string[] = NONE_PATHS): { findings: readonly Finding[]; active: boolean } {
  const marks = useContext(EditorMarksContext);
  const own = useSyncExternalStore(marks.subscribe, () => marks.findingsAt(path));
  // `also` holds one or two paths at most, the same ones for the life of a field
  const more = useSyncExternalStore(marks.subscribe, () => (also.length === 0 ? NONE : also.length === 1 ? marks.findingsAt(also[0]!) : joined(marks, also)));
  const active = useSyncExternalStore(marks.subscribe, () => {
    const a = marks.activePath();
    return a != null && (a === path || also.includes(a));
  });
  return { findings: more.length === 0 ? own : [...own, ...more], active };
}

const NONE_PATHS: readonly string[] = [];
const joinedCache = new WeakMap<readonly Finding[], WeakMap<readonly Finding[], readonly Finding[]>>();
/** Two paths' findings as one array that keeps its identity while neither changes. */
function joined(marks: EditorMarks, paths: readonly string[]): readonly Finding[] {
  let out = marks.findingsAt(paths[0]!);
  for (const p of paths.slice(1)) {
    const b = marks.findingsAt(p);
    if (b.length === 0) continue;
    if (out.length === 0) {
      out = b;
      continue;
    }
    let byB = joinedCache.get(out);
    if (!byB) joinedCache.set(out, (byB = new WeakMap()));
    let j = byB.get(b);
    if (!j) byB.set(b, (j = [...out, ...b]));
    out = j;
  }
  return out;
}

export const EditorContext = createContext<EditorContextValue>({
  form: defaultForm(),
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
