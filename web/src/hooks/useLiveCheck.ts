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

function run(report: Report, options?: CheckOptions): CheckResult | Error {
  try {
    return checkReport(report, options);
  } catch (err) {
    return err as Error;
  }
}

/** `options` must be stable (memoised): the check re-runs when the report changes, not when they do. */
export function useLiveCheck(report: Report, delayMs = 250, options?: CheckOptions): LiveCheck {
  const [state, setState] = useState<LiveCheck>(() => {
    const r = run(report, options);
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
      const r = run(report, options);
      setState((s) => (r instanceof Error ? { ...s, pending: false, failed: r.message } : { ...r, pending: false, failed: null }));
    }, delayMs);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report, delayMs]);
  return state;
}
