// A report path in the words of the form: "二、收支情况 · 三公经费表 · 局机关 · 公务接待费".
// Used wherever a path is shown to a person: merge dialog, history diff, return reasons, the server's
// validation messages. Every word is the report's form descriptor's (section short names, field labels,
// table and column names).
import { type FormDescriptor, findField, sectionOfRoot, shortLabel, table } from '../forms/index';
import type { Report } from '../model/report';
import type { ScoreNode } from '../model/template';
import { defaultForm, formFor, templateFor } from '../templates/index';
import { parsePath } from './report-paths';

/** Which grid column of the form names each field of an indicator. */
const INDICATOR_COLUMN: Record<string, string> = {
  level1: 'level1',
  level2: 'level2',
  name: 'name',
  kind: 'nature',
  operator: 'nature',
  target: 'target',
  targetValue: 'target',
  unit: 'unit',
  actual: 'actual',
  actualValue: 'actual',
  deviationReason: 'reason',
  weight: 'weight',
  score: 'score',
};

const clip = (s: string, n = 14) => (s.length > n ? `${s.slice(0, n)}…` : s);

function leafName(report: Report | null, id: string): string | undefined {
  if (!report) return undefined;
  try {
    const find = (nodes: readonly ScoreNode[]): ScoreNode | undefined => {
      for (const n of nodes) {
        const hit = n.id === id ? n : find(n.children ?? []);
        if (hit) return hit;
      }
      return undefined;
    };
    return find(templateFor(report).scoreSheet)?.name;
  } catch {
    return undefined;
  }
}

/** Indicator fields the printed form has no column for: named by the module that adds them. */
const INDICATOR_EXTRA: Record<string, string> = { libraryId: '指标库引用' };

/** The report's form; a report whose template is not loaded here yet is described in the default form. */
export function formOfReport(report: Report | null): FormDescriptor {
  if (!report) return defaultForm();
  try {
    return formFor(report);
  } catch {
    return defaultForm();
  }
}

export function describePath(report: Report | null, path: string, form: FormDescriptor = formOfReport(report)): string {
  const t = parsePath(path);
  const [root, a, b, c] = t;
  if (root === undefined) return '整份报告';
  const sec = sectionOfRoot(form, String(root));
  const section = sec?.short ?? String(root);
  const join = (...parts: Array<string | undefined | false>) => [section, ...parts].filter(Boolean).join(' · ');
  if (root === 'finance' && typeof a === 'string') {
    let shape;
    try {
      shape = table(form, a);
    } catch {
      return join(a);
    }
    if (typeof b !== 'number') return join(shape.def.name);
    const row = report?.finance[a as keyof Report['finance']]?.[b];
    const rowName = row ? (row.kind === 'summary' ? shape.rows.summary.label : row.institution || `第${b + 1}行`) : `第${b + 1}行`;
    const col = typeof c === 'string' ? (c === 'institution' ? shape.rows.header : (shape.byKey.get(c)?.qualified ?? c)) : undefined;
    return join(shape.def.name, rowName, col);
  }
  const grid = form.indicators;
  if (root === 'performance' && a === 'indicators' && typeof b === 'number') {
    const ind = report?.performance.indicators[b];
    const name = ind?.name ? `“${clip(ind.name)}”` : '';
    const col = typeof c === 'string' ? grid.columns.find((x) => x.key === INDICATOR_COLUMN[c])?.label ?? INDICATOR_EXTRA[c] ?? c : undefined;
    return join(`${grid.short}第${b + 1}项${name}`, col);
  }
  if (root === 'performance' && a === 'qualitative' && typeof b === 'number') {
    const q = grid.qualitative;
    return join(`${q.short}第${b + 1}项`, c === 'target' ? q.target : c === 'result' ? q.result : undefined);
  }
  if (root === 'signoffs' && typeof a === 'string') {
    const block = form.people.blocks.find((x) => x.key === a);
    if (!block) return join(a);
    return join(block.opinion ?? block.signer, typeof b === 'string' ? (block.fields[b as keyof typeof block.fields] ?? b) : undefined);
  }
  if (root === 'evaluators' && typeof a === 'number') {
    const ev = form.people.evaluators;
    return join(`第${a + 1}${ev.item}`, typeof b === 'string' ? ev.columns.find((x) => x.key === b)?.label ?? b : undefined);
  }
  if (root === 'narrative' && typeof a === 'number') return join(report?.narrative[a]?.heading || `第${a + 1}部分`);
  if (root === 'scoreSheet') {
    const id = typeof a === 'number' ? report?.scoreSheet[a]?.itemId : typeof a === 'string' ? t.slice(1).join('.') : undefined;
    return join(id ? (leafName(report, id) ?? id) : undefined);
  }
  const key = t.slice(0, 2).join('.');
  if (root === 'performance' && a === 'indicators') return join(grid.short);
  if (root === 'performance' && a === 'qualitative') return join(grid.qualitative.short);
  if (root === 'evaluators') return join(form.people.evaluators.label);
  const f = findField(form, key) ?? findField(form, String(root));
  if (!f) return section;
  const name = shortLabel(form, f.path);
  if (f.type === 'list' && typeof b === 'number') return join(name, `${f.item ?? ''}${b + 1}`);
  return name !== section ? join(name) : section;
}

/** The form's label of a field, by path: what the editor, the score panel and messages call it. */
export function fieldLabel(form: FormDescriptor, path: string): string {
  return findField(form, path)?.label ?? path;
}
