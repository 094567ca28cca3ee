// Autosave: a debounced PUT with If-Match of the version the edits are based on. A stale write (412)
// stops autosave and hands both versions to the merge dialog; failures keep the edits (in memory and
// in this browser) and retry with a growing delay; the user always sees which of these is happening.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Report } from '../../../src/core/model/report';
import { ApiError } from '../api/client';
import { saveReport } from '../api/reports';
import type { StaleBody } from '../api/types';
import { deepEqual } from '../lib/paths';
import { dropUnsaved, keepUnsaved } from '../lib/unsaved-store';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

export interface Base {
  version: number;
  report: Report;
}

export interface AutosaveOptions {
  id: string;
  /** the user may write now (edit scope not null) */
  enabled: boolean;
  local: Report;
  initialBase: Base;
  delayMs?: number;
  /** after every acknowledged save */
  onSaved?: (base: Base) => void;
}

export interface Autosave {
  status: SaveStatus;
  error: string | null;
  lastSavedAt: Date | null;
  base: Base;
  conflict: StaleBody['current'] | null;
  /** save now (optionally with this content); resolves with the saved base, or null when not saved */
  flush: (next?: Report) => Promise<Base | null>;
  retry: () => void;
  /** the server asked to confirm a save that empties most of the report (409 CONFIRMATION_REQUIRED) */
  needsConfirmation: boolean;
  /** the user confirmed: save this content once with confirmClear */
  confirmClear: () => void;
  /** after a merge or a reload: new base version, autosave resumes */
  resetBase: (base: Base) => void;
}

const RETRY_MS = [2000, 5000, 10000, 30000, 60000];

export function useAutosave(o: AutosaveOptions): Autosave {
  const { id, enabled, local, delayMs = 1200 } = o;
  const [base, setBaseState] = useState<Base>(o.initialBase);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<string | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState<StaleBody['current'] | null>(null);

  const baseRef = useRef(base);
  const localRef = useRef(local);
  const enabledRef = useRef(enabled);
  const onSavedRef = useRef(o.onSaved);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempts = useRef(0);
  const [needsConfirmation, setNeedsConfirmation] = useState(false);
  const confirmNext = useRef(false);
  const blocked = useRef(false);
  localRef.current = local;
  enabledRef.current = enabled;
  onSavedRef.current = o.onSaved;

  const dirty = () => localRef.current !== baseRef.current.report && !deepEqual(localRef.current, baseRef.current.report);
  const keep = () => keepUnsaved(id, { baseVersion: baseRef.current.version, base: baseRef.current.report, report: localRef.current });

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const saveOnce = useCallback(async (): Promise<boolean> => {
    if (blocked.current || !enabledRef.current) return !dirty();
    if (!dirty()) {
      dropUnsaved(id);
      setStatus('saved');
      return true;
    }
    const snapshot = localRef.current;
    const from = baseRef.current;
    setStatus('saving');
    try {
      const confirmClear = confirmNext.current;
      confirmNext.current = false;
      setNeedsConfirmation(false);
      const res = await saveReport(id, from.version, snapshot, { confirmClear });
      const next = { version: res.version, report: snapshot };
      baseRef.current = next;
      setBaseState(next);
      attempts.current = 0;
      setError(null);
      setLastSavedAt(new Date());
      onSavedRef.current?.(next);
      if (dirty()) {
        keep();
        setStatus('pending');
        return false;
      }
      dropUnsaved(id);
      setStatus('saved');
      return true;
    } catch (err) {
      keep();
      const e = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', '保存失败');
      if (e.status === 412 && (e.body as Partial<StaleBody>).current) {
        blocked.current = true;
        setConflict((e.body as unknown as StaleBody).current);
        setStatus('conflict');
        setError(e.message);
        return false;
      }
      setStatus('error');
      if (e.code === 'CONFIRMATION_REQUIRED') setNeedsConfirmation(true);
      if (e.status === 401) {
        setError('登录已失效，修改已暂存在本机，重新登录后可恢复');
        return false;
      }
      setError(e.offline ? '无法连接服务器，修改已暂存在本机，将自动重试' : e.message);
      // Server trouble and lost connections heal by themselves; a refusal (400/403/409) does not.
      if (e.offline || e.status >= 500) {
        const wait = RETRY_MS[Math.min(attempts.current, RETRY_MS.length - 1)]!;
        attempts.current += 1;
        clearTimer();
        timer.current = setTimeout(() => void runSave(), wait);
      }
      return false;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const runSave = useCallback(async (): Promise<boolean> => {
    clearTimer();
    while (inflight.current) await inflight.current;
    const p = saveOnce();
    inflight.current = p;
    try {
      return await p;
    } finally {
      inflight.current = null;
    }
  }, [saveOnce]);

  // Every edit (re)starts the debounce.
  useEffect(() => {
    if (!enabled || blocked.current) return;
    if (!dirty()) {
      if (!inflight.current) setStatus((s) => (s === 'error' ? s : 'saved'));
      return;
    }
    setStatus((s) => (s === 'saving' || s === 'error' ? s : 'pending'));
    clearTimer();
    timer.current = setTimeout(() => void runSave(), delayMs);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [local, enabled, delayMs, runSave]);

  useEffect(() => {
    const online = () => {
      if (dirty() && !blocked.current) void runSave();
    };
    const unload = (e: BeforeUnloadEvent) => {
      if (!dirty()) return;
      keep();
      e.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', unload);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', unload);
      clearTimer();
      if (dirty()) keep();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runSave]);

  const flush = useCallback(async (next?: Report) => {
    if (next) localRef.current = next;
    let ok = await runSave();
    // typed while the save was under way: one more round carries the rest
    if (!ok && !blocked.current && dirty()) ok = await runSave();
    return ok || !dirty() ? baseRef.current : null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runSave]);

  const retry = useCallback(() => {
    attempts.current = 0;
    void runSave();
  }, [runSave]);

  const confirmClear = useCallback(() => {
    confirmNext.current = true;
    attempts.current = 0;
    void runSave();
  }, [runSave]);

  const resetBase = useCallback((b: Base) => {
    baseRef.current = b;
    setBaseState(b);
    blocked.current = false;
    setConflict(null);
    setError(null);
    attempts.current = 0;
    if (dirty()) {
      setStatus('pending');
      clearTimer();
      timer.current = setTimeout(() => void runSave(), 50);
    } else {
      dropUnsaved(id);
      setStatus('saved');
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, runSave]);

  return { status, error, lastSavedAt, base, conflict, flush, retry, needsConfirmation, confirmClear, resetBase };
}
