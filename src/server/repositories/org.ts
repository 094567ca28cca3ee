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

export async function findDepartment(db: DB, id: string): Promise<DepartmentTable | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSection(db: DB, id: string): Promise<SectionTable | undefined> {
  return db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
}
