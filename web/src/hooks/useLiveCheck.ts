// The core's checkReport on the report as edited: the same pure code the server and the CLI run, so what
// the panel shows is what submission will be judged by. In the browser each edit goes to a Web Worker
// (check.worker.ts) at once: the main thread only paints, and the findings follow the keystroke within
// the check's own time; while one check runs, only the newest edit waits for the next. Where there is no
// worker (component tests) or it fails, the check runs here, shortly after typing stops.
import { useEffect, useRef, useState } from 'react';
import { checkReport, type CheckOptions, type CheckResult } from '../../../src/core/check';
import type { Report } from '../../../src/core/model/report';
import { fetchedTemplates } from '../api/templates';
import type { CheckRequest } from './check.worker';

export interface LiveCheck extends CheckResult {
  /** edits not yet reflected in the findings */
  pending: boolean;
  /** the checker threw on this content (the last good result stays) */
  failed: string | null;
}

/** What the checks need besides the report: last year's report (Q15), last year's 整改 items (X8). */
export type LiveCheckContext = Pick<CheckOptions, 'priorYear' | 'expectedPriorIssues'>;

type Outcome = CheckResult | Error;

function run(report: Report, context?: LiveCheckContext): Outcome {
  try {
    return checkReport(report, context ?? {});
  } catch (err) {
    return err as Error;
  }
}

const settle = (s: LiveCheck, r: Outcome, pending: boolean): LiveCheck =>
  r instanceof Error ? { ...s, pending, failed: r.message } : { ...r, pending, failed: null };

/** One worker per editor: it checks each report it is given, and of those that wait only the newest. */
class CheckWorker {
  private readonly worker: Worker;
  private seq = 0;
  private busy = false;
  private waiting: Report | null = null;
  constructor(onResult: (r: Outcome, more: boolean) => void, onFail: () => void) {
    this.worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: '绩效自评校验' });
    this.worker.onmessage = (e: MessageEvent<{ seq: number; result?: CheckResult; error?: string }>) => {
      this.busy = false;
      const next = this.waiting;
      this.waiting = null;
      if (next) this.post(next);
      // a result of an older version still shows, marked pending while the newest is checked
      onResult(e.data.error != null ? new Error(e.data.error) : e.data.result!, next != null);
    };
    this.worker.onerror = () => onFail();
  }
  /** last year's report and 整改 items: sent once, kept by the worker for every check after */
  setContext(context: LiveCheckContext | undefined): void {
    this.worker.postMessage({ context: context ?? null } satisfies CheckRequest);
  }
  check(report: Report): void {
    if (this.busy) this.waiting = report;
    else this.post(report);
  }
  private sentTemplates = 0;
  private post(report: Report): void {
    // a bureau's template loaded since the last check: the worker learns it before it checks with it
    const uploads = fetchedTemplates();
    if (uploads.length > this.sentTemplates) {
      this.worker.postMessage({ templates: uploads.slice(this.sentTemplates) } satisfies CheckRequest);
      this.sentTemplates = uploads.length;
    }
    this.busy = true;
    this.worker.postMessage({ seq: ++this.seq, report } satisfies CheckRequest);
  }
  stop(): void {
    this.worker.terminate();
  }
}

/** `context` must be stable (memoised): a new object re-sends it and re-runs the check. */
export function useLiveCheck(report: Report, delayMs = 250, context?: LiveCheckContext): LiveCheck {
  // the first findings come with the first paint, as the page opens
  const [state, setState] = useState<LiveCheck>(() => settle({ findings: [], score: null as never, pending: false, failed: null }, run(report, context), false));
  const worker = useRef<CheckWorker | null>(null);
  const [workerless, setWorkerless] = useState(typeof Worker === 'undefined');
  const first = useRef(true);

  useEffect(() => {
    if (workerless) return;
    try {
      const w = new CheckWorker((r, more) => setState((s) => settle(s, r, more)), () => setWorkerless(true));
      worker.current = w;
      return () => {
        w.stop();
        worker.current = null;
      };
    } catch {
      setWorkerless(true);
    }
  }, [workerless]);

  const sentContext = useRef<LiveCheckContext | undefined | null>(null);
  useEffect(() => {
    const w = worker.current;
    if (first.current) {
      first.current = false;
      if (w) (w.setContext(context), (sentContext.current = context));
      return;
    }
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    if (!workerless && w) {
      if (sentContext.current !== context) (w.setContext(context), (sentContext.current = context));
      w.check(report);
      return;
    }
    const t = setTimeout(() => setState((s) => settle(s, run(report, context), false)), delayMs);
    return () => clearTimeout(t);
  }, [report, delayMs, context, workerless]);
  return state;
}
