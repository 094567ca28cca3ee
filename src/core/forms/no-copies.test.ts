// Knowledge lives once: no exporter, importer, rule, editor section or path label writes a label of the
// form as a string of its own. Every quoted string in those files is compared with every label, printed
// form, alias and name the form descriptor holds; a match is a second copy.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultForm } from '../templates/index';
import { tables } from './derive';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCANNED = [
  'src/io/export',
  'src/io/import/map',
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

/** Every label-like string the form holds. */
function labels(): Set<string> {
  const f = defaultForm();
  const out = new Set<string>();
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
  return out;
}

const STRING = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.|\$(?!\{))*)(?:`|\$\{)/g;

describe('the form descriptor is the one copy of its labels', () => {
  it('no scanned source file quotes a label of the form', () => {
    const known = labels();
    expect(known.size).toBeGreaterThan(100);
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
