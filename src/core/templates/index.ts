// The templates a process knows: the shipped ones (compiled in, so core runs without I/O, in the browser
// too) plus whatever the server or the CLI adds from a templates directory or a bureau's uploads
// (io/templates). Templates are keyed by id and version; a report resolves to the version it was made
// with, so a new version never changes what a stored report means. Each is validated once, when it is
// added, then frozen so that scoring may cache per template object; scoring itself never runs zod.
import type { FormDescriptor } from '../forms/schema';
import { formProblems } from '../forms/check';
import type { Report } from '../model/report';
import { Template } from '../model/template';
import { scoreSheetProblems } from './check-template';
import dazhouOverall from './dazhou-overall.json';
import dazhouOverallForm from './dazhou-overall.v2.json';
import hunanOverall from './hunan-overall.json';
import mof10Project from './mof-10-project.json';
import mof10ProjectForm from './mof-10-project.v2.json';
import { parsePathText, pathText, type TemplateProblem, zodProblems } from './problems';
import yueyangOverall from './yueyang-overall.json';

export const DEFAULT_TEMPLATE_ID = 'yueyang-overall';
/** The form of a template that names none: the Yueyang 部门整体 form as version 1 has it. */
export const DEFAULT_FORM_REF = `${DEFAULT_TEMPLATE_ID}@1`;

