// Bureaus (财政局), sections (科室) and departments (预算部门/单位).
import type { BureauTable, DB, DepartmentTable, SectionTable } from '../db/schema';

export async function insertBureau(db: DB, row: BureauTable): Promise<void> {
  await db.insertInto('bureaus').values(row).execute();
}

export async function insertSection(db: DB, row: SectionTable): Promise<void> {
  await db.insertInto('sections').values(row).execute();
}

export async function insertDepartment(db: DB, row: DepartmentTable): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

export async function findBureau(db: DB, id: string): Promise<BureauTable | undefined> {
  return db.selectFrom('bureaus').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBureauByName(db: DB, name: string): Promise<BureauTable | undefined> {
  return db.selectFrom('bureaus').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function listBureaus(db: DB): Promise<BureauTable[]> {
  return db.selectFrom('bureaus').selectAll().orderBy('name').orderBy('id').execute();
}

export async function findSection(db: DB, id: string): Promise<SectionTable | undefined> {
  return db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSectionByName(db: DB, bureauId: string, name: string): Promise<SectionTable | undefined> {
  return db.selectFrom('sections').selectAll().where('bureau_id', '=', bureauId).where('name', '=', name).executeTakeFirst();
}

export async function listSections(db: DB, bureauId?: string): Promise<SectionTable[]> {
  let q = db.selectFrom('sections').selectAll();
  if (bureauId) q = q.where('bureau_id', '=', bureauId);
  return q.orderBy('bureau_id').orderBy('kind').orderBy('name').execute();
}

export async function findDepartment(db: DB, id: string): Promise<DepartmentTable | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDepartmentByCode(db: DB, bureauId: string, budgetCode: string): Promise<DepartmentTable | undefined> {
  return db.selectFrom('departments').selectAll().where('bureau_id', '=', bureauId).where('budget_code', '=', budgetCode).executeTakeFirst();
}

export interface DepartmentFilter {
  bureauId?: string;
  sectionId?: string;
  limit: number;
  /** the previous page's last [bureau_id, budget_code] (keyset paging, repositories/cursor.ts) */
  after?: [string, string] | null;
}

/** One page in 预算编码 order (the order departments appear in budget documents). */
export async function listDepartments(db: DB, f: DepartmentFilter): Promise<DepartmentTable[]> {
  let q = db.selectFrom('departments').selectAll();
  if (f.bureauId) q = q.where('bureau_id', '=', f.bureauId);
  if (f.sectionId) q = q.where('section_id', '=', f.sectionId);
  const after = f.after;
  if (after) q = q.where((eb) => eb(eb.refTuple('bureau_id', 'budget_code'), '>', eb.tuple(after[0], after[1])));
  return q.orderBy('bureau_id').orderBy('budget_code').limit(f.limit).execute();
}
