// 指标库 list: what this user may read — finance sections the whole bureau's library, a department the
// 共性指标 meant for it and its own 部门指标 — ranked by core's search when a query is given (otherwise in
// tree order), with each entry's use; `quotable` keeps what the department may quote into a report of `year`.
import type { LibraryEntry, LibraryScope, LibraryStatus } from '../../core/library/model';
import { searchLibrary } from '../../core/library/search';
import { libraryTree } from '../../core/library/tree';
import { quotable, usableBy } from '../../core/library/validity';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { departmentNames, listCategories, listEntries, usageOf } from '../repositories/library';
import { assertLibraryReader, entryView, isFinanceUser } from './library-shared';

export interface ListLibraryOptions {
  actor: Actor;
  q?: string;
  category?: string;
  scope?: LibraryScope;
  /** finance users: one department's 部门指标 */
  departmentId?: string;
  status?: LibraryStatus;
  /** only what the user's department may quote into its report of `year` */
  quotable?: boolean;
  year?: number;
  limit?: number;
  offset?: number;
}

export interface LibraryList {
  items: LibraryEntry[];
  nextOffset: number | null;
  total: number;
  categories: Array<{ category: string; count: number }>;
}

/** Rows a bureau's library search reads at most; far more than a bureau keeps. */
const MAX_ROWS = 5000;

export async function listLibrary(deps: Deps, o: ListLibraryOptions): Promise<LibraryList> {
  const actor = o.actor;
  assertLibraryReader(actor);
  const db = deps.db.kysely;
  const finance = isFinanceUser(actor);
  const department = finance ? null : actor.departmentId;
  const rows = await listEntries(db, {
    bureauId: actor.bureauId,
    scope: o.scope,
    departmentId: finance ? o.departmentId : undefined,
    visibleTo: department ?? undefined,
    status: o.quotable ? 'active' : o.status,
    category: o.category,
    max: MAX_ROWS,
  });
  const [usage, names, categories] = await Promise.all([
    usageOf(db, rows.map((r) => r.id)),
    departmentNames(db, rows.flatMap((r) => (r.department_id ? [r.department_id] : []))),
    listCategories(db, actor.bureauId),
  ]);
  let entries = rows.map((r) => entryView(r, usage.get(r.id), r.department_id ? names.get(r.department_id) ?? null : null));
  if (department) entries = entries.filter((e) => usableBy(e, department) && (!o.quotable || quotable(e, { departmentId: department, year: o.year ?? null })));
  const ordered = o.q?.trim() ? searchLibrary(entries, { q: o.q }) : libraryTree(entries).flatMap((l1) => l1.children.flatMap((l2) => l2.entries));
  const limit = Math.min(Math.max(o.limit ?? 200, 1), 1000);
  const offset = Math.max(o.offset ?? 0, 0);
  return {
    items: ordered.slice(offset, offset + limit),
    nextOffset: offset + limit < ordered.length ? offset + limit : null,
    total: ordered.length,
    categories,
  };
}
