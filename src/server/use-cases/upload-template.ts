// 上传评分表模板: the bureau's 绩效管理科 stores a template file as a new version of one of its own
// template ids. A stored version never changes: the same file again is a no-op, other content under the
// same version is refused. Ids of the templates installed with the server are not the bureau's to extend.
import { createHash } from 'node:crypto';
import type { Template } from '../../core/model/template';
import { checkTemplateText, formatProblems } from '../../io/templates/check-text';
import type { Actor } from '../auth/actor';
import { nowIso, type Deps } from '../deps';
import { AppError } from '../errors';
import { activeTemplates, findTemplate, insertTemplate, templateOwner } from '../repositories/templates';
import { by, inTransaction } from './shared';
import { assertTemplateAdmin, registryOf, summaryOf, type TemplateSummary } from './templates-shared';

const MAX_TEXT = 2 * 1024 * 1024;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Why this bureau cannot store the template (null when it can, or already has exactly this file). */
export async function uploadConflict(deps: Deps, bureauId: string, t: Template, text: string): Promise<string | null> {
  const reg = registryOf(deps).registry;
  const origin = reg.versions(t.id).map((v) => reg.origin(v)).find(Boolean);
  if (origin && origin.source !== 'upload') return `模板编号“${t.id}”是服务器安装的模板，本局上传的模板请使用自己的编号（例如 ${t.id}-本地区）`;
  const owner = await templateOwner(deps.db.kysely, t.id);
  if (owner && owner !== bureauId) return `模板编号“${t.id}”已被其他财政局使用，请换一个编号`;
  const stored = await findTemplate(deps.db.kysely, t.id, t.version);
  if (stored && stored.sha256 !== sha(text)) return `“${t.id}”第${t.version}版已存在且内容不同；修改后的模板须提高 version（已有第${reg.versions(t.id).map((v) => v.version).join('、')}版）`;
  return null;
}

export async function uploadTemplate(deps: Deps, o: { actor: Actor; text: string }): Promise<{ created: boolean; template: TemplateSummary }> {
  assertTemplateAdmin(o.actor);
  if (o.text.length > MAX_TEXT) throw new AppError('VALIDATION', '模板文件过大（最多 2 MB）');
  const t = registryOf(deps);
  await t.sync();
  const { template, problems } = checkTemplateText(o.text, t.registry);
  if (!template) {
    throw new AppError('VALIDATION', `模板有 ${problems.length} 处问题，未保存：${formatProblems('模板', problems.slice(0, 3)).join('；')}`, { problems });
  }
  const conflict = await uploadConflict(deps, o.actor.bureauId, template, o.text);
  if (conflict) throw new AppError('CONFLICT', conflict);
  const db = deps.db.kysely;
  const stored = await findTemplate(db, template.id, template.version);
  if (!stored) {
    await inTransaction(deps, async (trx, audit) => {
      await insertTemplate(trx, {
        id: template.id, version: template.version, bureau_id: o.actor.bureauId!, name: template.name, kind: template.kind,
        body: o.text, sha256: sha(o.text), uploaded_by: o.actor.id, uploaded_at: nowIso(deps.clock),
      });
      await audit({ ...by(o.actor), event: 'template_upload', objectType: 'template', objectId: `${template.id}@${template.version}`, detail: { name: template.name, kind: template.kind, sha256: sha(o.text) } });
    });
  }
  const added = t.registry.add(JSON.parse(o.text), { source: 'upload', ref: o.actor.bureauId });
  return { created: !stored, template: summaryOf(deps, added, await activeTemplates(db, o.actor.bureauId)) };
}
