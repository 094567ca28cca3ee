// 评分表模板列表: the templates installed with the server and the bureau's own uploads, every version,
// with the one the bureau has activated for each report kind marked.
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { activeTemplates } from '../repositories/templates';
import { assertBureauMember, registryOf, summaryOf, type TemplateSummary, visibleTo } from './templates-shared';

export async function listTemplates(deps: Deps, o: { actor: Actor }): Promise<TemplateSummary[]> {
  assertBureauMember(o.actor);
  const t = registryOf(deps);
  await t.sync();
  const active = await activeTemplates(deps.db.kysely, o.actor.bureauId);
  const all = t.registry.list().flatMap((latest) => t.registry.versions(latest.id));
  return all.filter((x) => visibleTo(deps, o.actor.bureauId!, x)).map((x) => summaryOf(deps, x, active));
}
