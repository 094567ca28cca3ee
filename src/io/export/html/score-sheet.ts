// 附：评分表. Yueyang publishes the 评分表 with the self-evaluation report, so when a Scorecard is passed
// in it prints after the report: 一级/二级 merged down the rows like the indicator table.
import { label as fieldLabel } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { ITEM_STATUS_LABEL, type ScoreItem, type Scorecard } from '../../../core/model/score';
import { cell, colgroup, framed, label, rowSpans, type RenderContext } from './cells';
import { attr, esc } from './escape';

export function points(n: number | null | undefined): string {
  return n == null ? '' : String(Math.round(n * 100) / 100);
}


/** The score the team claims for the line, else the computed one; the reason column says when they differ. */
function scoreCells(item: ScoreItem): { score: string; note: string[] } {
  const computed = item.status === 'scored' ? points(item.score) : ITEM_STATUS_LABEL[item.status];
  const note = [item.explanation, ...item.deductions.map((d) => `扣${points(d.points)}分：${d.reason}`)].filter(Boolean);
  if (item.claimed == null) return { score: computed, note };
  if (item.status === 'scored' && item.score != null && Math.abs(item.score - item.claimed) > 0.005) {
    note.push(`系统核算得分：${computed}分`);
  }
  return { score: points(item.claimed), note };
}

export function renderScoreSheet(report: Report, score: Scorecard, ctx: RenderContext): string {
  const items = score.items;
  const level = (it: ScoreItem, n: number) => it.path[n] ?? '';
  const span1 = rowSpans(items.map((it) => level(it, 0)));
  const span2 = rowSpans(items.map((it) => `${level(it, 0)}\u0000${level(it, 1)}`));
  const body = items.map((it, k) => {
    const claim = report.scoreSheet.findIndex((c) => c.itemId === it.id);
    const path = claim >= 0 ? `scoreSheet[${claim}].score` : `scoreSheet.${it.id}`;
    const { score: shown, note } = scoreCells(it);
    let html = '';
    if (span1[k]) html += label(level(it, 0), { rowspan: span1[k], head: false, cls: 'jx-level' });
    if (span2[k]) html += label(level(it, 1), { rowspan: span2[k], head: false, cls: 'jx-level' });
    html += label(it.path[2] ?? it.name, { head: false, cls: 'jx-left' });
    html += `<td class="jx-num">${esc(points(it.weight))}</td>`;
    html += cell(ctx, shown, { path, cls: it.status === 'scored' || it.claimed != null ? 'jx-num' : 'jx-center' });
    html += `<td class="jx-text jx-small jx-left">${note.map((n) => `<p>${esc(n)}</p>`).join('')}</td>`;
    return `<tr${attr('data-item', it.id)}>${html}</tr>`;
  });
  const weight = items.reduce((s, it) => s + it.weight, 0);
  const total = score.total ?? score.claimed.score;
  const grade = score.grade ?? score.claimed.grade;
  const sp = ctx.form.scorePrint;
  return (
    `<section class="jx-appendix"><h2 class="jx-appendix-title">${esc(sp.title)}</h2>` +
    framed(`<table class="jx-form jx-score-sheet">${colgroup([11, 11, 20, 8, 11, 39])}` +
    `<thead><tr>${[...sp.levels, sp.weight, sp.claimed, sp.reason].map((t) => label(t, { cls: 'jx-head' })).join('')}</tr></thead>` +
    `<tbody class="jx-keep-cells">${body.join('')}` +
    `<tr>${label(sp.total, { colspan: 3 })}<td class="jx-num">${esc(points(weight))}</td>` +
    `${cell(ctx, points(total), { path: 'performance.selfScore', cls: 'jx-num' })}<td></td></tr>` +
    `<tr>${label(fieldLabel(ctx.form, 'performance.grade'), { colspan: 3 })}${cell(ctx, grade, { path: 'performance.grade', colspan: 3, cls: 'jx-center' })}</tr>` +
    `</tbody></table>`) +
    `</section>`
  );
}
