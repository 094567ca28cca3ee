// What a real form holds: every list and text of a report bounded by its template's limits (the form's
// defaults by kind of value, a field's own maxLength / maxItems, a table's maxRows), each problem in
// Chinese naming the place as a person sees it and the limit. The server refuses a save or an import
// beyond them; the editor stops at them.
import type { Report } from '../model/report';
import { section, sectionOfRoot, tables } from './derive';
import type { FieldDef, FormDescriptor } from './schema';

export interface BoundProblem {
  path: string;
  message: string;
}

/** Characters as a person counts them (a CJK character or an emoji is one). */
function length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export function fieldLimit(form: FormDescriptor, f: FieldDef): number {
  return f.maxLength ?? (f.type === 'longText' ? form.limits.longText : form.limits.text);
}

/** Every bound the report goes beyond; empty when it fits the form. */
export function boundProblems(report: Report, form: FormDescriptor): BoundProblem[] {
  const out: BoundProblem[] = [];
  const L = form.limits;
  const text = (path: string, place: string, value: string | null | undefined, max: number) => {
    if (value != null && value.length > max && length(value) > max) out.push({ path, message: `${place}：最多${max}个字，现有${length(value)}个字。` });
  };
  const count = (path: string, place: string, n: number, max: number, unit: string) => {
    if (n > max) out.push({ path, message: `${place}：最多${max}${unit}，现有${n}${unit}。` });
  };
  const get = (path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | null)?.[k], report);

  for (const f of form.fields) {
    const s = form.sections.find((x) => x.fields.includes(f.path));
    const place = `${s?.label ?? ''}·${f.label}`;
    const v = get(f.path);
    if (f.type === 'list') {
      const items = (v as string[] | undefined) ?? [];
      count(f.path, place, items.length, f.maxItems ?? L.listItems, '项');
      items.slice(0, L.listItems).forEach((item, i) => text(`${f.path}[${i}]`, `${place}·${f.item ?? '第'}${i + 1}${f.item ? '' : '项'}`, item, L.listItem));
    } else if (typeof v === 'string') text(f.path, place, v, fieldLimit(form, f));
  }

  for (const shape of tables(form)) {
    const rows = (get(shape.def.path) as Array<{ institution: string }> | undefined) ?? [];
    const place = `${sectionOfRoot(form, shape.def.path.split('.')[0]!)?.label ?? ''}·${shape.def.name}`;
    count(shape.def.path, place, rows.length, shape.def.maxRows ?? L.tableRows, '行');
    rows.slice(0, L.tableRows).forEach((r, i) => text(`${shape.def.path}[${i}].institution`, `${place}·第${i + 1}行·${shape.rows.header}`, r.institution, L.text));
  }

  const perf = section(form, 'performance').label;
  const g = form.indicators;
  const q = report.performance.qualitative;
  count(g.qualitative.path, `${perf}·${g.qualitative.short}`, q.length, L.qualitative, '项');
  q.slice(0, L.qualitative).forEach((pair, i) => {
    text(`${g.qualitative.path}[${i}].target`, `${perf}·${g.qualitative.short}第${i + 1}项·${g.qualitative.target}`, pair.target, L.longText);
    text(`${g.qualitative.path}[${i}].result`, `${perf}·${g.qualitative.short}第${i + 1}项·${g.qualitative.result}`, pair.result, L.longText);
  });
  const inds = report.performance.indicators;
  count(g.path, `${perf}·${g.short}`, inds.length, g.maxItems ?? L.indicators, '项');
  const col = (key: string) => g.columns.find((c) => c.key === key)?.label ?? key;
  const FIELDS: Array<[keyof (typeof inds)[number], string]> = [['level1', 'level1'], ['level2', 'level2'], ['name', 'name'], ['target', 'target'], ['unit', 'unit'], ['actual', 'actual'], ['deviationReason', 'reason']];
  inds.slice(0, L.indicators).forEach((ind, i) => {
    for (const [k, c] of FIELDS) text(`${g.path}[${i}].${k}`, `${perf}·${g.short}第${i + 1}项·${col(c)}`, ind[k] as string, L.indicatorText);
  });

  const people = section(form, 'people').label;
  const ev = form.people.evaluators;
  count(ev.path, `${people}·${ev.label}`, report.evaluators.length, ev.maxItems ?? L.evaluators, '人');
  report.evaluators.slice(0, L.evaluators).forEach((e, i) => {
    for (const c of ev.columns) text(`${ev.path}[${i}].${c.key}`, `${people}·第${i + 1}${ev.item}·${c.label}`, e[c.key as keyof typeof e], L.text);
  });
  for (const b of form.people.blocks) {
    const s = report.signoffs[b.key];
    const title = b.opinion ?? b.signer;
    text(`signoffs.${b.key}.opinion`, `${people}·${title}·${b.fields.opinion}`, s.opinion, L.longText);
    text(`signoffs.${b.key}.signer`, `${people}·${title}·${b.fields.signer}`, s.signer, L.text);
  }

  // a form without a 综述 (the project table) still bounds what a report might carry there
  const narr = form.sections.find((x) => x.key === 'narrative')?.label ?? form.narrative[0]!.label;
  count('narrative', narr, report.narrative.length, L.narrativeParts, '个部分');
  report.narrative.slice(0, L.narrativeParts).forEach((n, i) => {
    const place = `${narr}·第${i + 1}部分${n.heading ? `“${n.heading.slice(0, 20)}”` : ''}`;
    text(`narrative[${i}].heading`, `${place}·标题`, n.heading, L.text);
    text(`narrative[${i}].text`, `${place}·正文`, n.text, L.narrativeText);
  });

  const sheet = section(form, 'scoreSheet').short;
  count('scoreSheet', sheet, report.scoreSheet.length, L.scoreItems, '项');
  report.scoreSheet.slice(0, L.scoreItems).forEach((c, i) => text(`scoreSheet[${i}].note`, `${sheet}·第${i + 1}项·说明`, c.note, L.claimNote));
  count('sources', '导入来源记录', Object.keys(report.sources).length, L.sources, '条');
  return out;
}

