// What the template use-cases share: who may manage a bureau's templates (its 绩效管理科), which templates
// a bureau sees (the installed ones and its own uploads), and the views the API returns.
import type { Template } from '../../core/model/template';
import type { ScoreNode } from '../../core/model/template';
import type { Actor } from '../auth/actor';
import type { BureauTemplateTable } from '../db/schema';
import type { Deps } from '../deps';
import { AppError, forbidden } from '../errors';
import type { ServerTemplates } from '../templates';

/** What names a template version: the same in the list and in the preview. */
export type TemplateHead = Pick<Template, 'id' | 'version' | 'name' | 'region' | 'kind' | 'years' | 'description'>;

export interface TemplateSummary extends TemplateHead {
  /** builtin / file: installed with the server; upload: the bureau's own */
  source: 'builtin' | 'file' | 'upload';
  versions: number[];
  /** this version is the bureau's active one for its kind */
  active: boolean;
  items: number;
  /** items the template leaves to be confirmed (not scored) */
  unknownItems: number;
}

export interface TemplatePreview extends TemplateHead {
  sections: string[];
  tables: string[];
  gradeBands: Array<{ min: number; label: string }>;
  items: Array<{ id: string; path: string[]; name: string; weight: number | null; status: ScoreNode['status']; rule: string | null; criteria: string }>;
}

/** A signed-in business user of a bureau; 三员 manage no templates and read none. */
export function assertBureauMember(actor: Actor): asserts actor is Actor & { bureauId: string } {
  if (actor.kind !== 'business' || actor.roles.length === 0) throw forbidden('系统管理员、安全管理员和审计管理员不能查看评分表模板');
  if (!actor.bureauId) throw new AppError('FORBIDDEN', '账户未归属任何财政局，请联系管理员');
}

/** The bureau's 绩效管理科: uploads, previews and activates its templates. */
export function assertTemplateAdmin(actor: Actor): asserts actor is Actor & { bureauId: string } {
  assertBureauMember(actor);
  if (!actor.roles.includes('perf_admin')) throw forbidden('只有绩效管理科可以上传、预览和启用评分表模板');
}

export function registryOf(deps: Deps): ServerTemplates {
  if (!deps.templates) throw new AppError('INTERNAL', '服务器未加载评分表模板');
  return deps.templates;
}

/** Installed with the server (files), or uploaded by this bureau: what it may see and use. */
export function visibleTo(deps: Deps, bureauId: string, t: Template): boolean {
  const o = registryOf(deps).registry.origin(t);
  return !o || o.source !== 'upload' || o.ref === bureauId;
}

function leaves(nodes: readonly ScoreNode[], path: string[] = [], out: TemplatePreview['items'] = []): TemplatePreview['items'] {
  for (const n of nodes) {
    const here = [...path, n.name];
    if (n.children?.length) leaves(n.children, here, out);
    else out.push({ id: n.id, path: here, name: n.name, weight: n.weight, status: n.status, rule: n.rule?.type ?? null, criteria: n.criteria ?? n.note ?? '' });
  }
  return out;
}

const headOf = (t: Template): TemplateHead => ({ id: t.id, version: t.version, name: t.name, region: t.region, kind: t.kind, years: t.years, description: t.description });

export function summaryOf(deps: Deps, t: Template, active: readonly BureauTemplateTable[]): TemplateSummary {
  const reg = registryOf(deps).registry;
  const items = leaves(t.scoreSheet);
  return {
    ...headOf(t),
    source: reg.origin(t)?.source ?? 'builtin',
    versions: reg.versions(t.id).map((v) => v.version),
    active: active.some((a) => a.kind === t.kind && a.template_id === t.id && a.template_version === t.version),
    items: items.length,
    unknownItems: items.filter((i) => i.status === 'unknown').length,
  };
}

export function previewOf(t: Template): TemplatePreview {
  const form = typeof t.form === 'object' ? t.form : undefined;
  return {
    ...headOf(t),
    sections: form?.sections.map((s) => s.label) ?? [],
    tables: form?.tables.map((x) => x.name) ?? [],
    gradeBands: t.gradeBands.map((b) => ({ min: b.min, label: b.label })),
    items: leaves(t.scoreSheet),
  };
}
