// The live check off the main thread: core's checkReport on each version of the report being edited, so
// typing never waits for the rules (≈10–30 ms of a report with 100 二级机构 and 400 indicators).
import '../zod-config';
import { checkReport } from '../../../src/core/check';
import type { Report } from '../../../src/core/model/report';
import type { LiveCheckContext } from './useLiveCheck';

/** A report to check, or what to check against from now on (last year's report and 整改 items). */
export type CheckRequest = { seq: number; report: Report } | { context: LiveCheckContext | null };

let context: LiveCheckContext = {};

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  if ('context' in e.data) {
    context = e.data.context ?? {};
    return;
  }
  const { seq, report } = e.data;
  try {
    postMessage({ seq, result: checkReport(report, context) });
  } catch (err) {
    postMessage({ seq, error: (err as Error).message ?? String(err) });
  }
};
