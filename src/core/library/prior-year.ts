// Last year's row of an indicator: the row of the same department's previous report that quotes the same
// library entry, or — for rows typed by hand or imported — the row of the same 二级 category with the same
// name (spaces and punctuation aside). Each of last year's rows answers for at most one row this year.
import { categoryOf } from '../model/indicator-category';
import type { Indicator } from '../model/report';
import { searchKey } from './search';

/** Last year's report as the rules and the editor need it. */
export interface PriorYear {
  year: number | null;
  indicators: readonly Indicator[];
}

export interface PriorMatch {
  indicator: Indicator;
  /** index in last year's list */
  index: number;
  /** library: the same libraryId; name: the same category and name */
  by: 'library' | 'name';
}

/** For each of this year's indicators, last year's row, or null. */
export function matchPriorYear(current: readonly Indicator[], prior: readonly Indicator[]): Array<PriorMatch | null> {
  const taken = new Set<number>();
  const out: Array<PriorMatch | null> = current.map(() => null);
  const byLibrary = new Map<string, number>();
  prior.forEach((p, j) => p.libraryId && !byLibrary.has(p.libraryId) && byLibrary.set(p.libraryId, j));
  current.forEach((c, i) => {
    const j = c.libraryId ? byLibrary.get(c.libraryId) : undefined;
    if (j === undefined || taken.has(j)) return;
    taken.add(j);
    out[i] = { indicator: prior[j]!, index: j, by: 'library' };
  });
  const nameKey = (x: Indicator) => `${categoryOf(x)}|${searchKey(x.name)}`;
  const byName = new Map<string, number[]>();
  prior.forEach((p, j) => {
    if (taken.has(j) || !searchKey(p.name)) return;
    const k = nameKey(p);
    byName.set(k, [...(byName.get(k) ?? []), j]);
  });
  current.forEach((c, i) => {
    if (out[i] || !searchKey(c.name)) return;
    const j = byName.get(nameKey(c))?.find((x) => !taken.has(x));
    if (j === undefined) return;
    taken.add(j);
    out[i] = { indicator: prior[j]!, index: j, by: 'name' };
  });
  return out;
}
