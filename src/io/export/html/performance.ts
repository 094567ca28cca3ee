// 三、部门（单位）整体支出绩效自评情况: the qualitative targets against what was done, the indicator table
// with 一级/二级 merged down the rows, the self-score and the grade.
import { type FormDescriptor, printLabel, type SectionDef } from '../../../core/forms/index';
import type { Indicator, Report } from '../../../core/model/report';
import { cell, cellHtml, colgroup, framed, label, rowSpans, sectionBar, type RenderContext } from './cells';
import { esc } from './escape';
import { lines, numText } from './format';
import { indicatorResultText, indicatorTargetText } from '../content';
import { renderPerformanceGrid } from './budget-grid';

/** The note the form prints under a 一级 name, if any. */
export function level1Note(form: FormDescriptor, level1: string): string | undefined {
  return form.indicators.level1.find((c) => c.label === level1)?.note;
}

function renderQualitative(report: Report, ctx: RenderContext): string {
  const q = report.performance.qualitative;
  const g = ctx.form.indicators.qualitative;
  const list = (key: 'target' | 'result') =>
    q.map((pair, i) => `<p${ctx.attrs(`performance.qualitative[${i}].${key}`)}>${esc(pair[key])}</p>`).join('');
  return framed(
    `<table class="jx-form jx-qualitative">${colgroup([11, 44.5, 44.5])}<tbody>` +
    `<tr>${label(g.label, { rowspan: 2 })}${label(g.target, { cls: 'jx-head' })}${label(g.result, { cls: 'jx-head' })}</tr>` +
    `<tr>${cellHtml(ctx, list('target'), { path: 'performance.qualitative', cls: 'jx-text' })}` +
    `${cellHtml(ctx, list('result'), { path: 'performance.qualitative', cls: 'jx-text' })}</tr>` +
    `</tbody></table>`,
  );
}

/**
 * Printed rows of the indicator table. One indicator per row, except where the source printed several in
 * one cell (the seed's 社会效益 holds 指标1 and 指标2): the importer's source refs then name the same
 * table row (DOCX) or the same first line (text).
 */
export function indicatorRows(report: Report): number[][] {
  const inds = report.performance.indicators;
  const src = (i: number) => report.sources[`performance.indicators[${i}]`] ?? report.sources[`performance.indicators[${i}].name`];
  const out: number[][] = [];
  inds.forEach((ind, i) => {
    const last = out[out.length - 1];
    const prev = last ? last[last.length - 1] : undefined;
    if (last && prev !== undefined) {
      const a = src(prev);
      const b = src(i);
      const p = inds[prev];
      const sameRow = (a?.row != null && a.row === b?.row && a.table === b?.table) || (a?.line != null && a.line === b?.line);
      if (sameRow && p && p.level1 === ind.level1 && p.level2 === ind.level2) {
        last.push(i);
        return;
      }
    }
    out.push([i]);
  });
  return out;
}

/** 一级 name, with the form's note in small type: the report's own second line, or the standard one. */
function level1Html(form: FormDescriptor, level1: string): string {
  const [name = '', ...rest] = lines(level1);
  const note = rest.length > 0 ? rest.join('') : level1Note(form, name);
  return esc(name) + (note ? `<span class="jx-note">${esc(note)}</span>` : '');
}

function renderIndicators(report: Report, ctx: RenderContext): string {
  const form = ctx.form;
  const grid = form.indicators;
  const side = grid.print ?? grid.label;
  const inds = report.performance.indicators;
  const rows = indicatorRows(report);
  const first = (r: number[]) => inds[r[0] ?? 0] as Indicator;
  const span1 = rowSpans(rows.map((r) => first(r).level1));
  const span2 = rowSpans(rows.map((r) => `${first(r).level1}\u0000${first(r).level2}`));
  const body = rows.map((r, k) => {
    const i0 = r[0] ?? 0;
    const ind = first(r);
    const p = (i: number) => `performance.indicators[${i}]`;
    let html = k === 0 ? label(side, { rowspan: rows.length, cls: 'jx-side' }) : '';
    if (span1[k]) html += cellHtml(ctx, level1Html(form, ind.level1), { path: `${p(i0)}.level1`, rowspan: span1[k], cls: 'jx-level' });
    if (span2[k]) html += cell(ctx, ind.level2, { path: `${p(i0)}.level2`, rowspan: span2[k], cls: 'jx-level' });
    const also = (i: number) => ['target', 'targetValue', 'operator', 'unit', 'kind', 'weight', 'score'].map((f) => `${p(i)}.${f}`);
    const targets = r.map((i) => `<p${ctx.attrs(`${p(i)}.name`, also(i))}>${esc(indicatorTargetText(form, inds[i] as Indicator))}</p>`);
    html += cellHtml(ctx, targets.join(''), { path: `${p(i0)}.name`, also: also(i0), cls: 'jx-text' });
    const result = (i: number) => lines(indicatorResultText(form, inds[i] as Indicator)).map((l) => `<p>${esc(l)}</p>`).join('');
    const actuals = [...new Set(r.map(result))];
    const actualHtml = actuals.length === 1 ? (actuals[0] ?? '') : r.map(result).join('');
    html += cellHtml(ctx, actualHtml, { path: `${p(i0)}.actual`, also: [`${p(i0)}.actualValue`, `${p(i0)}.deviationReason`], cls: 'jx-center' });
    return `<tr${ctx.attrs(p(i0))}>${html}</tr>`;
  });
  if (body.length === 0) {
    body.push(`<tr>${label(side, { cls: 'jx-side' })}<td></td><td></td><td></td><td></td></tr>`);
  }
  const perf = report.performance;
  const score =
    `<tr>${label(printLabel(form, 'performance.selfScore'), { colspan: 3 })}${cell(ctx, numText(perf.selfScore), { path: 'performance.selfScore', colspan: 2, cls: 'jx-center' })}</tr>` +
    `<tr>${label(printLabel(form, 'performance.grade'), { colspan: 3 })}${cell(ctx, perf.grade, { path: 'performance.grade', colspan: 2, cls: 'jx-center' })}</tr>`;
  return framed(
    `<table class="jx-form jx-indicators">${colgroup([11, 13, 13, 49, 14])}` +
    // The corner stays empty and borderless below, so with the side label under it the column reads as
    // one merged cell, while the rest of the header still repeats on every page the table runs onto.
    `<thead><tr><th class="jx-corner"></th>${label(grid.printed.content, { colspan: 2, cls: 'jx-head' })}${label(grid.printed.target, { cls: 'jx-head' })}${label(grid.printed.result, { cls: 'jx-head' })}</tr></thead>` +
    `<tbody class="jx-keep-cells">${body.join('')}${score}</tbody></table>`,
  );
}

export function renderPerformance(report: Report, section: SectionDef, ctx: RenderContext): string {
  // a form that prints the 10号 grid (the Hunan 自评表) lists its columns
  if (section.columns) return renderPerformanceGrid(report, section, ctx);
  return sectionBar(section.label) + renderQualitative(report, ctx) + renderIndicators(report, ctx);
}
