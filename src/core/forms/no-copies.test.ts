// Knowledge lives once: no exporter, importer, rule, editor section or path label writes a label of the
// form as a string of its own. Every quoted string in those files is compared with every label, printed
// form, alias and name the form descriptor holds; a match is a second copy.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_TEMPLATE } from '../model/empty';
import { defaultForm, formOf, getTemplate } from '../templates/index';
import type { FormDescriptor } from './schema';
import { tables } from './derive';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCANNED = [
  'src/io/export',
  'src/io/import/map',
  'src/core/project',
  'src/core/rules',
  'src/core/scoring',
  'web/src/components/sections',
  'web/src/components/editor',
  'web/src/components/panels/ScorePanel.tsx',
  'src/core/paths',
  'src/server/http/validation-messages.ts',
];

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full).flatMap((f) => files(join(path, f)));
}

const PROJECT_FORM = formOf(getTemplate(PROJECT_TEMPLATE.id, PROJECT_TEMPLATE.version));

/** Every label-like string the form holds. */
function labels(f: FormDescriptor = defaultForm(), out = new Set<string>()): Set<string> {
  const add = (...xs: Array<string | undefined>) => {
    for (const x of xs) if (x && x.length >= 2) out.add(x);
  };
  for (const s of f.sections) add(s.label, s.short, ...s.aliases);
  for (const x of f.fields) add(x.label, x.short, x.print, ...x.aliases);
  for (const t of tables(f)) {
    add(t.def.name, t.def.title, t.def.sheet, t.def.file, t.def.sheetTitle, t.rows.header, t.rows.summary.label, t.rows.main.label, t.rows.sub.label);
    for (const l of t.leaves) add(l.label, l.print);
  }
  const g = f.indicators;
  add(g.label, g.print, g.short, g.printed.content, g.printed.target, g.printed.result, g.qualitative.label, g.qualitative.target, g.qualitative.result);
  for (const c of g.columns) add(c.label, ...c.aliases);
  for (const c of [...g.level1, ...g.level2]) add(c.label, c.note);
  for (const b of f.people.blocks) add(b.party, b.opinion, `${b.signer}${b.mark}`);
  for (const c of f.people.evaluators.columns) add(c.print);
  for (const n of f.narrative) add(n.label, n.heading);
  add(f.scorePrint.title, f.scorePrint.reason, f.workbook.fieldSheet.name, f.workbook.peopleSheet);
  const p = f.project;
  if (p) {
    add(p.funds.label, p.funds.print, p.goals.label, p.goals.print, p.total.label, ...p.total.aliases);
    for (const x of [...p.funds.rows, ...p.funds.columns, ...p.funds.execution, p.goals.expected, p.goals.actual]) add(x.label, x.print, ...x.aliases);
  }
  return out;
}

const STRING = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.|\$(?!\{))*)(?:`|\$\{)/g;

describe('the form descriptor is the one copy of its labels', () => {
  it('no scanned source file quotes a label of the 部门整体 or the 项目支出 form', () => {
    const overall = labels();
    expect(overall.size).toBeGreaterThan(100);
    const known = labels(PROJECT_FORM, new Set(overall));
    expect(known.size - overall.size).toBeGreaterThan(20);
    expect(known).toContain('年度资金总额');
    expect(known).toContain('偏差原因分析及改进措施');
    const copies: string[] = [];
    for (const file of SCANNED.flatMap(files)) {
      // tests and the scoring's test reports hold report content, not labels
      if (!/\.(ts|tsx)$/.test(file) || /\.test\.tsx?$|test-reports\.ts$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(STRING)) {
        const s = (m[1] ?? m[2] ?? m[3] ?? '').trim();
        if (known.has(s)) copies.push(`${relative(ROOT, file)}: “${s}”`);
      }
    }
    expect(copies).toEqual([]);
  });
});
