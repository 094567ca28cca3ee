// A section of tables (二、部门（单位）收支情况): each table with its title row and its merged header rows
// exactly as the form's column tree draws them, then one row per institution (or the form's blank rows).
import { blankRows, rowLabels, type SectionDef, table, type TableShape } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { getAt } from '../../../core/paths';
import { cell, colgroup, framed, label, sectionBar, type RenderContext } from './cells';

type Row = { institution: string; kind: string } & Record<string, unknown>;

function renderTable(shape: TableShape, rows: readonly Row[], ctx: RenderContext): string {
  const { def } = shape;
  const width = def.widths.length;
  const levels = shape.head.length;
  const head =
    (def.title ? `<tr>${label(def.title, { colspan: width, cls: 'jx-table-title' })}</tr>` : '') +
    shape.head
      .map((r, k) => {
        const name = k === 0 ? label(shape.rows.header, { rowspan: levels, cls: 'jx-head' }) : '';
        return `<tr>${name}${r.map((h) => label(h.text, { colspan: h.colSpan, rowspan: h.rowSpan, cls: 'jx-head' })).join('')}</tr>`;
      })
      .join('');
  // A report with no rows still prints the form's blank rows, as the paper form does.
  const list: readonly Row[] = rows.length > 0 ? rows : (blankRows(shape.rows) as Row[]);
  const names = rowLabels(shape.rows, list);
  const body = list
    .map((row, i) => {
      const p = `${def.path}[${i}]`;
      const name = cell(ctx, names[i], { path: `${p}.institution`, cls: 'jx-rowname' });
      const values = shape.leaves.map((c) => cell(ctx, (row[c.key] as string | null | undefined) ?? '', { path: `${p}.${c.key}`, cls: 'jx-num' }));
      return `<tr${ctx.attrs(p)}>${name}${values.join('')}</tr>`;
    })
    .join('');
  return framed(
    `<table${ctx.attrs(def.path, [], `jx-form jx-finance jx-finance-${def.key}`)}>${colgroup(def.widths)}` +
      `<thead>${head}</thead><tbody>${body}</tbody></table>`,
    'jx-frame-whole',
  );
}

export function renderTables(report: Report, section: SectionDef, ctx: RenderContext): string {
  return (
    sectionBar(section.label) +
    section.tables.map((k) => renderTable(table(ctx.form, k), (getAt(report, table(ctx.form, k).def.path) as Row[] | undefined) ?? [], ctx)).join('')
  );
}
