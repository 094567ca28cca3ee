// The file an imported report came from (report_sources, migration 0061).
import type { DB, ReportSourceTable } from '../db/schema';

export async function insertSource(db: DB, row: ReportSourceTable): Promise<void> {
  await db.insertInto('report_sources').values(row).execute();
}

/** A file imported into an existing draft replaces the draft's source. */
export async function upsertSource(db: DB, row: ReportSourceTable): Promise<void> {
  const { report_id: _, ...rest } = row;
  await db.insertInto('report_sources').values(row).onConflict((oc) => oc.column('report_id').doUpdateSet(rest)).execute();
}

/** By report id, for one page of a list: primary-key reads, never the report rows. */
export async function sourcesOf(db: DB, reportIds: readonly string[]): Promise<Map<string, Pick<ReportSourceTable, 'file_name' | 'imported_at'>>> {
  if (!reportIds.length) return new Map();
  const rows = await db.selectFrom('report_sources').select(['report_id', 'file_name', 'imported_at']).where('report_id', 'in', [...reportIds]).execute();
  return new Map(rows.map((r) => [r.report_id, r]));
}