/** Template data that cannot be used, with every problem at its JSON path. */
export class TemplateError extends Error {
  constructor(
    readonly templateId: string,
    readonly problems: readonly TemplateProblem[],
    readonly kind: 'format' | 'content' | 'conflict',
  ) {
    const what = kind === 'format' ? '格式无效' : kind === 'conflict' ? '与已有版本冲突' : '无效';
    super(`评分表模板“${templateId}”${what}：${problems.map((p) => (p.path.length ? `${pathText(p.path)}: ${p.message}` : p.message)).join('；')}`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const key = (id: string, version: number) => `${id}@${version}`;

/** Where a template came from: built in, a file, a bureau's upload. */
export interface TemplateOrigin {
  source: 'builtin' | 'file' | 'upload';
  /** file path, or the uploading bureau's id */
  ref?: string;
}

export class TemplateRegistry {
  private readonly byKey = new Map<string, Template>();
  private readonly latestById = new Map<string, Template>();
  private readonly canonical = new Map<string, string>();
  private readonly origins = new WeakMap<Template, TemplateOrigin>();

  /**
   * Validates template data against this registry (a form reference must resolve here) and returns the
   * frozen template with its form resolved, without adding it. Throws TemplateError.
   */
  validate(data: unknown): Template {
    const id = String((data as { id?: unknown } | null)?.id ?? '');
    const parsed = Template.safeParse(data);
    if (!parsed.success) throw new TemplateError(id, zodProblems(parsed.error, data), 'format');
    const t = parsed.data;
    const problems: TemplateProblem[] = [...scoreSheetProblems(t)];
    let form: FormDescriptor | undefined;
    if (t.form && typeof t.form === 'object') {
      form = t.form;
      for (const p of formProblems(t.form)) problems.push({ path: parsePathText(p.at), message: p.message });
    } else {
      // no form of its own: the default form, at the version it had when such templates were written
      const refText = t.form ?? DEFAULT_FORM_REF;
      const [refId, refVersion] = refText.split('@') as [string, string];
      const ref = this.get(refId, Number(refVersion));
      if (ref) form = this.formOf(ref);
      else problems.push({ path: ['form'], message: `引用的表单“${refText}”不存在（须先有该模板的这一版本）` });
    }
    if (problems.length || !form) throw new TemplateError(t.id, problems, 'content');
    return deepFreeze({ ...t, form });
  }

  /**
   * Adds a template. The same id and version again with the same content is a no-op; with other content
   * it is refused: a version, once reports use it, never changes.
   */
  add(data: unknown, origin: TemplateOrigin = { source: 'builtin' }): Template {
    const t = this.validate(data);
    const k = key(t.id, t.version);
    const text = JSON.stringify(t);
    const known = this.byKey.get(k);
    if (known) {
      if (this.canonical.get(k) === text) return known;
      throw new TemplateError(t.id, [{ path: ['version'], message: `第${t.version}版已存在且内容不同；修改后的模板须提高 version` }], 'conflict');
    }
    this.byKey.set(k, t);
    this.canonical.set(k, text);
    this.origins.set(t, origin);
    const latest = this.latestById.get(t.id);
    if (!latest || latest.version < t.version) this.latestById.set(t.id, t);
    return t;
  }

  /** Every template of another registry, already validated, with its origin (a server's own registry starts so). */
  adoptAll(from: TemplateRegistry): void {
    for (const latest of from.list()) {
      for (const t of from.versions(latest.id)) {
        const k = key(t.id, t.version);
        if (this.byKey.has(k)) continue;
        this.byKey.set(k, t);
        this.canonical.set(k, from.canonical.get(k)!);
        const o = from.origin(t);
        if (o) this.origins.set(t, o);
        const cur = this.latestById.get(t.id);
        if (!cur || cur.version < t.version) this.latestById.set(t.id, t);
      }
    }
  }

  /** The template with this id, at this version (default: the latest). */
  get(id: string, version?: number | null): Template | undefined {
    return version == null ? this.latestById.get(id) : this.byKey.get(key(id, version));
  }

  /** Like get, but a Chinese error naming what exists when it is missing. */
  require(id: string, version?: number | null): Template {
    const t = this.get(id, version);
    if (t) return t;
    if (this.latestById.has(id)) {
      const have = this.versions(id).map((v) => `第${v.version}版`).join('、');
      throw new Error(`评分表模板“${id}”没有第${version}版（现有：${have}）`);
    }
    throw new Error(`未知的评分表模板“${id}”，可用模板：${this.list().map((x) => x.id).join('、')}`);
  }

  /** The latest version of every template, in the order they were first added. */
  list(): Template[] {
    return [...this.latestById.values()];
  }

  versions(id: string): Template[] {
    return [...this.byKey.values()].filter((t) => t.id === id).sort((a, b) => a.version - b.version);
  }

  origin(t: Template): TemplateOrigin | undefined {
    return this.origins.get(t);
  }

  /** A template's form: its own, the one it names, or the default template's. */
  formOf(t: Template): FormDescriptor {
    if (t.form && typeof t.form === 'object') return t.form;
    if (typeof t.form === 'string') {
      const [id, v] = t.form.split('@') as [string, string];
      const ref = this.get(id, Number(v));
      if (ref) return this.formOf(ref);
    }
    return this.defaultForm();
  }

  defaultForm(): FormDescriptor {
    const [id, v] = DEFAULT_FORM_REF.split('@') as [string, string];
    const t = this.get(id, Number(v));
    if (!t || typeof t.form !== 'object') throw new Error(`缺少默认表单（模板“${DEFAULT_FORM_REF}”）`);
    return t.form;
  }
}

/** The process's registry, holding the shipped templates from the start. */
export const templates = new TemplateRegistry();
for (const data of [yueyangOverall, mof10Project, dazhouOverall, mof10ProjectForm, hunanOverall, dazhouOverallForm]) templates.add(data);

/** Parses and checks template data against the process's registry; throws TemplateError. */
export function loadTemplate(data: unknown): Template {
  return templates.validate(data);
}

export function listTemplates(): readonly Template[] {
  return templates.list();
}

export function getTemplate(id: string, version?: number | null): Template {
  return templates.require(id, version);
}

/** The form a template's reports are written on. */
export function formOf(t: Template): FormDescriptor {
  return templates.formOf(t);
}

/**
 * The form a report is judged on with a template: the template's own when it is a form of the report's
 * kind, else the report's (a 部门整体 report scored against the 10号 weights keeps its 部门整体 form).
 */
export function judgingForm(report: Pick<Report, 'kind' | 'templateId'> & { templateVersion?: number | null }, template: Template): FormDescriptor {
  const own = formOf(template);
  return own.kind === (report.kind ?? 'overall') ? own : formFor(report);
}

/** The default form (the Yueyang 部门整体 report), for what has no template of its own. */
export function defaultForm(): FormDescriptor {
  return templates.defaultForm();
}

/**
 * The report's own template at the version it was made with; a template id no one here knows falls back
 * to the Yueyang sheet (an imported or old report), a known id at an unknown version is an error.
 */
export function templateFor(report: Pick<Report, 'templateId'> & { templateVersion?: number | null }): Template {
  if (!templates.get(report.templateId)) return templates.require(...(DEFAULT_FORM_REF.split('@').map((x, i) => (i ? Number(x) : x)) as [string, number]));
  return templates.require(report.templateId, report.templateVersion);
}

/** The report's own template, or the Yueyang sheet when it names none we know (latest versions). */
export function defaultTemplateFor(report: Pick<Report, 'templateId'>): Template {
  return templates.get(report.templateId) ?? templates.require(DEFAULT_TEMPLATE_ID);
}

/** The form of the report's own template. */
export function formFor(report: Pick<Report, 'templateId'> & { templateVersion?: number | null }): FormDescriptor {
  return formOf(templateFor(report));
}
