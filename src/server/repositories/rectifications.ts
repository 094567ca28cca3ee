// 整改通知, their items and evidence files.
import type { DB } from '../db/schema';
import type { EvidenceFileTable, RectificationItemTable, RectificationNoticeTable } from '../db/schema-bureau';

export async function insertNotice(db: DB, notice: RectificationNoticeTable, items: RectificationItemTable[]): Promise<void> {
  await db.insertInto('rectification_notices').values(notice).execute();
  await db.insertInto('rectification_items').values(items).execute();
}

export async function findNotice(db: DB, id: string): Promise<RectificationNoticeTable | undefined> {
  return db.selectFrom('rectification_notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NoticeFilter {
  bureauId: string;
  departmentId?: string;
  sectionId?: string;
  taskId?: string;
  year?: number;
  status?: 'open' | 'closed';
}

export async function listNotices(db: DB, f: NoticeFilter): Promise<Array<RectificationNoticeTable & { department_name: string }>> {
  let q = db
    .selectFrom('rectification_notices as n')
    .innerJoin('departments as d', 'd.id', 'n.department_id')
    .selectAll('n')
    .select('d.name as department_name')
    .where('n.bureau_id', '=', f.bureauId);
  if (f.departmentId) q = q.where('n.department_id', '=', f.departmentId);
  if (f.sectionId) q = q.where('d.section_id', '=', f.sectionId);
  if (f.taskId) q = q.where('n.task_id', '=', f.taskId);
  if (f.year != null) q = q.where('n.year', '=', f.year);
  if (f.status) q = q.where('n.status', '=', f.status);
  return q.orderBy('n.issued_at', 'desc').orderBy('n.id').execute();
}

export async function listItems(db: DB, noticeIds: readonly string[]): Promise<RectificationItemTable[]> {
  if (!noticeIds.length) return [];
  return db.selectFrom('rectification_items').selectAll().where('notice_id', 'in', noticeIds).orderBy('notice_id').orderBy('seq').execute();
}

export async function findItem(db: DB, id: string): Promise<RectificationItemTable | undefined> {
  return db.selectFrom('rectification_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateItem(db: DB, id: string, baseVersion: number, set: Partial<Omit<RectificationItemTable, 'id' | 'notice_id' | 'version'>>): Promise<boolean> {
  const r = await db.updateTable('rectification_items').set({ ...set, version: baseVersion + 1 }).where('id', '=', id).where('version', '=', baseVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setNoticeStatus(db: DB, id: string, status: 'open' | 'closed', closedAt: string | null): Promise<void> {
  await db.updateTable('rectification_notices').set({ status, closed_at: closedAt }).where('id', '=', id).execute();
}

/** Items of a department's notices for one evaluation year (what next year's report must answer). */
export async function itemsOfYear(db: DB, departmentId: string, year: number): Promise<Array<RectificationItemTable & { title: string }>> {
  return db
    .selectFrom('rectification_items as i')
    .innerJoin('rectification_notices as n', 'n.id', 'i.notice_id')
    .selectAll('i')
    .select('n.title')
    .where('n.department_id', '=', departmentId)
    .where('n.year', '=', year)
    .orderBy('n.issued_at')
    .orderBy('n.id')
    .orderBy('i.seq')
    .execute();
}

/** Open items (not accepted) per department of a bureau. */
export async function openItemCounts(db: DB, bureauId: string, departmentIds?: readonly string[]): Promise<Map<string, number>> {
  let q = db
    .selectFrom('rectification_items as i')
    .innerJoin('rectification_notices as n', 'n.id', 'i.notice_id')
    .select(['n.department_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('n.bureau_id', '=', bureauId)
    .where('i.status', '!=', 'accepted');
  if (departmentIds) {
    if (!departmentIds.length) return new Map();
    q = q.where('n.department_id', 'in', departmentIds);
  }
  const rows = await q.groupBy('n.department_id').execute();
  return new Map(rows.map((r) => [r.department_id, Number(r.n)]));
}

export async function insertEvidence(db: DB, row: EvidenceFileTable): Promise<void> {
  await db.insertInto('evidence_files').values(row).execute();
}

export async function listEvidence(db: DB, itemIds: readonly string[]): Promise<Array<Omit<EvidenceFileTable, 'content'>>> {
  if (!itemIds.length) return [];
  return db
    .selectFrom('evidence_files')
    .select(['id', 'item_id', 'file_name', 'format', 'size', 'sha256', 'uploaded_by', 'uploaded_at'])
    .where('item_id', 'in', itemIds)
    .orderBy('uploaded_at')
    .execute();
}

export async function findEvidence(db: DB, id: string): Promise<EvidenceFileTable | undefined> {
  return db.selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirst();
}
