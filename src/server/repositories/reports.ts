// Reports: the document plus status, version and the columns lists need. Writes are conditional on
// the version they were based on (compare-and-set), so a stale write changes nothing.
import type { Report } from '../../core/model/report';
import type { Actor } from '../auth/actor';
import type { DB, Dialect, ReportTable } from '../db/schema';
import { prepared } from '../db/prepared';
import { decodeUtf8 } from '../utf8';
import { decodeJson, documentColumn, encodeJson, lazyDocument, type EncodedJson } from './json';

export interface ReportRow extends Omit<ReportTable, 'document'> {
  /** parsed on first read (repositories/json.ts lazyDocument) */
  document: Report;
  /** the document as stored (personal fields sealed), when the driver gave text: what a worker is sent */
  documentText: string | null;
  department_section_id: string | null;
}

export async function insertReport(db: DB, dialect: Dialect, row: Omit<ReportTable, 'document' | 'task_id' | 'carried' | 'project_name'> & { document: Report; task_id?: string | null; carried?: string | null; project_name?: string | null }): Promise<void> {
  await db.insertInto('reports').values({ ...row, document: encodeJson(dialect, row.document) }).execute();
}

/** Every column of reports but the document (read apart, see documentColumn); a new column must be added here. */
const COLUMNS = [
  'id', 'bureau_id', 'department_id', 'department_name', 'year', 'kind', 'template_id', 'status', 'version', 'self_score', 'grade', 'project_name',
  'finance_since', 'import_meta', 'created_by', 'created_at', 'updated_by', 'updated_at', 'task_id', 'carried',
] as const satisfies ReadonlyArray<keyof ReportTable>;
// a column in schema.ts missing from COLUMNS fails to compile here
const complete: Exclude<keyof ReportTable, (typeof COLUMNS)[number] | 'document'> extends never ? true : never = true;
void complete;

const reportById = prepared<{ id: string }, Omit<ReportRow, 'document'> & { document: unknown }>(['id'], (db, p) =>
  db
    .selectFrom('reports as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(COLUMNS.map((c) => `r.${c}` as const))
    .select([documentColumn(db, 'r.document').as('document'), 'd.section_id as department_section_id'])
    .where('r.id', '=', p.id));

export async function findReport(db: DB, id: string): Promise<ReportRow | undefined> {
  const row = (await reportById(db, { id })).rows[0];
  if (!row) return undefined;
  const raw = row.document;
  const documentText = raw instanceof Uint8Array ? decodeUtf8(raw) : typeof raw === 'string' ? raw : null;
  return lazyDocument({ ...row, documentText }, () => (documentText != null ? (JSON.parse(documentText) as Report) : decodeJson<Report>(raw)));
}

/** The columns access rules and ETags need, without the document: enough to answer 304 Not Modified. */
export type ReportHead = Pick<ReportRow, 'id' | 'bureau_id' | 'department_id' | 'department_section_id' | 'status' | 'version' | 'finance_since'>;

const headById = prepared<{ id: string }, ReportHead>(['id'], (db, p) =>
  db
    .selectFrom('reports as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.id', 'r.bureau_id', 'r.department_id', 'd.section_id as department_section_id', 'r.status', 'r.version', 'r.finance_since'])
    .where('r.id', '=', p.id));

