// 部门列表, page by page: a province holds tens of thousands of budget units.
import type { Deps } from '../deps';
import { listDepartments as page } from '../repositories/org';
import { assertOrgReader, departmentView, type DepartmentView, type OrgActor } from './org-shared';

export interface ListDepartmentsOptions {
  actor: OrgActor;
  bureauId?: string;
  sectionId?: string;
  limit?: number;
  offset?: number;
}

export async function listDepartments(deps: Deps, o: ListDepartmentsOptions): Promise<{ items: DepartmentView[]; nextOffset: number | null }> {
  assertOrgReader(o.actor);
  const limit = Math.min(Math.max(o.limit ?? 500, 1), 5000);
  const offset = Math.max(o.offset ?? 0, 0);
  // one extra row tells whether another page exists without a COUNT(*)
  const rows = await page(deps.db.kysely, { bureauId: o.bureauId, sectionId: o.sectionId, limit: limit + 1, offset });
  return { items: rows.slice(0, limit).map(departmentView), nextOffset: rows.length > limit ? offset + limit : null };
}
