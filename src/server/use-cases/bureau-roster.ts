// 本局名录: the sections and departments of the finance user's bureau, to pick a task's scope from and to
// name departments in the bureau's pages. Names and codes only, no report content.
import type { Deps } from '../deps';
import { listSections } from '../repositories/org';
import { financeScope, type BureauActor } from './bureau-shared';
import { departmentView, sectionView, type DepartmentView, type SectionView } from './org-shared';

export async function bureauRoster(deps: Deps, o: { actor: BureauActor; bureauId?: string }): Promise<{ sections: SectionView[]; departments: DepartmentView[] }> {
  const scope = o.actor ? financeScope(o.actor) : null;
  const bureauId = scope?.bureauId ?? o.bureauId ?? '';
  const db = deps.db.kysely;
  const sections = (await listSections(db, bureauId)).filter((s) => !scope?.sectionId || s.id === scope.sectionId || s.kind === 'performance');
  let q = db.selectFrom('departments').selectAll().where('bureau_id', '=', bureauId);
  if (scope?.sectionId) q = q.where('section_id', '=', scope.sectionId);
  const departments = await q.orderBy('budget_code').execute();
  return { sections: sections.map(sectionView), departments: departments.map(departmentView) };
}