export async function findReportHead(db: DB, id: string): Promise<ReportHead | undefined> {
  return (await headById(db, { id })).rows[0];
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
 * One page of the reports `actor` may see, in list order: year (newest first, reports without a year last),
 * department name, id. The same rules as auth/access.ts canSeeReport, as SQL. The order is read as a few
 * index ranges (ranges() below), each a seek in reports_department_list / reports_finance_list
 * (migrations 0003, 0041): a page costs the same however deep it is, and never touches report rows.
 */
export async function listVisibleReports(db: DB, actor: Actor, filter: ListFilter): Promise<ListItem[]> {
  const out: ListItem[] = [];
  for (const range of ranges(filter)) {
    out.push(...(await listQuery(db, actor, filter, range, filter.limit - out.length).execute()));
    if (out.length >= filter.limit) break;
  }
  return out;
}

/** A row's place in the list order: what a page's cursor names. */
export type ListKey = [year: number | null, departmentName: string, id: string];

export const listKey = (r: Pick<ListItem, 'year' | 'department_name' | 'id'>): ListKey => [r.year, r.department_name, r.id];

export interface ListFilter {
  year?: number;
  status?: string;
  limit: number;
  /** the key of the previous page's last row */
  after?: ListKey | null;
}

/** A stretch of the list order one index range holds: one year (from a name on), the years below one, or no year. */
export type ListRange =
  | { years: 'one'; year: number; after?: [string, string] }
  | { years: 'below'; year: number }
  | { years: 'any' }
  | { years: 'none'; after?: [string, string] };

/** The ranges that follow `filter.after`, in list order. */
export function ranges(filter: Pick<ListFilter, 'year' | 'after'>): ListRange[] {
  const a = filter.after;
  if (filter.year != null) {
    // the part of year Y that comes after the key in the list order
    if (!a || (a[0] != null && a[0] > filter.year)) return [{ years: 'one', year: filter.year }];
    if (a[0] === filter.year) return [{ years: 'one', year: filter.year, after: [a[1], a[2]] }];
    return [];
  }
  if (!a) return [{ years: 'any' }, { years: 'none' }];
  if (a[0] === null) return [{ years: 'none', after: [a[1], a[2]] }];
  return [{ years: 'one', year: a[0], after: [a[1], a[2]] }, { years: 'below', year: a[0] }, { years: 'none' }];
}

/** The list query for one range, for listVisibleReports and for the tests that check its plan. */
export function listQuery(db: DB, actor: Actor, filter: Pick<ListFilter, 'status'>, range: ListRange, limit: number) {
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
  if (filter.status) q = q.where('r.status', '=', filter.status);
  if (range.years === 'one') q = q.where('r.year', '=', range.year);
  else if (range.years === 'below') q = q.where('r.year', '<', range.year);
  else if (range.years === 'any') q = q.where('r.year', 'is not', null);
  else q = q.where('r.year', 'is', null);
  const after = 'after' in range ? range.after : undefined;
  if (after) q = q.where((eb) => eb(eb.refTuple('r.department_name', 'r.id'), '>', eb.tuple(after[0], after[1])));
  if (range.years === 'below' || range.years === 'any') q = q.orderBy('r.year', 'desc');
  return q.orderBy('r.department_name').orderBy('r.id').limit(limit);
}

export interface ContentUpdate {
  document: Report | EncodedJson;
  self_score: number | null;
  grade: string;
  project_name: string | null;
  updated_by: string;
  updated_at: string;
}

/** UPDATE … WHERE id = ? AND version = ?: true when this write won. */
type ContentArgs = Omit<ContentUpdate, 'document'> & { document: string; id: string; base: number; next: number };
const contentUpdate = prepared<ContentArgs, never>(['document', 'self_score', 'grade', 'project_name', 'updated_by', 'updated_at', 'id', 'base', 'next'], (db, p) =>
  db
    .updateTable('reports')
    .set({ document: p.document, self_score: p.self_score, grade: p.grade, project_name: p.project_name, updated_by: p.updated_by, updated_at: p.updated_at, version: p.next })
    .where('id', '=', p.id)
    .where('version', '=', p.base));

/** UPDATE … WHERE id = ? AND version = ?: true when this write won. */
export async function updateContent(db: DB, dialect: Dialect, id: string, baseVersion: number, u: ContentUpdate): Promise<boolean> {
  const r = await contentUpdate(db, { ...u, document: encodeJson(dialect, u.document), id, base: baseVersion, next: baseVersion + 1 });
  return Number(r.numAffectedRows) === 1;
}

/** UPDATE … WHERE id = ? AND status = ? AND version = ?: a transition happens exactly once. */
export async function updateStatus(
  db: DB,
  id: string,
  from: { status: string; version: number },
  to: { status: string; updated_by: string; updated_at: string; finance_since: string | null },
): Promise<boolean> {
  const r = await statusUpdate(db, { ...to, id, from: from.status, base: from.version, next: from.version + 1 });
  return Number(r.numAffectedRows) === 1;
}

type StatusArgs = { status: string; updated_by: string; updated_at: string; finance_since: string | null; id: string; from: string; base: number; next: number };
const statusUpdate = prepared<StatusArgs, never>(['status', 'updated_by', 'updated_at', 'finance_since', 'id', 'from', 'base', 'next'], (db, p) =>
  db
    .updateTable('reports')
    .set({ status: p.status, updated_by: p.updated_by, updated_at: p.updated_at, finance_since: p.finance_since, version: p.next })
    .where('id', '=', p.id)
    .where('status', '=', p.from)
    .where('version', '=', p.base));
