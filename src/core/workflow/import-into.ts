// Importing a file into an existing draft (issue 11 §3): what the file would change, field by field, and
// the two ways to take it — 替换 (the draft becomes the file's content) or 合并 (the file's filled-in values
// win; where the file leaves a field empty, the draft keeps what it has). The draft's year, kind and
// template stay: the file fills a report, it does not make another one.
import type { Report } from '../model/report';
import { setAt } from '../paths';
import { diffValues, type FieldChange } from './diff';

export type ImportMode = 'replace' | 'merge';

export interface ImportChange extends FieldChange {
  /** taken by 合并 too (the file has a value here), not only by 替换 */
  merged: boolean;
}

/** Empty as a form reads it: nothing typed. Zero is a value. */
export function isBlank(v: unknown): boolean {
  if (v == null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.every(isBlank);
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).every(isBlank);
  return false;
}

/**
 * The file's report with the draft's identity (year, kind, template), and the draft's 上年问题整改 items when
 * the file has none: those come from the bureau's 整改 notices, not from the department's file.
 */
function asDraft(current: Report, imported: Report): Report {
  const priorIssues = imported.priorIssues?.length ? imported.priorIssues : current.priorIssues;
  return { ...imported, year: current.year, kind: current.kind, templateId: current.templateId, templateVersion: current.templateVersion, priorIssues } as Report;
}

export function importChanges(current: Report, imported: Report): ImportChange[] {
  return diffValues(current, asDraft(current, imported)).map((c) => ({ ...c, merged: !isBlank(c.after) }));
}

export function importedDocument(current: Report, imported: Report, mode: ImportMode): Report {
  const target = asDraft(current, imported);
  if (mode === 'replace') return target;
  let doc = current;
  for (const c of importChanges(current, imported)) if (c.merged) doc = setAt(doc, c.path, c.after);
  return doc;
}
