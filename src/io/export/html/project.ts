// The 项目支出绩效自评表 in HTML (the preview and the PDF): the shared project grid as one framed table.
import type { Report } from '../../../core/model/report';
import { type GridCell, projectGrid } from '../project-grid';
import { cellHtml, colgroup, framed, label, type RenderContext } from './cells';
import { esc } from './escape';
import { paragraphs } from './format';

const ALIGN = { left: 'jx-left', center: 'jx-center', right: 'jx-num' } as const;

/** One cell of a laid-out grid (the project table's, the 年度预算申请 grid's). */
export function drawGridCell(ctx: RenderContext, c: GridCell): string {
  const span = { colspan: c.colSpan, rowspan: c.rowSpan };
  if (c.label) return label(c.text, span);
  const cls = c.align ? ALIGN[c.align] : '';
  // long texts (goals, reasons) keep their paragraphs
  const html = c.text.includes('\n') ? paragraphs(c.text) : esc(c.text);
  return cellHtml(ctx, html, { ...span, path: c.path, cls: c.text.includes('\n') ? 'jx-text' : cls });
}

export function renderProjectTable(report: Report, ctx: RenderContext): string {
  const grid = projectGrid(report, ctx.form);
  const title = grid.title.map((l) => `<span class="jx-title-line">${esc(l)}</span>`).join('');
  const rows = grid.rows.map((r) => `<tr>${r.filter((c) => c.rowSpan !== 0).map((c) => drawGridCell(ctx, c)).join('')}</tr>`).join('');
  return (
    `<h1${ctx.attrs('cover.title', ['year'], 'jx-title jx-project-title')}>${title}</h1>` +
    framed(`<table class="jx-form jx-project">${colgroup(grid.widths)}<tbody>${rows}</tbody></table>`)
  );
}
