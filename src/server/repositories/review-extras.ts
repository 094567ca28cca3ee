// What the bureau adds around a report after submission: the 复核, the replies under returns, the
// revocations of a publication, and the per-version figures (report_stats).
import type { DB } from '../db/schema';
import type { RescoreTable, ReportStatsTable, ReturnReplyTable, RevocationTable } from '../db/schema-bureau';

export async function findRescore(db: DB, reportId: string): Promise<RescoreTable | undefined> {
  return db.selectFrom('rescores').selectAll().where('report_id', '=', reportId).executeTakeFirst();
}

export async function insertRescore(db: DB, row: RescoreTable): Promise<void> {
  await db.insertInto('rescores').values(row).execute();
}

export async function updateRescore(db: DB, id: string, baseVersion: number, set: Partial<Omit<RescoreTable, 'id' | 'report_id' | 'version'>>): Promise<boolean> {
  const r = await db.updateTable('rescores').set({ ...set, version: baseVersion + 1 }).where('id', '=', id).where('version', '=', baseVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Finished 复核 totals of many reports at once (boards, dashboards, sampling). */
export async function rescoreTotals(db: DB, reportIds: readonly string[]): Promise<Map<string, { total: number | null; grade: string }>> {
  const out = new Map<string, { total: number | null; grade: string }>();
  for (let i = 0; i < reportIds.length; i += 500) {
    const rows = await db.selectFrom('rescores').select(['report_id', 'total', 'grade']).where('report_id', 'in', reportIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.report_id, { total: r.total, grade: r.grade });
  }
  return out;
}

export async function insertReply(db: DB, row: ReturnReplyTable): Promise<void> {
  await db.insertInto('return_replies').values(row).execute();
}

export async function listReplies(db: DB, reportId: string): Promise<ReturnReplyTable[]> {
  return db.selectFrom('return_replies').selectAll().where('report_id', '=', reportId).orderBy('created_at').orderBy('id').execute();
}

export async function insertRevocation(db: DB, row: RevocationTable): Promise<void> {
  await db.insertInto('revocations').values(row).execute();
}

export async function listRevocations(db: DB, reportId: string): Promise<RevocationTable[]> {
  return db.selectFrom('revocations').selectAll().where('report_id', '=', reportId).orderBy('created_at').execute();
}

export async function findStats(db: DB, keys: ReadonlyArray<{ id: string; version: number }>): Promise<Map<string, ReportStatsTable>> {
  const out = new Map<string, ReportStatsTable>();
  for (let i = 0; i < keys.length; i += 500) {
    const ids = keys.slice(i, i + 500).map((k) => k.id);
    if (!ids.length) continue;
    for (const r of await db.selectFrom('report_stats').selectAll().where('report_id', 'in', ids).execute()) out.set(`${r.report_id}@${r.version}`, r);
  }
  return out;
}

export async function insertStats(db: DB, rows: ReportStatsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await db.insertInto('report_stats').values(rows.slice(i, i + 100)).onConflict((oc) => oc.columns(['report_id', 'version']).doNothing()).execute();
}
