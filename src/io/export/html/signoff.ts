// 四、评价人员: the evaluators table, the three sign-off blocks each ending in its 年 月 日 line, and the
// 填报人 line under the form.
import type { Report, Signoff } from '../../../core/model/report';
import { SECTION_LABELS } from '../../../core/model/layout';
import { cell, colgroup, framed, label, sectionBar, type RenderContext } from './cells';
import { esc } from './escape';
import { paragraphs, signDateLine } from './format';

// Paper forms leave rows to write names in by hand.
const BLANK_EVALUATOR_ROWS = 2;

function renderEvaluators(report: Report, ctx: RenderContext): string {
  const rows = report.evaluators.map((e, i) => {
    const p = `evaluators[${i}]`;
    return (
      `<tr${ctx.attrs(p, [], 'jx-keep')}>` +
      cell(ctx, e.name, { path: `${p}.name`, cls: 'jx-center' }) +
      cell(ctx, e.title, { path: `${p}.title`, cls: 'jx-center' }) +
      cell(ctx, e.unit, { path: `${p}.unit`, cls: 'jx-center' }) +
      cell(ctx, e.signature, { path: `${p}.signature`, cls: 'jx-center' }) +
      `</tr>`
    );
  });
  for (let i = rows.length; i < BLANK_EVALUATOR_ROWS && report.evaluators.length === 0; i++) {
    rows.push(`<tr class="jx-keep jx-blank-row"><td></td><td></td><td></td><td></td></tr>`);
  }
  return framed(
    `<table class="jx-form jx-evaluators">${colgroup([22, 26, 30, 22])}` +
      `<thead><tr>${['姓\u3000名', '职务/职称', '单\u3000位', '签\u3000字'].map((t) => label(t, { cls: 'jx-head' })).join('')}</tr></thead>` +
      `<tbody>${rows.join('')}</tbody></table>`,
  );
}

interface Block {
  key: 'leader' | 'department' | 'finance';
  /** the block's first line; for the leader it is also the signature line */
  heading: string;
  /** the signature line near the bottom, when the block has an opinion above it */
  signLine?: string;
}

const BLOCKS: readonly Block[] = [
  { key: 'leader', heading: '评价组组长（签字）：' },
  { key: 'department', heading: '部门（单位）意见：', signLine: '部门（单位）负责人（签章）：' },
  { key: 'finance', heading: '财政部门归口业务科室意见：', signLine: '财政部门归口业务科室负责人（签章）：' },
];

function renderBlock(b: Block, s: Signoff, ctx: RenderContext): string {
  const p = `signoffs.${b.key}`;
  const signer = (lead: string) => `<span class="jx-sign-label">${esc(lead)}</span><span${ctx.attrs(`${p}.signer`, [], 'jx-signer')}>${esc(s.signer)}</span>`;
  const top = b.signLine ? `<div class="jx-sign-head">${esc(b.heading)}</div>` : `<div class="jx-sign-head">${signer(b.heading)}</div>`;
  const opinion = `<div${ctx.attrs(`${p}.opinion`, [], 'jx-sign-opinion')}>${paragraphs(s.opinion)}</div>`;
  const bottom =
    (b.signLine ? `<div class="jx-sign-line">${signer(b.signLine)}</div>` : '') +
    `<div${ctx.attrs(`${p}.date`, [], 'jx-sign-date')}>${esc(signDateLine(s.date))}</div>`;
  // Each block is its own framed table so a block that does not fit moves whole to the next page.
  const box = `<div class="jx-sign-box">${top}${opinion}${bottom}</div>`;
  return framed(`<table class="jx-form jx-signoffs"><tbody><tr><td${ctx.attrs(p, [], 'jx-sign')}>${box}</td></tr></tbody></table>`, 'jx-frame-whole');
}

export function renderSignoffs(report: Report, ctx: RenderContext): string {
  const blocks = BLOCKS.map((b) => renderBlock(b, report.signoffs[b.key], ctx)).join('');
  const prep = report.preparer;
  return (
    sectionBar(SECTION_LABELS.evaluators) +
    renderEvaluators(report, ctx) +
    blocks +
    `<div class="jx-preparer"><span>填报人（签名）：<span${ctx.attrs('preparer.name', [], 'jx-fill')}>${esc(prep.name)}</span></span>` +
    `<span>联系电话：<span${ctx.attrs('preparer.phone', [], 'jx-fill')}>${esc(prep.phone)}</span></span></div>`
  );
}
