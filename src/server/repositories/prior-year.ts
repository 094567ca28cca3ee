// The same department's report of another year: the heads of its reports of that year (access columns,
// status, version: from the list index) and, for the one chosen, its document.
import type { Report } from '../../core/model/report';
import type { DB } from '../db/schema';
import { decodeJson, documentColumn } from './json';
import type { ReportHead } from './reports';

export async function departmentYearHeads(db: DB, departmentId: string, year: number): Promise<Array<ReportHead & { year: number | null; updated_at: string }>> {
  return db
    .selectFrom('reports as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.id', 'r.bureau_id', 'r.department_id', 'd.section_id as department_section_id', 'r.status', 'r.version', 'r.finance_since', 'r.year', 'r.updated_at'])
    .where('r.department_id', '=', departmentId)
    .where('r.year', '=', year)
    .execute();
}

export async function reportDocument(db: DB, id: string): Promise<Report | undefined> {
  const row = await db.selectFrom('reports').select(documentColumn(db, 'document').as('document')).where('id', '=', id).executeTakeFirst();
  return row ? decodeJson<Report>(row.document) : undefined;
}
