// 指标库 entries and their use by reports. Writes of an entry are conditional on the version they were
// based on (compare-and-set), like report saves; usage is one row per (entry, report).
import type { DB, LibraryIndicatorTable } from '../db/schema';

export async function insertEntry(db: DB, row: LibraryIndicatorTable): Promise<void> {
  await db.insertInto('library_indicators').values(row).execute();
}

export async function findEntry(db: DB, id: string): Promise<LibraryIndicatorTable | undefined> {
  return db.selectFrom('library_indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export type EntryUpdate = Partial<Omit<LibraryIndicatorTable, 'id' | 'bureau_id' | 'scope' | 'department_id' | 'owner_key' | 'version' | 'created_by' | 'created_at'>> & { updated_by: string; updated_at: string };

/** UPDATE … WHERE id = ? AND version = ?: true when this write won. */
export async function updateEntry(db: DB, id: string, baseVersion: number, u: EntryUpdate): Promise<boolean> {
  const r = await db.updateTable('library_indicators').set({ ...u, version: baseVersion + 1 }).where('id', '=', id).where('version', '=', baseVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface EntryFilter {
  bureauId: string;
  scope?: 'common' | 'department';
  /** a department's own 部门指标 only */
  departmentId?: string;
  /** what this department may read: 共性指标 and its own 部门指标, plus those shared with it */
  visibleTo?: string;
  status?: 'active' | 'retired';
  category?: string;
  /** rows read at most: a bureau's library is searched in memory (core/library search) */
  max: number;
}

/** A bureau's entries by filter, in tree order of the stored names (ranking is core's). */
export async function listEntries(db: DB, f: EntryFilter): Promise<LibraryIndicatorTable[]> {
  let q = db.selectFrom('library_indicators').selectAll().where('bureau_id', '=', f.bureauId);
  if (f.scope) q = q.where('scope', '=', f.scope);
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.visibleTo) {
    const dept = f.visibleTo;
    // usable_by is a JSON array of ids; ids are UUIDs (letters, digits, '-'), so the quoted id is a safe pattern
    const quoted = `%"${dept.replace(/[%_\\"]/g, '')}"%`;
    q = q.where((eb) => eb.or([eb('scope', '=', 'common'), eb('department_id', '=', dept), eb('usable_by', 'like', quoted)]));
  }
  return q.orderBy('level1').orderBy('level2').orderBy('name').orderBy('id').limit(f.max).execute();
}

/** The 指标分类 used in a bureau's library, with how many entries each has. */
export async function listCategories(db: DB, bureauId: string): Promise<Array<{ category: string; count: number }>> {
  const rows = await db.selectFrom('library_indicators').select(['category', (eb) => eb.fn.countAll<number>().as('count')])
    .where('bureau_id', '=', bureauId).where('category', '!=', '').groupBy('category').orderBy('category').execute();
  return rows.map((r) => ({ category: r.category, count: Number(r.count) }));
}

export interface Usage {
  reports: number;
  departments: number;
  lastYear: number | null;
}

/** How many reports (and departments) quote each entry, and the latest year. */
export async function usageOf(db: DB, ids: readonly string[]): Promise<Map<string, Usage>> {
  const out = new Map<string, Usage>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('library_usage')
      .select((eb) => ['library_id', eb.fn.countAll<number>().as('reports'), eb.fn.count<number>('department_id').distinct().as('departments'), eb.fn.max('year').as('last_year')])
      .where('library_id', 'in', ids.slice(i, i + 500)).groupBy('library_id').execute();
    for (const r of rows) out.set(r.library_id, { reports: Number(r.reports), departments: Number(r.departments), lastYear: r.last_year == null ? null : Number(r.last_year) });
  }
  return out;
}

/**
 * The report's usage rows become exactly its quoted entries of its own bureau (ids from elsewhere — a file
 * exported by another installation — count nowhere). Called inside the transaction that saves the report.
 */
export async function syncUsage(db: DB, report: { id: string; bureau_id: string; department_id: string; year: number | null }, libraryIds: readonly string[]): Promise<void> {
  await db.deleteFrom('library_usage').where('report_id', '=', report.id).execute();
  const wanted = [...new Set(libraryIds)];
  if (wanted.length === 0) return;
  const known = await db.selectFrom('library_indicators').select('id').where('bureau_id', '=', report.bureau_id).where('id', 'in', wanted).execute();
  if (known.length === 0) return;
  await db.insertInto('library_usage').values(known.map((k) => ({ library_id: k.id, report_id: report.id, department_id: report.department_id, year: report.year }))).execute();
}

/** Department names by id, for the 部门指标 the list shows. */
export async function departmentNames(db: DB, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of these ids are departments of the bureau. */
export async function bureauDepartments(db: DB, bureauId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('departments').select('id').where('bureau_id', '=', bureauId).where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}
