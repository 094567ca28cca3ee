// The live check off the main thread: core's checkReport on each version of the report being edited, so
// typing never waits for the rules (≈10–30 ms of a report with 100 二级机构 and 400 indicators).
import '../zod-config';
import { checkReport } from '../../../src/core/check';
import type { PriorYear } from '../../../src/core/library/prior-year';
import type { Report } from '../../../src/core/model/report';

/** A report to check, or last year's report to check against (rule Q15) from now on. */
export type CheckRequest = { seq: number; report: Report } | { priorYear: PriorYear | null };

let priorYear: PriorYear | null = null;

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  if ('priorYear' in e.data) {
    priorYear = e.data.priorYear;
    return;
  }
  const { seq, report } = e.data;
  try {
    postMessage({ seq, result: checkReport(report, priorYear ? { priorYear } : {}) });
  } catch (err) {
    postMessage({ seq, error: (err as Error).message ?? String(err) });
  }
};
