// 批量导出 jobs and their files (batch_exports, batch_export_files; migration 0062).
import type { Insertable, Selectable } from 'kysely';
import type { BatchExportTable, DB } from '../db/schema';

export type BatchExportRow = Selectable<BatchExportTable>;

export async function insertBatchExport(db: DB, row: Insertable<BatchExportTable>): Promise<void> {
  await db.insertInto('batch_exports').values(row).execute();
}

export async function findBatchExport(db: DB, id: string): Promise<BatchExportRow | undefined> {
  return db.selectFrom('batch_exports').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Takes (or renews) the lease of a running job for `owner` until `until`: only when nobody holds it, the
 * holder's lease ran out, or `owner` holds it already. False when another server has it.
 */
export async function claimBatchExport(db: DB, o: { id: string; owner: string; now: string; until: string }): Promise<boolean> {
  const r = await db
    .updateTable('batch_exports')
    .set({ lease_owner: o.owner, lease_until: o.until })
    .where('id', '=', o.id)
    .where('state', '=', 'running')
    .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_owner', '=', o.owner), eb('lease_until', '<', o.now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Running jobs nobody holds, or whose holder's lease ran out (its server stopped or died). */
export async function orphanedBatchExports(db: DB, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('batch_exports')
    .select('id')
    .where('state', '=', 'running')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Records one more report processed — its file, if it made one — while `owner` still holds the job at
 * `done` reports: false (nothing written) when another server took it over meanwhile.
 */
export async function recordBatchStep(
  db: DB,
  o: { id: string; owner: string; done: number; file: { name: string; content: Buffer } | null; failed: string; until: string; now: string },
): Promise<boolean> {
  const r = await db
    .updateTable('batch_exports')
    .set({ done: o.done + 1, failed: o.failed, lease_until: o.until, updated_at: o.now })
    .where('id', '=', o.id)
    .where('lease_owner', '=', o.owner)
    .where('done', '=', o.done)
    .where('state', '=', 'running')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  if (o.file) await db.insertInto('batch_export_files').values({ job_id: o.id, seq: o.done, name: o.file.name, content: o.file.content }).execute();
  return true;
}

export async function finishBatchExport(db: DB, o: { id: string; owner: string; state: 'done' | 'failed'; now: string }): Promise<void> {
  await db
    .updateTable('batch_exports')
    .set({ state: o.state, lease_owner: null, lease_until: null, updated_at: o.now })
    .where('id', '=', o.id)
    .where('lease_owner', '=', o.owner)
    .execute();
}

/** Gives up this server's leases (it is stopping): the jobs are taken up at once by the next server. */
export async function releaseBatchExports(db: DB, owner: string): Promise<void> {
  await db.updateTable('batch_exports').set({ lease_owner: null, lease_until: null }).where('lease_owner', '=', owner).where('state', '=', 'running').execute();
}

export async function batchExportFiles(db: DB, id: string): Promise<Array<{ name: string; content: Buffer }>> {
  return db.selectFrom('batch_export_files').select(['name', 'content']).where('job_id', '=', id).orderBy('seq').execute();
}

/** Deletes jobs created before `before`, with their files. */
export async function deleteBatchExportsBefore(db: DB, before: string): Promise<void> {
  const old = db.selectFrom('batch_exports').select('id').where('created_at', '<', before);
  await db.deleteFrom('batch_export_files').where('job_id', 'in', old).execute();
  await db.deleteFrom('batch_exports').where('created_at', '<', before).execute();
}
