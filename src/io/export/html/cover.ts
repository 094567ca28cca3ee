// The cover (封面): the title in the lines the form breaks it into, the printed field lines with a blank
// line where the form leaves one, and the issuer line; the page ends after it.
import { composeTitle, type FormDescriptor, field, titleLines } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import type { RenderContext } from './cells';
import { esc } from './escape';
import { chineseDate } from './format';

/** The title as printed: the report's own, else the form's composition. */
export function reportTitle(form: FormDescriptor, report: Report): string {
  return composeTitle(form, report);
}

/** The value of a printed cover line, as text. */
function coverValue(report: Report, path: string): string {
  if (path === 'cover.reportDate') return chineseDate(report.cover.reportDate);
  const key = path.replace(/^cover\./, '') as keyof Report['cover'];
  return String(report.cover[key] ?? '');
}

export function renderCover(report: Report, ctx: RenderContext): string {
  const form = ctx.form;
  const c = report.cover;
  const title = titleLines(form, reportTitle(form, report))
    .map((l) => `<span class="jx-title-line">${esc(l)}</span>`)
    .join('');
  // Labels are justified to one width in CSS (as the form spreads 预 算 编 码), so printed spaces go.
  const line = (path: string) => {
    const f = field(form, path);
    const lab = (f.print ?? f.label).replace(/\s+/g, '');
    return (
      (form.cover.gapBefore.includes(path) ? `<div class="jx-cover-gap"></div>` : '') +
      `<div class="jx-cover-field"><span class="jx-cover-label">${esc(lab)}</span><span class="jx-cover-colon">：</span>` +
      `<span${ctx.attrs(path, [], 'jx-cover-value')}>${esc(coverValue(report, path))}</span></div>`
    );
  };
  const issuer = c.issuer.trim()
    ? `<div${ctx.attrs('cover.issuer', [], 'jx-cover-issuer')}>${esc(c.issuer)}</div>`
    : '';
  return (
    `<section class="jx-cover">` +
    `<h1${ctx.attrs('cover.title', ['year', 'cover.region'], 'jx-title')}>${title}</h1>` +
    `<div class="jx-cover-fields">${form.cover.printed.map(line).join('')}</div>` +
    issuer +
    `</section>`
  );
}
