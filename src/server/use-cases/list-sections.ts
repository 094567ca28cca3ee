// 科室列表, of one bureau or all.
import type { Deps } from '../deps';
import { listSections as all } from '../repositories/org';
import { assertOrgReader, sectionView, type OrgActor, type SectionView } from './org-shared';

export async function listSections(deps: Deps, o: { actor: OrgActor; bureauId?: string }): Promise<SectionView[]> {
  assertOrgReader(o.actor);
  return (await all(deps.db.kysely, o.bureauId)).map(sectionView);
}
