// The editor's model: the report as edited, the live check on it, and the context every field reads
// (findings and return notes by path, edit scope, the jump to a path). The editor page and the
// component tests both build their editor from this one hook.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../../src/core/model/finding';
import type { PriorYear } from '../../../src/core/library/prior-year';
import type { Report } from '../../../src/core/model/report';
import { canWrite } from '../../../src/core/workflow/edit';
import { keepSignatureMarks } from '../../../src/core/workflow/signature';
import type { EditScope, ReturnRecord, WaiverRecord } from '../api/types';
import { EditorMarks, type EditorContextValue } from '../components/editor/editor-context';
import { formOfReport } from '../lib/path-label';
import { getAt, isWithin, normalizePath, selfAndAncestors, setAt } from '../lib/paths';
import { UndoHistory } from './undo-history';
import { useLiveCheck, type LiveCheck } from './useLiveCheck';

const attr = (s: string) => s.replace(/["\\]/g, '\\$&');
const NO_WAIVERS: readonly WaiverRecord[] = [];

function indexBy<T>(items: readonly T[], pathOf: (t: T) => readonly string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) for (const p of pathOf(it)) m.set(p, [...(m.get(p) ?? []), it]);
  return m;
}

export interface EditorModelOptions {
  initial: Report;
  scope: EditScope;
  /** the return whose notes are shown beside cells (the latest, while the report is returned) */
  activeReturn?: ReturnRecord | null;
  waivers?: readonly WaiverRecord[];
  /** called when a jump finds nothing on the page for the path */
  onMissing?: (path: string) => void;
  checkDelayMs?: number;
  /** last year's 整改 items the report must answer (rule X8); stable across renders */
  expectedPriorIssues?: ReadonlyArray<{ itemId: string; problem: string }>;
  /** the same department's report of the year before: checked against (Q15) and shown beside */
  priorYear?: PriorYear | null;
}

export interface EditorModel {
  report: Report;
  setReport: React.Dispatch<React.SetStateAction<Report>>;
  live: LiveCheck;
  ctx: EditorContextValue;
  /** findings by path and the jumped-to field, for EditorMarksContext (what fields subscribe to) */
  marks: EditorMarks;
  /** the element the fields live in; jumps search inside it */
  mainRef: React.RefObject<HTMLDivElement | null>;
  jumpTo: (path: string) => void;
  /** Ctrl+Z / Ctrl+Y over the user's own edits (hooks/undo-history.ts) */
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

export function useEditorModel(o: EditorModelOptions): EditorModel {
  const [report, setReport] = useState<Report>(o.initial);
  const context = useMemo(
    () => (o.priorYear || o.expectedPriorIssues?.length ? { ...(o.priorYear ? { priorYear: o.priorYear } : {}), ...(o.expectedPriorIssues?.length ? { expectedPriorIssues: o.expectedPriorIssues } : {}) } : undefined),
    [o.priorYear, o.expectedPriorIssues],
  );
  const live = useLiveCheck(report, o.checkDelayMs, context);
  const marks = useMemo(() => new EditorMarks(), []);
  const mainRef = useRef<HTMLDivElement | null>(null);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onMissing = useRef(o.onMissing);
  onMissing.current = o.onMissing;
  const scope = o.scope;
  const waivers = o.waivers ?? NO_WAIVERS;

  const findingsByPath = useMemo(() => indexBy(live.findings, (f: Finding) => [normalizePath(f.path)]), [live.findings]);
  // fields follow their own findings through the marks store, before the browser paints
  useLayoutEffect(() => marks.setFindings(findingsByPath), [marks, findingsByPath]);
  const returnsByPath = useMemo(() => indexBy(o.activeReturn ? [o.activeReturn] : [], (r) => r.paths.map(normalizePath)), [o.activeReturn]);

  // The same rule the server applies on save (core/workflow/edit.ts): the department's whole-report scope
  // does not reach the finance section's opinion, which only the 归口科室 writes.
  const canEdit = useCallback((path: string) => canWrite(scope ?? null, path), [scope]);
  // the user's edits go through here and are recorded for undo; any other replacement of the report (a
  // merge, a reload, a new scope) starts a new history
  const history = useRef(new UndoHistory<Report>());
  const ours = useRef<Report>(report);
  const [, setHistoryTick] = useState(0);
  const edit = useCallback((path: string, fn: (r: Report) => Report) => {
    setReport((r) => {
      let next = fn(r);
      // an evaluator's 签字 cell follows the row's name: a renamed or new row carries no one's signature
      if (next !== r && path.startsWith('evaluators')) next = keepSignatureMarks(r, next);
      if (next !== r) {
        history.current.record(r, path, Date.now());
        ours.current = next;
      }
      return next;
    });
    setHistoryTick((n) => n + 1);
  }, []);
  const change = useCallback((path: string, value: unknown) => edit(path, (r) => setAt(r, path, value)), [edit]);
  const update = useCallback((path: string, fn: (old: unknown) => unknown, step?: string) => edit(step ?? path, (r) => setAt(r, path, fn(getAt(r, path)))), [edit]);
  const step = useCallback((direction: 'undo' | 'redo') => {
    setReport((r) => {
      const next = direction === 'undo' ? history.current.undo(r) : history.current.redo(r);
      if (next === null) return r;
      ours.current = next;
      return next;
    });
    setHistoryTick((n) => n + 1);
  }, []);
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);
  useLayoutEffect(() => {
    if (report !== ours.current) {
      history.current.clear();
      ours.current = report;
    }
  }, [report]);
  // what may be edited changed (a submit, a return): an undo must not reach back past it
  const scopeKey = JSON.stringify(scope ?? null);
  useLayoutEffect(() => history.current.clear(), [scopeKey]);

  const jumpTo = useCallback((path: string) => {
    const root = mainRef.current;
    if (root) {
      for (const p of selfAndAncestors(normalizePath(path))) {
        const el = root.querySelector<HTMLElement>(`[data-path="${attr(p)}"]`) ?? root.querySelector<HTMLElement>(`[data-also~="${attr(p)}"]`);
        if (!el) continue;
        marks.setActive(el.getAttribute('data-path'));
        el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
        el.querySelector<HTMLElement>('input:not([type=hidden]), textarea, [tabindex]:not([tabindex="-1"])')?.focus({ preventScroll: true });
        if (flashTimer.current) clearTimeout(flashTimer.current);
        flashTimer.current = setTimeout(() => marks.setActive(null), 4000);
        return;
      }
    }
    onMissing.current?.(path);
  }, [marks]);

  // the report's form: every section, label and table of the editor is its; it changes only with the template
  const form = useMemo(
    () => formOfReport(report),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [report.templateId, report.templateVersion],
  );
  const ctx = useMemo<EditorContextValue>(
    () => ({
      form,
      findingsAt: marks.findingsAt,
      returnsAt: (p) => returnsByPath.get(p) ?? [],
      returnsUnder: (prefix) =>
        [...returnsByPath.entries()].filter(([p]) => p !== prefix && isWithin(p, prefix)).flatMap(([path, rs]) => rs.map((record) => ({ path, record }))),
      waiverAt: (code, p) => waivers.find((w) => w.code === code && normalizePath(w.path) === p),
      canEdit,
      get activePath() {
        return marks.activePath();
      },
      jumpTo,
      change,
      update,
      priorYear: o.priorYear ?? null,
    }),
    [form, marks, returnsByPath, waivers, canEdit, jumpTo, change, update, o.priorYear],
  );

  return { report, setReport, live, ctx, marks, mainRef, jumpTo, undo, redo, canUndo: history.current.canUndo, canRedo: history.current.canRedo };
}
