// What travels with a report through review: signatures, waivers (豁免) and returns (退回).
import type { DB, ReturnTable, SignatureTable, WaiverTable } from '../db/schema';

/** false when the same signer already signed the same content as the same role (signatures_once). */
export async function insertSignature(db: DB, row: SignatureTable): Promise<boolean> {
  const r = await db.insertInto('signatures').values(row)
    .onConflict((oc) => oc.columns(['report_id', 'role', 'user_id', 'report_hash']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function listSignatures(db: DB, reportId: string): Promise<SignatureTable[]> {
  return db.selectFrom('signatures').selectAll().where('report_id', '=', reportId).orderBy('created_at').orderBy('version').orderBy('id').execute();
}

export async function insertWaivers(db: DB, rows: WaiverTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('waivers').values(rows).execute();
}

/** Waivers of the latest submission that carried any: what the reviewer should read. */
export async function latestWaivers(db: DB, reportId: string): Promise<WaiverTable[]> {
  return db
    .selectFrom('waivers')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('version', '=', (eb) => eb.selectFrom('waivers as w').select((e) => e.fn.max('w.version').as('v')).where('w.report_id', '=', reportId))
    .orderBy('path')
    .execute();
}

/** Waivers given with the report's latest submit (none when that submit carried none). */
export async function lastSubmitWaivers(db: DB, reportId: string): Promise<WaiverTable[]> {
  return db
    .selectFrom('waivers')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('version', '=', (eb) => eb.selectFrom('report_versions as v').select((e) => e.fn.max('v.version').as('v')).where('v.report_id', '=', reportId).where('v.action', '=', 'submit'))
    .execute();
}

export async function insertReturn(db: DB, row: ReturnTable): Promise<void> {
  await db.insertInto('returns').values(row).execute();
}

/** The latest returns, newest first: a report sent back and forth all season must not grow every view. */
export async function listReturns(db: DB, reportId: string, limit = 50): Promise<ReturnTable[]> {
  return db.selectFrom('returns').selectAll().where('report_id', '=', reportId).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}
