// The core's checkReport on the report as edited, re-run shortly after typing stops. The same pure code
// the server and the CLI run, so what the panel shows is what submission will be judged by.
import { useEffect, useRef, useState } from 'react';
import { checkReport, type CheckOptions, type CheckResult } from '../../../src/core/check';
import type { Report } from '../../../src/core/model/report';

export interface LiveCheck extends CheckResult {
  /** edits not yet reflected in the findings */
  pending: boolean;
  /** the checker threw on this content (the last good result stays) */
  failed: string | null;
}

/** What the checks need besides the report: last year's report (Q15), last year's 整改 items (X8). */
export type LiveCheckContext = Pick<CheckOptions, 'priorYear' | 'expectedPriorIssues'>;

function run(report: Report, context?: LiveCheckContext): CheckResult | Error {
  try {
    return checkReport(report, context ?? {});
  } catch (err) {
    return err as Error;
  }
}

/** `context` must be stable (memoised): a new object re-runs the check. */
export function useLiveCheck(report: Report, delayMs = 250, context?: LiveCheckContext): LiveCheck {
  const [state, setState] = useState<LiveCheck>(() => {
    const r = run(report, context);
    return r instanceof Error
      ? { findings: [], score: null as never, pending: false, failed: r.message }
      : { ...r, pending: false, failed: null };
  });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const t = setTimeout(() => {
      const r = run(report, context);
      setState((s) => (r instanceof Error ? { ...s, pending: false, failed: r.message } : { ...r, pending: false, failed: null }));
    }, delayMs);
    return () => clearTimeout(t);
  }, [report, delayMs, context]);
  return state;
}
