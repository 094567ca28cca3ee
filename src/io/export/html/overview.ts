// A section of labelled fields (一、部门（单位）基本概况): short fields two to a row (label | value | label |
// value), long texts and lists across the row, in the form's order and with its printed labels.
import { type FieldDef, field, type SectionDef } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { getAt } from '../../../core/paths';
import { cell, cellHtml, colgroup, framed, label, sectionBar, type RenderContext } from './cells';
import { esc } from './escape';
import { numText, paragraphs } from './format';

const WIDE: ReadonlySet<FieldDef['type']> = new Set(['longText', 'list']);

function valueCell(report: Report, f: FieldDef, ctx: RenderContext): string {
  const v = getAt(report, f.path);
  if (f.type === 'list') {
    const items = ((v as string[] | undefined) ?? []).map((t, i) => `<p${ctx.attrs(`${f.path}[${i}]`)}>${esc(t)}</p>`).join('');
    return cellHtml(ctx, items, { path: f.path, colspan: 3, cls: 'jx-text' });
  }
  if (f.type === 'longText') return cellHtml(ctx, paragraphs(v as string), { path: f.path, colspan: 3, cls: 'jx-text' });
  const text = typeof v === 'number' || v == null ? numText(v as number | null) : String(v);
  // a phone number is one unit: it never wraps
  return cell(ctx, text, { path: f.path, cls: /phone$/i.test(f.path) ? 'jx-nowrap' : undefined });
}

export function renderFields(report: Report, section: SectionDef, ctx: RenderContext): string {
  const rows: string[] = [];
  let pending = '';
  for (const path of section.fields) {
    const f = field(ctx.form, path);
    const html = label(f.print ?? f.label) + valueCell(report, f, ctx);
    if (WIDE.has(f.type)) {
      if (pending) rows.push(pending);
      pending = '';
      rows.push(html);
    } else if (pending) {
      rows.push(pending + html);
      pending = '';
    } else pending = html;
  }
  if (pending) rows.push(pending);
  return (
    sectionBar(section.label) +
    framed(`<table class="jx-form jx-overview">${colgroup([20, 30, 20, 30])}<tbody>${rows.map((r) => `<tr>${r}</tr>`).join('')}</tbody></table>`)
  );
}
