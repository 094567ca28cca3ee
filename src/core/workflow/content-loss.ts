// A save that would empty a filled report (issue 13 §6: `{"report":{}}` blanked a report in one save) is
// refused unless the user confirms it. "Filled" counts what a person wrote: non-empty text, numbers,
// amounts, list entries; a report with little in it can be cleared freely.
import type { Report } from '../model/report';

/** How many values a person filled in (provenance and defaults not counted). Iterative, never recursive. */
export function filledCount(report: Report): number {
  let n = 0;
  const stack: unknown[] = [{ ...report, sources: undefined, schemaVersion: undefined, kind: undefined, templateId: undefined }];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') n += v.trim() ? 1 : 0;
    else if (typeof v === 'number' || typeof v === 'boolean') n += 1;
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return n;
}

export interface ContentLoss {
  before: number;
  after: number;
}

/**
 * The loss when a save keeps less than a fifth of a report that had at least `minFilled` values, else
 * null. Deliberate edits (clearing a section, deleting rows) keep far more than that.
 */
export function drasticLoss(before: Report, after: Report, minFilled = 20): ContentLoss | null {
  const b = filledCount(before);
  if (b < minFilled) return null;
  const a = filledCount(after);
  return a * 5 < b ? { before: b, after: a } : null;
}
