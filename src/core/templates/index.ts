// The shipped 评分表 templates. Each JSON file is validated once, here, at module load, then frozen so
// that the scoring engine may cache per template object; scoring itself never runs zod.
import type { Report } from '../model/report';
import { Template } from '../model/template';
import { templateProblems } from './check-template';
import dazhouOverall from './dazhou-overall.json';
import mof10Project from './mof-10-project.json';
import yueyangOverall from './yueyang-overall.json';

export const DEFAULT_TEMPLATE_ID = 'yueyang-overall';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Parses and checks template data; throws a Chinese error naming every problem. */
export function loadTemplate(data: unknown): Template {
  const parsed = Template.safeParse(data);
  const id = (data as { id?: unknown } | null)?.id;
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；');
    throw new Error(`评分表模板“${String(id)}”格式无效：${issues}`);
  }
  const problems = templateProblems(parsed.data);
  if (problems.length) throw new Error(`评分表模板“${parsed.data.id}”无效：${problems.join('；')}`);
  return deepFreeze(parsed.data);
}

const TEMPLATES: readonly Template[] = Object.freeze([yueyangOverall, mof10Project, dazhouOverall].map(loadTemplate));
const BY_ID = new Map(TEMPLATES.map((t) => [t.id, t]));

export function listTemplates(): readonly Template[] {
  return TEMPLATES;
}

export function getTemplate(id: string): Template {
  const t = BY_ID.get(id);
  if (!t) throw new Error(`未知的评分表模板“${id}”，可用模板：${TEMPLATES.map((x) => x.id).join('、')}`);
  return t;
}

/** The report's own template, or the Yueyang sheet when it names none we ship. */
export function defaultTemplateFor(report: Pick<Report, 'templateId'>): Template {
  return BY_ID.get(report.templateId) ?? getTemplate(DEFAULT_TEMPLATE_ID);
}
