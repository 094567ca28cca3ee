// 五、评价报告综述（文字部分）: the narrative parts, heading and paragraphs as written. Numbered short lines
// inside a part (（一）基本支出, 1、专项资金…分析) are sub-headings in the source and print as such.
import type { SectionDef } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { sectionBar, type RenderContext } from './cells';
import { esc } from './escape';
import { lines } from './format';

const NUMBERED = /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+\s*[、.．])/;

/** A sub-heading: numbered, short, and not a sentence (no closing 。；). */
export function isSubheading(line: string): boolean {
  return NUMBERED.test(line) && line.length <= 40 && !/[。；;]$/.test(line);
}

export function renderNarrative(report: Report, section: SectionDef, ctx: RenderContext): string {
  const parts = report.narrative.map((n, i) => {
    const p = `narrative[${i}]`;
    const body = lines(n.text)
      .map((l) => (isSubheading(l) ? `<p class="jx-sub">${esc(l)}</p>` : `<p>${esc(l)}</p>`))
      .join('');
    const heading = n.heading.trim() ? `<h3${ctx.attrs(`${p}.heading`, [], 'jx-part-title')}>${esc(n.heading.trim())}</h3>` : '';
    return `<div${ctx.attrs(p, [], 'jx-part')}>${heading}<div${ctx.attrs(`${p}.text`, [], 'jx-part-text')}>${body}</div></div>`;
  });
  return sectionBar(section.label) + `<div class="jx-frame jx-narrative">${parts.join('')}</div>`;
}
