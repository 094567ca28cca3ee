// 启用评分表模板: the bureau's new reports of the template's kind are made with this version from now on.
// Reports already made keep the version they name.
import type { Actor } from '../auth/actor';
import { nowIso, type Deps } from '../deps';
import { notFound } from '../errors';
import { activeTemplates, setActiveTemplate } from '../repositories/templates';
import { by, inTransaction } from './shared';
import { assertTemplateAdmin, registryOf, summaryOf, type TemplateSummary, visibleTo } from './templates-shared';

export async function activateTemplate(deps: Deps, o: { actor: Actor; id: string; version: number }): Promise<TemplateSummary> {
  assertTemplateAdmin(o.actor);
  const t = registryOf(deps);
  await t.sync();
  const template = t.registry.get(o.id, o.version);
  if (!template || !visibleTo(deps, o.actor.bureauId, template)) throw notFound('评分表模板');
  await inTransaction(deps, async (trx, audit) => {
    await setActiveTemplate(trx, {
      bureau_id: o.actor.bureauId!, kind: template.kind, template_id: template.id, template_version: template.version,
      activated_by: o.actor.id, activated_at: nowIso(deps.clock),
    });
    await audit({ ...by(o.actor), event: 'template_activate', objectType: 'template', objectId: `${template.id}@${template.version}`, detail: { kind: template.kind, bureauId: o.actor.bureauId } });
  });
  return summaryOf(deps, template, await activeTemplates(deps.db.kysely, o.actor.bureauId));
}
