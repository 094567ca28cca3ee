// Who may quote an entry, and for which years: the rules the server filters by and the editor shows.
import type { LibraryEntry } from './model';

export type Availability = Pick<LibraryEntry, 'scope' | 'departmentId' | 'usableBy' | 'validFrom' | 'validTo' | 'status'>;

/** Valid for 评价年度 `year` (any year when the report has none yet). */
export function validIn(e: Pick<LibraryEntry, 'validFrom' | 'validTo'>, year: number | null): boolean {
  if (year == null) return true;
  return (e.validFrom == null || e.validFrom <= year) && (e.validTo == null || year <= e.validTo);
}

/** A 共性指标 is for every department unless it names some; a 部门指标 for its own and those it names. */
export function usableBy(e: Pick<LibraryEntry, 'scope' | 'departmentId' | 'usableBy'>, departmentId: string): boolean {
  if (e.scope === 'department' && e.departmentId === departmentId) return true;
  if (e.scope === 'common' && e.usableBy.length === 0) return true;
  return e.usableBy.includes(departmentId);
}

/** What the department's report of `year` may quote: active, valid that year, and meant for it. */
export function quotable(e: Availability, o: { departmentId: string; year: number | null }): boolean {
  return e.status === 'active' && validIn(e, o.year) && usableBy(e, o.departmentId);
}

/** "2021–2023年度", "2022年度起", "至2023年度", "长期有效". */
export function validityText(e: Pick<LibraryEntry, 'validFrom' | 'validTo'>): string {
  if (e.validFrom != null && e.validTo != null) return e.validFrom === e.validTo ? `${e.validFrom}年度` : `${e.validFrom}–${e.validTo}年度`;
  if (e.validFrom != null) return `${e.validFrom}年度起`;
  if (e.validTo != null) return `至${e.validTo}年度`;
  return '长期有效';
}
