// One template version, whole: the editor in the browser checks and scores a report with exactly the
// template (and form) the report names, a bureau's upload included.
import type { Template } from '../../core/model/template';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { notFound } from '../errors';
import { assertBureauMember, registryOf, visibleTo } from './templates-shared';

export async function getTemplate(deps: Deps, o: { actor: Actor; id: string; version: number }): Promise<Template> {
  assertBureauMember(o.actor);
  const t = registryOf(deps);
  let found = t.registry.get(o.id, o.version);
  if (!found) {
    await t.sync();
    found = t.registry.get(o.id, o.version);
  }
  if (!found || !visibleTo(deps, o.actor.bureauId, found)) throw notFound('评分表模板');
  return found;
}
