// 部门列表, page by page: a province holds tens of thousands of budget units.
import type { Deps } from '../deps';
import { decodeCursor, encodeCursor, isString } from '../repositories/cursor';
import { listDepartments as page } from '../repositories/org';
import { assertOrgReader, departmentView, type DepartmentView, type OrgActor } from './org-shared';

export interface ListDepartmentsOptions {
  actor: OrgActor;
  bureauId?: string;
  sectionId?: string;
  limit?: number;
  /** the previous page's `next` */
  after?: string;
}

export async function listDepartments(deps: Deps, o: ListDepartmentsOptions): Promise<{ items: DepartmentView[]; next: string | null }> {
  assertOrgReader(o.actor);
  const limit = Math.min(Math.max(o.limit ?? 500, 1), 5000);
  const after = o.after ? decodeCursor<[string, string]>(o.after, [isString, isString]) : null;
  // one extra row tells whether another page exists without a COUNT(*)
  const rows = await page(deps.db.reader, { bureauId: o.bureauId, sectionId: o.sectionId, limit: limit + 1, after });
  const last = rows.length > limit ? rows[limit - 1]! : null;
  return { items: rows.slice(0, limit).map(departmentView), next: last ? encodeCursor([last.bureau_id, last.budget_code]) : null };
}
