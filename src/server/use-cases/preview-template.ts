// 模板预览: a template file checked before it is stored — its problems by line, in Chinese, or what it
// holds (sections, tables, every 评分表 item with its weight and rule, the grade bands).
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { checkTemplateText, type LineProblem } from '../../io/templates/check-text';
import { assertTemplateAdmin, previewOf, registryOf, type TemplatePreview } from './templates-shared';
import { uploadConflict } from './upload-template';

export interface TemplateCheck {
  valid: boolean;
  problems: LineProblem[];
  preview: TemplatePreview | null;
  /** why it cannot be stored although it is a valid template (an id another bureau or the server owns …) */
  conflict: string | null;
}

export async function previewTemplate(deps: Deps, o: { actor: Actor; text: string }): Promise<TemplateCheck> {
  assertTemplateAdmin(o.actor);
  const t = registryOf(deps);
  await t.sync();
  const { template, problems } = checkTemplateText(o.text, t.registry);
  if (!template) return { valid: false, problems, preview: null, conflict: null };
  return { valid: true, problems: [], preview: previewOf(template), conflict: await uploadConflict(deps, o.actor.bureauId, template, o.text) };
}
