// A file read onto a form it was not recognised as (a bureau's own template, named by the task the file is
// imported into): every field that the default reading left empty is looked for by that form's own words —
// its label, its printed label, its aliases — as label and value (same cell, next cell, next line), and
// read as its type says. The descriptor is the vocabulary; nothing here knows a label.
import { type FieldDef, type FormDescriptor, field } from '../../../core/forms/index';
import { readAmount } from '../../../core/money';
import { getAt } from '../../../core/paths';
import type { MapContext } from './context';
import { findLabelled } from './fields';
import { alt } from './labels';
import { toSimplified } from './simplified';
import { parseCount, parseDate, parseScore, parseYear } from './values';

const READ: Partial<Record<FieldDef['type'], (v: string) => unknown>> = {
  text: (v) => v,
  longText: (v) => v,
  grade: (v) => v,
  amount: (v) => (readAmount(toSimplified(v)) as { value?: string }).value ?? null,
  count: parseCount,
  score: parseScore,
  date: parseDate,
  year: parseYear,
};

const empty = (v: unknown) => v == null || v === '';

export function mapFormFields(ctx: MapContext, form: FormDescriptor): void {
  const r = ctx.report;
  const paths = new Set(form.sections.flatMap((s) => s.fields));
  for (const path of paths) {
    const f = field(form, path);
    const read = READ[f.type];
    const dot = path.lastIndexOf('.');
    const parent = dot < 0 ? (r as unknown as Record<string, unknown>) : (getAt(r, path.slice(0, dot)) as Record<string, unknown> | undefined);
    if (!read || !parent || !empty(parent[path.slice(dot + 1)])) continue;
    const re = new RegExp(`^(${alt([f.label, f.print?.replace(/\n/g, ''), ...f.aliases])})(\\(.{1,8}\\))?(:|$)`);
    const hit = findLabelled(ctx, re);
    const value = hit?.value ? read(hit.value) : null;
    if (empty(value)) continue;
    parent[path.slice(dot + 1)] = value;
    ctx.source(path, hit!.loc);
  }
}
