// A department's 项目支出绩效自评表 of a year: the rows a 部门整体 report lists beside itself.
import type { Report } from '../../core/model/report';
import type { DB } from '../db/schema';
import { decodeJson } from './json';
import type { ReportHead } from './reports';

export interface ProjectRow extends ReportHead {
  document: Report;
  import_meta: string | null;
  documentText: string | null;
  updated_at: string;
}

export async function departmentProjects(db: DB, departmentId: string, year: number): Promise<ProjectRow[]> {
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.id', 'r.bureau_id', 'r.department_id', 'd.section_id as department_section_id', 'r.status', 'r.version', 'r.finance_since', 'r.document', 'r.import_meta', 'r.updated_at'])
    .where('r.department_id', '=', departmentId)
    .where('r.year', '=', year)
    .where('r.kind', '=', 'project')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, document: decodeJson<Report>(r.document), documentText: typeof r.document === 'string' ? r.document : null }));
}
