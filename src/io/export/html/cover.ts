// The cover (封面): the two-line title, the five labelled fields and the issuer line, as the template
// prints them; the page ends after it.
import type { Report } from '../../../core/model/report';
import type { RenderContext } from './cells';
import { esc } from './escape';
import { chineseDate } from './format';

const TITLE_TAIL = '整体支出绩效评价自评报告';

/** The title as printed: the report's own title, else "{region}{year}年度部门整体支出绩效评价自评报告". */
export function reportTitle(report: Report): string {
  const own = report.cover.title.trim();
  if (own) return own;
  const year = report.year != null ? `${report.year}年度` : '年度';
  return `${report.cover.region.trim()}${year}部门${TITLE_TAIL}`;
}

/**
 * The template breaks the title before 整体支出…, giving "…年度部门" / "整体支出绩效评价自评报告";
 * a title that already has line breaks keeps them.
 */
export function titleLines(title: string): string[] {
  const own = title.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (own.length > 1) return own;
  const t = own[0] ?? '';
  const at = t.lastIndexOf(TITLE_TAIL);
  if (at > 0) return [t.slice(0, at), t.slice(at)];
  return t ? [t] : [];
}

// Labels as the seed prints them; 预算编码 is spread to the label width like the template's "预 算 编 码".
const FIELDS = [
  ['部门(单位)名称', 'cover.departmentName'],
  ['预算编码', 'cover.budgetCode'],
  ['评价方式', 'cover.evaluationMethod'],
  ['评价机构', 'cover.evaluator'],
] as const;

export function renderCover(report: Report, ctx: RenderContext): string {
  const c = report.cover;
  const values: Record<string, string> = {
    'cover.departmentName': c.departmentName,
    'cover.budgetCode': c.budgetCode,
    'cover.evaluationMethod': c.evaluationMethod,
    'cover.evaluator': c.evaluator,
  };
  const title = titleLines(reportTitle(report))
    .map((l) => `<span class="jx-title-line">${esc(l)}</span>`)
    .join('');
  const field = (lab: string, path: string, value: string) =>
    `<div class="jx-cover-field"><span class="jx-cover-label">${esc(lab)}</span><span class="jx-cover-colon">：</span>` +
    `<span${ctx.attrs(path, [], 'jx-cover-value')}>${esc(value)}</span></div>`;
  const issuer = c.issuer.trim()
    ? `<div${ctx.attrs('cover.issuer', [], 'jx-cover-issuer')}>${esc(c.issuer)}</div>`
    : '';
  return (
    `<section class="jx-cover">` +
    `<h1${ctx.attrs('cover.title', ['year', 'cover.region'], 'jx-title')}>${title}</h1>` +
    `<div class="jx-cover-fields">${FIELDS.map(([lab, p]) => field(lab, p, values[p] ?? '')).join('')}` +
    `<div class="jx-cover-gap"></div>${field('报告日期', 'cover.reportDate', chineseDate(c.reportDate))}</div>` +
    issuer +
    `</section>`
  );
}
