// 偏离度 = (自评 − 复核) / 复核: how far a department's claimed score sits above (positive) or below
// (negative) the finance bureau's 复核 score. Computed with decimal.js and kept as a fraction rounded to
// four places (0.1412 = 14.12%), per 评分表 item, per report, per department over the years and per 归口科室.
import { Dec } from '../scoring/decimal';

/** The fraction, or null when either score is missing or the 复核 score is 0 and the claim is not. */
export function deviation(self: number | null | undefined, review: number | null | undefined): number | null {
  if (self == null || review == null || !Number.isFinite(self) || !Number.isFinite(review)) return null;
  if (review === 0) return self === 0 ? 0 : null;
  return new Dec(self).minus(review).div(review).toDecimalPlaces(4).toNumber();
}

/** "+14.12%", "−3.50%", "0.00%", or "—". */
export function deviationText(d: number | null): string {
  if (d === null) return '—';
  const pct = new Dec(d).times(100).toDecimalPlaces(2);
  if (pct.isZero()) return '0.00%';
  return `${pct.isNegative() ? '−' : '+'}${pct.abs().toFixed(2)}%`;
}

export interface ScorePair {
  self: number | null;
  review: number | null;
}

export interface DeviationSummary {
  /** reports with both scores */
  count: number;
  /** (Σ自评 − Σ复核) / Σ复核 over those reports: a section's overall lean */
  pooled: number | null;
  /** mean of |偏离度| per report: how far off a typical claim is, whichever way */
  meanAbsolute: number | null;
}

export function summarize(pairs: readonly ScorePair[]): DeviationSummary {
  let count = 0;
  let selfSum = new Dec(0);
  let reviewSum = new Dec(0);
  let absSum = new Dec(0);
  let absCount = 0;
  for (const p of pairs) {
    if (p.self == null || p.review == null) continue;
    count++;
    selfSum = selfSum.plus(p.self);
    reviewSum = reviewSum.plus(p.review);
    const d = deviation(p.self, p.review);
    if (d !== null) {
      absSum = absSum.plus(Math.abs(d));
      absCount++;
    }
  }
  return {
    count,
    pooled: count ? deviation(selfSum.toNumber(), reviewSum.toNumber()) : null,
    meanAbsolute: absCount ? absSum.div(absCount).toDecimalPlaces(4).toNumber() : null,
  };
}

/** Groups pairs by a key (a section, a year) and summarises each group, in key order. */
export function summarizeBy<T extends ScorePair>(rows: readonly T[], key: (r: T) => string): Array<{ key: string; rows: T[] } & DeviationSummary> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, g]) => ({ key: k, rows: g, ...summarize(g) }));
}

export interface ItemDeviation {
  itemId: string;
  name: string;
  weight: number;
  /** the evaluation team's claimed item score (评分表 自评得分) */
  self: number | null;
  /** what Jixiao computes from the report; null when the report cannot support it */
  computed: number | null;
  review: number | null;
  deviation: number | null;
}
