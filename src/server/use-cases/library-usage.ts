// Keeping library_usage in step with report content: called by the use-cases that write a report's
// document (create, import, save), inside their transaction. Only a change to the set of quoted library ids
// (or to the year) touches the table, so an ordinary save costs nothing here.
import { quotedLibraryIds } from '../../core/library/quote';
import type { Report } from '../../core/model/report';
import type { DB } from '../db/schema';
import { syncUsage } from '../repositories/library';

export async function syncReportUsage(db: DB, row: { id: string; bureau_id: string; department_id: string }, before: Report | null, after: Report): Promise<void> {
  const ids = quotedLibraryIds(after.performance.indicators);
  if (before == null ? ids.length === 0 : before.year === after.year && sameSet(quotedLibraryIds(before.performance.indicators), ids)) return;
  await syncUsage(db, { ...row, year: after.year }, ids);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
