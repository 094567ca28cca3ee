// The core's checkReport on the report as edited, re-run shortly after typing stops. The same pure code
// the server and the CLI run, so what the panel shows is what submission will be judged by.
import { useEffect, useRef, useState } from 'react';
import { checkReport, type CheckResult } from '../../../src/core/check';
import type { PriorYear } from '../../../src/core/library/prior-year';
import type { Report } from '../../../src/core/model/report';

export interface LiveCheck extends CheckResult {
  /** edits not yet reflected in the findings */
  pending: boolean;
  /** the checker threw on this content (the last good result stays) */
  failed: string | null;
}

function run(report: Report, priorYear?: PriorYear): CheckResult | Error {
  try {
    return checkReport(report, priorYear ? { priorYear } : {});
  } catch (err) {
    return err as Error;
  }
}

export function useLiveCheck(report: Report, delayMs = 250, priorYear?: PriorYear): LiveCheck {
  const [state, setState] = useState<LiveCheck>(() => {
    const r = run(report, priorYear);
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
      const r = run(report, priorYear);
      setState((s) => (r instanceof Error ? { ...s, pending: false, failed: r.message } : { ...r, pending: false, failed: null }));
    }, delayMs);
    return () => clearTimeout(t);
  }, [report, delayMs, priorYear]);
  return state;
}
