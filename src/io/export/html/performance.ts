// 三、部门（单位）整体支出绩效自评情况: the qualitative targets against what was done, the indicator table
// with 一级/二级 merged down the rows, the self-score and the grade.
import type { Indicator, Report } from '../../../core/model/report';
import { SECTION_LABELS } from '../../../core/model/layout';
import { cell, cellHtml, colgroup, framed, label, rowSpans, sectionBar, type RenderContext } from './cells';
import { esc } from './escape';
import { lines, numText } from './format';

// The template prints these notes under the 一级 names; a level1 that already carries a note keeps its own.
const LEVEL1_NOTES: Record<string, string> = {
  产出目标: '（部门工作实绩，包含上级部门和市委市政府布置的重点工作、实事任务等，根据部门实际进行调整细化）',
  效益目标: '（预期实现的效益）',
};

function renderQualitative(report: Report, ctx: RenderContext): string {
  const q = report.performance.qualitative;
  const list = (key: 'target' | 'result') =>
    q.map((pair, i) => `<p${ctx.attrs(`performance.qualitative[${i}].${key}`)}>${esc(pair[key])}</p>`).join('');
  return framed(
    `<table class="jx-form jx-qualitative">${colgroup([11, 44.5, 44.5])}<tbody>` +
    `<tr>${label('整体支出绩效定性目标及实施计划完成情况', { rowspan: 2 })}${label('预期目标', { cls: 'jx-head' })}${label('实际完成', { cls: 'jx-head' })}</tr>` +
    `<tr>${cellHtml(ctx, list('target'), { path: 'performance.qualitative', cls: 'jx-text' })}` +
    `${cellHtml(ctx, list('result'), { path: 'performance.qualitative', cls: 'jx-text' })}</tr>` +
    `</tbody></table>`,
  );
}

/** The 绩效目标 text: the indicator, with its target value when the name does not already state it. */
export function indicatorText(ind: Indicator): string {
  const target = ind.target.trim() || [ind.operator ?? '', ind.targetValue ?? '', ind.targetValue ? ind.unit : ''].join('');
  const name = ind.name.trim();
  if (!target || name.includes(target)) return name;
  return name ? `${name}：${target}` : target;
}

export function actualText(ind: Indicator): string {
  return ind.actual.trim() || (ind.actualValue ? `${ind.actualValue}${ind.unit}` : '');
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

/** 一级 name, with the template's note in small type: the report's own second line, or the standard one. */
function level1Html(level1: string): string {
  const [name = '', ...rest] = lines(level1);
  const note = rest.length > 0 ? rest.join('') : LEVEL1_NOTES[name];
  return esc(name) + (note ? `<span class="jx-note">${esc(note)}</span>` : '');
}

function renderIndicators(report: Report, ctx: RenderContext): string {
  const inds = report.performance.indicators;
  const rows = indicatorRows(report);
  const first = (r: number[]) => inds[r[0] ?? 0] as Indicator;
  const span1 = rowSpans(rows.map((r) => first(r).level1));
  const span2 = rowSpans(rows.map((r) => `${first(r).level1}\u0000${first(r).level2}`));
  const body = rows.map((r, k) => {
    const i0 = r[0] ?? 0;
    const ind = first(r);
    const p = (i: number) => `performance.indicators[${i}]`;
    let html = k === 0 ? label('整体支出\n绩效定量目标及实施计划完成情况', { rowspan: rows.length, cls: 'jx-side' }) : '';
    if (span1[k]) html += cellHtml(ctx, level1Html(ind.level1), { path: `${p(i0)}.level1`, rowspan: span1[k], cls: 'jx-level' });
    if (span2[k]) html += cell(ctx, ind.level2, { path: `${p(i0)}.level2`, rowspan: span2[k], cls: 'jx-level' });
    const also = (i: number) => ['target', 'targetValue', 'operator', 'unit', 'kind', 'weight', 'score'].map((f) => `${p(i)}.${f}`);
    const targets = r.map((i) => `<p${ctx.attrs(`${p(i)}.name`, also(i))}>${esc(indicatorText(inds[i] as Indicator))}</p>`);
    html += cellHtml(ctx, targets.join(''), { path: `${p(i0)}.name`, also: also(i0), cls: 'jx-text' });
    const actuals = [...new Set(r.map((i) => actualText(inds[i] as Indicator)))];
    const actualHtml = actuals.length === 1 ? esc(actuals[0]) : r.map((i) => `<p>${esc(actualText(inds[i] as Indicator))}</p>`).join('');
    html += cellHtml(ctx, actualHtml, { path: `${p(i0)}.actual`, also: [`${p(i0)}.actualValue`, `${p(i0)}.deviationReason`], cls: 'jx-center' });
    return `<tr${ctx.attrs(p(i0))}>${html}</tr>`;
  });
  if (body.length === 0) {
    body.push(`<tr>${label('整体支出\n绩效定量目标及实施计划完成情况', { cls: 'jx-side' })}<td></td><td></td><td></td><td></td></tr>`);
  }
  const perf = report.performance;
  const score =
    `<tr>${label('绩效自评综合得分', { colspan: 3 })}${cell(ctx, numText(perf.selfScore), { path: 'performance.selfScore', colspan: 2, cls: 'jx-center' })}</tr>` +
    `<tr>${label('评价等次', { colspan: 3 })}${cell(ctx, perf.grade, { path: 'performance.grade', colspan: 2, cls: 'jx-center' })}</tr>`;
  return framed(
    `<table class="jx-form jx-indicators">${colgroup([11, 13, 13, 49, 14])}` +
    // The corner stays empty and borderless below, so with the side label under it the column reads as
    // one merged cell, while the rest of the header still repeats on every page the table runs onto.
    `<thead><tr><th class="jx-corner"></th>${label('评价内容', { colspan: 2, cls: 'jx-head' })}${label('绩效目标', { cls: 'jx-head' })}${label('完成情况', { cls: 'jx-head' })}</tr></thead>` +
    `<tbody class="jx-keep-cells">${body.join('')}${score}</tbody></table>`,
  );
}

export function renderPerformance(report: Report, ctx: RenderContext): string {
  return sectionBar(SECTION_LABELS.performance) + renderQualitative(report, ctx) + renderIndicators(report, ctx);
}
