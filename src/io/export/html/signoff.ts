// 四、评价人员: the evaluators table, the form's sign-off blocks each ending in its 年 月 日 line, and the
// 填报人 line under the form.
import { field, type SectionDef, type SignoffBlock } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { codeLine, type PrintedBlock, printedSignoffs } from '../content';
import { cellHtml, colgroup, framed, label, sectionBar, type RenderContext } from './cells';
import { esc } from './escape';
import { lines, paragraphs, signDateLine } from './format';

// Paper forms leave rows to write names in by hand.
const BLANK_EVALUATOR_ROWS = 2;

function renderEvaluators(report: Report, ctx: RenderContext, signed: ReturnType<typeof printedSignoffs>['evaluators']): string {
  const cols = ctx.form.people.evaluators.columns;
  const rows = report.evaluators.map((e, i) => {
    const p = `evaluators[${i}]`;
    const value = (key: string): string => {
      if (key !== 'signature') return e[key as keyof typeof e] ?? '';
      const g = signed[i];
      return g ? [g.signature, codeLine(g.code)].filter(Boolean).join('\n') : e.signature;
    };
    const cells = cols.map((c) => cellHtml(ctx, lines(value(c.key)).map(esc).join('<br>'), { path: `${p}.${c.key}`, cls: 'jx-center' }));
    return `<tr${ctx.attrs(p, [], 'jx-keep')}>${cells.join('')}</tr>`;
  });
  for (let i = rows.length; i < BLANK_EVALUATOR_ROWS && report.evaluators.length === 0; i++) {
    rows.push(`<tr class="jx-keep jx-blank-row">${cols.map(() => '<td></td>').join('')}</tr>`);
  }
  return framed(
    `<table class="jx-form jx-evaluators">${colgroup([22, 26, 30, 22])}` +
      `<thead><tr>${cols.map((c) => label(c.print ?? c.label, { cls: 'jx-head' })).join('')}</tr></thead>` +
      `<tbody>${rows.join('')}</tbody></table>`,
  );
}

function renderBlock(b: SignoffBlock, s: PrintedBlock, ctx: RenderContext): string {
  const p = `signoffs.${b.key}`;
  const signLine = `${b.signer}${b.mark}：`;
  const signer = (lead: string) => `<span class="jx-sign-label">${esc(lead)}</span><span${ctx.attrs(`${p}.signer`, [], 'jx-signer')}>${esc(s.signer)}</span>`;
  // a block with an opinion opens with its label and signs at the bottom; one without signs at the top
  const top = b.opinion ? `<div class="jx-sign-head">${esc(`${b.opinion}：`)}</div>` : `<div class="jx-sign-head">${signer(signLine)}</div>`;
  const opinion = `<div${ctx.attrs(`${p}.opinion`, [], 'jx-sign-opinion')}>${paragraphs(s.opinion)}</div>`;
  const bottom =
    (b.opinion ? `<div class="jx-sign-line">${signer(signLine)}</div>` : '') +
    `<div${ctx.attrs(`${p}.date`, [], 'jx-sign-date')}>${esc(signDateLine(s.date))}</div>` +
    (s.code ? `<div class="jx-sign-code">${esc(codeLine(s.code))}</div>` : '') +
    (s.void && ctx.rendering === 'review' ? `<div class="jx-sign-void">签名已失效：签署后所签内容已修改，须重新签署</div>` : '');
  // Each block is its own framed table so a block that does not fit moves whole to the next page.
  const box = `<div class="jx-sign-box">${top}${opinion}${bottom}</div>`;
  return framed(`<table class="jx-form jx-signoffs"><tbody><tr><td${ctx.attrs(p, [], 'jx-sign')}>${box}</td></tr></tbody></table>`, 'jx-frame-whole');
}

export function renderPeople(report: Report, section: SectionDef, ctx: RenderContext): string {
  const signed = printedSignoffs(report, ctx.signatures);
  const blocks = ctx.form.people.blocks.map((b) => renderBlock(b, signed.blocks[b.key], ctx)).join('');
  const prep = report.preparer;
  const name = field(ctx.form, 'preparer.name');
  const phone = field(ctx.form, 'preparer.phone');
  return (
    sectionBar(section.label) +
    renderEvaluators(report, ctx, signed.evaluators) +
    blocks +
    `<div class="jx-preparer"><span>${esc(`${name.label}${name.mark ?? ''}：`)}<span${ctx.attrs('preparer.name', [], 'jx-fill')}>${esc(prep.name)}</span></span>` +
    `<span>${esc(`${phone.label}：`)}<span${ctx.attrs('preparer.phone', [], 'jx-fill')}>${esc(prep.phone)}</span></span></div>`
  );
}
