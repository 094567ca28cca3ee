// The live check off the main thread: core's checkReport on each version of the report being edited, so
// typing never waits for the rules (≈10 ms of the 70 KB report, more on a slow office PC).
import '../zod-config';
import { checkReport } from '../../../src/core/check';
import type { Report } from '../../../src/core/model/report';

export interface CheckRequest {
  seq: number;
  report: Report;
}

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const { seq, report } = e.data;
  try {
    postMessage({ seq, result: checkReport(report) });
  } catch (err) {
    postMessage({ seq, error: (err as Error).message ?? String(err) });
  }
};
