// 财政局列表 for the administrators (structure only, never report content).
import type { Deps } from '../deps';
import { listBureaus as all } from '../repositories/org';
import { assertOrgReader, bureauView, type BureauView, type OrgActor } from './org-shared';

export async function listBureaus(deps: Deps, o: { actor: OrgActor }): Promise<BureauView[]> {
  assertOrgReader(o.actor);
  return (await all(deps.db.kysely)).map(bureauView);
}
