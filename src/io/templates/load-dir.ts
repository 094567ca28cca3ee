// Templates installed as files: the shipped directory (src/core/templates) and a bureau's own
// (JIXIAO_TEMPLATES_DIR). Every *.json there is added to the registry, so a new 评分表 or form dropped in
// is used without a code change. Files naming another template's form are added after it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Template } from '../../core/model/template';
import { TemplateError, type TemplateRegistry, templates } from '../../core/templates/index';
import { checkTemplateText, type LineProblem } from './check-text';

/** The directory the shipped templates live in. */
export const SHIPPED_TEMPLATES_DIR = fileURLToPath(new URL('../../core/templates/', import.meta.url));

export interface DirLoad {
  loaded: Template[];
  /** files that could not be added, with where and why */
  failed: Array<{ file: string; problems: LineProblem[] }>;
}

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/**
 * Adds every template file of the directories to the registry. A file whose form reference is not there
 * yet is tried again after the others; what still fails is reported, never half-added.
 */
export function loadTemplateDirs(dirs: readonly string[], registry: TemplateRegistry = templates): DirLoad {
  let pending = dirs.flatMap(jsonFiles).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const loaded: Template[] = [];
  let failed: DirLoad['failed'] = [];
  for (let progress = true; pending.length && progress; ) {
    progress = false;
    failed = [];
    const next: typeof pending = [];
    for (const p of pending) {
      const check = checkTemplateText(p.text, registry);
      if (!check.template) {
        failed.push({ file: p.file, problems: check.problems });
        next.push(p);
        continue;
      }
      try {
        loaded.push(registry.add(JSON.parse(p.text), { source: 'file', ref: p.file }));
        progress = true;
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        failed.push({ file: p.file, problems: e.problems.map((x) => ({ line: 1, column: 1, path: x.path.join('.'), message: x.message })) });
      }
    }
    pending = next;
  }
  return { loaded, failed };
}

/** The directories a process reads templates from: the shipped one, then JIXIAO_TEMPLATES_DIR if set. */
export function templateDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = env.JIXIAO_TEMPLATES_DIR?.trim();
  return extra ? [SHIPPED_TEMPLATES_DIR, extra] : [SHIPPED_TEMPLATES_DIR];
}

let installed: DirLoad | null = null;

/** Loads the template directories into the process's registry once; later calls return the first result. */
export function installTemplates(env: NodeJS.ProcessEnv = process.env): DirLoad {
  return (installed ??= loadTemplateDirs(templateDirs(env)));
}
