// 附：评分表. Yueyang publishes the 评分表 with the self-evaluation report, so when a Scorecard is passed
// in it prints after the report: 一级/二级 merged down the rows like the indicator table.
import { label as fieldLabel } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import type { Scorecard } from '../../../core/model/score';
import { points, scoreTable } from '../content';
import { cell, colgroup, framed, label, rowSpans, type RenderContext } from './cells';
import { attr, esc } from './escape';

export function renderScoreSheet(report: Report, score: Scorecard, ctx: RenderContext): string {
  const t = scoreTable(report, score, ctx.rendering);
  const items = t.lines;
  const span1 = rowSpans(items.map((it) => it.levels[0]));
  const span2 = rowSpans(items.map((it) => `${it.levels[0]}\u0000${it.levels[1]}`));
  const body = items.map((it, k) => {
    const claim = report.scoreSheet.findIndex((c) => c.itemId === it.id);
    const path = claim >= 0 ? `scoreSheet[${claim}].score` : `scoreSheet.${it.id}`;
    let html = '';
    if (span1[k]) html += label(it.levels[0], { rowspan: span1[k], head: false, cls: 'jx-level' });
    if (span2[k]) html += label(it.levels[1], { rowspan: span2[k], head: false, cls: 'jx-level' });
    html += label(it.levels[2], { head: false, cls: 'jx-left' });
    html += `<td class="jx-num">${esc(points(it.weight))}</td>`;
    html += cell(ctx, it.score, { path, cls: it.numeric ? 'jx-num' : 'jx-center' });
    html += `<td class="jx-text jx-small jx-left">${it.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</td>`;
    return `<tr${attr('data-item', it.id)}>${html}</tr>`;
  });
  const sp = ctx.form.scorePrint;
  return (
    `<section class="jx-appendix"><h2 class="jx-appendix-title">${esc(sp.title)}</h2>` +
    framed(`<table class="jx-form jx-score-sheet">${colgroup([11, 11, 20, 8, 11, 39])}` +
    `<thead><tr>${[...sp.levels, sp.weight, sp.claimed, sp.reason].map((t) => label(t, { cls: 'jx-head' })).join('')}</tr></thead>` +
    `<tbody class="jx-keep-cells">${body.join('')}` +
    `<tr>${label(sp.total, { colspan: 3 })}<td class="jx-num">${esc(points(t.weight))}</td>` +
    `${cell(ctx, t.total, { path: 'performance.selfScore', cls: 'jx-num' })}<td></td></tr>` +
    `<tr>${label(fieldLabel(ctx.form, 'performance.grade'), { colspan: 3 })}${cell(ctx, t.grade, { path: 'performance.grade', colspan: 3, cls: 'jx-center' })}</tr>` +
    `</tbody></table>`) +
    `</section>`
  );
}
