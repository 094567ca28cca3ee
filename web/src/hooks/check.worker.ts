// The live check off the main thread: core's checkReport on each version of the report being edited, so
// typing never waits for the rules (≈10–30 ms of a report with 100 二级机构 and 400 indicators).
import '../zod-config';
import { checkReport } from '../../../src/core/check';
import { templates } from '../../../src/core/templates/index';
import type { Report } from '../../../src/core/model/report';
import type { LiveCheckContext } from './useLiveCheck';

/** A report to check, what to check against from now on (last year's report and 整改 items), or templates to know. */
export type CheckRequest = { seq: number; report: Report } | { context: LiveCheckContext | null } | { templates: readonly unknown[] };

let context: LiveCheckContext = {};

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  if ('templates' in e.data) {
    // a bureau's uploads, as the page fetched them (api/templates.ts ensureTemplate)
    for (const body of e.data.templates) templates.add(body, { source: 'upload' });
    return;
  }
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
