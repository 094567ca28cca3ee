// Reports: the document plus status, version and the columns lists need. Writes are conditional on
// the version they were based on (compare-and-set), so a stale write changes nothing.
import type { Report } from '../../core/model/report';
import type { Actor } from '../auth/actor';
import type { DB, Dialect, ReportTable } from '../db/schema';
import { decodeJson, encodeJson, lazyDocument, type EncodedJson } from './json';

export interface ReportRow extends Omit<ReportTable, 'document'> {
  /** parsed on first read (repositories/json.ts lazyDocument) */
  document: Report;
  /** the document as stored (personal fields sealed), when the driver gave text: what a worker is sent */
  documentText: string | null;
  department_section_id: string | null;
}

export async function insertReport(db: DB, dialect: Dialect, row: Omit<ReportTable, 'document' | 'task_id' | 'carried'> & { document: Report; task_id?: string | null; carried?: string | null }): Promise<void> {
  await db.insertInto('reports').values({ ...row, document: encodeJson(dialect, row.document) }).execute();
}

export async function findReport(db: DB, id: string): Promise<ReportRow | undefined> {
  const row = await db
    .selectFrom('reports as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .selectAll('r')
    .select('d.section_id as department_section_id')
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const raw = row.document;
  return lazyDocument({ ...row, documentText: typeof raw === 'string' ? raw : null }, () => decodeJson<Report>(raw));
}

/** The columns access rules and ETags need, without the document: enough to answer 304 Not Modified. */
export type ReportHead = Pick<ReportRow, 'id' | 'bureau_id' | 'department_id' | 'department_section_id' | 'status' | 'version' | 'finance_since'>;

export async function findReportHead(db: DB, id: string): Promise<ReportHead | undefined> {
  return db
    .selectFrom('reports as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.id', 'r.bureau_id', 'r.department_id', 'd.section_id as department_section_id', 'r.status', 'r.version', 'r.finance_since'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export interface ListItem {
  id: string;
  year: number | null;
  department_id: string;
  department_name: string;
  status: string;
  version: number;
  self_score: number | null;
  grade: string;
  template_id: string;
  updated_at: string;
}

/**
 * The reports `actor` may see; the same rules as auth/access.ts canSeeReport, as SQL. Every selected and
 * filtered column is in reports_department_list / reports_finance_list (migration 0003-read-indexes), so a page is read
 * from an index in order, never from the report rows.
 */
export async function listVisibleReports(db: DB, actor: Actor, filter: ListFilter): Promise<ListItem[]> {
  return listQuery(db, actor, filter).execute();
}

export interface ListFilter {
  year?: number;
  status?: string;
  limit: number;
  offset: number;
}

/** The list query itself, for listVisibleReports and for the tests that check its plan. */
export function listQuery(db: DB, actor: Actor, filter: ListFilter) {
  const dept = actor.roles.some((r) => r === 'preparer' || r === 'evaluator' || r === 'leader' || r === 'head');
  let q = db
    .selectFrom('reports as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.id', 'r.year', 'r.department_id', 'r.department_name', 'r.status', 'r.version', 'r.self_score', 'r.grade', 'r.template_id', 'r.updated_at'])
    .where((eb) => {
      const ors = [];
      if (dept && actor.departmentId) ors.push(eb('r.department_id', '=', actor.departmentId));
      const finance = [eb('r.finance_since', 'is not', null), eb('r.bureau_id', '=', actor.bureauId ?? '')];
      if (actor.roles.includes('perf_admin')) ors.push(eb.and(finance));
      if (actor.roles.includes('reviewer') && actor.sectionId) ors.push(eb.and([...finance, eb('d.section_id', '=', actor.sectionId)]));
      return ors.length > 0 ? eb.or(ors) : eb.lit(false);
    });
  if (filter.year != null) q = q.where('r.year', '=', filter.year);
  if (filter.status) q = q.where('r.status', '=', filter.status);
  return q.orderBy('r.year', 'desc').orderBy('r.department_name').orderBy('r.id').limit(filter.limit).offset(filter.offset);
}

export interface ContentUpdate {
  document: Report | EncodedJson;
  self_score: number | null;
  grade: string;
  updated_by: string;
  updated_at: string;
}

/** UPDATE … WHERE id = ? AND version = ?: true when this write won. */
export async function updateContent(db: DB, dialect: Dialect, id: string, baseVersion: number, u: ContentUpdate): Promise<boolean> {
  const r = await db
    .updateTable('reports')
    .set({ ...u, document: encodeJson(dialect, u.document), version: baseVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** UPDATE … WHERE id = ? AND status = ? AND version = ?: a transition happens exactly once. */
export async function updateStatus(
  db: DB,
  id: string,
  from: { status: string; version: number },
  to: { status: string; updated_by: string; updated_at: string; finance_since?: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('reports')
    .set({ ...to, version: from.version + 1 })
    .where('id', '=', id)
    .where('status', '=', from.status)
    .where('version', '=', from.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
