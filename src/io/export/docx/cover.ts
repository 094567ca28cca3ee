// The cover page (封面): the title in the lines the form breaks it into, the printed field lines with the
// form's labels (预 算 编 码 spread as printed) and blank lines, and the issuer.
import type { Paragraph } from 'docx';
import { composeTitle, field, type FormDescriptor, titleLines } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import { chineseDate, para, S } from './style';

/** The title as one string: the report's own (spaces dropped), else the form's composition. */
export function coverTitle(form: FormDescriptor, report: Report): string {
  return composeTitle(form, { ...report, cover: { ...report.cover, title: report.cover.title.replace(/\s+/g, '') } });
}

function coverValue(report: Report, path: string): string {
  if (path === 'cover.reportDate') return report.cover.reportDate ? chineseDate(report.cover.reportDate) : '';
  return String(report.cover[path.replace(/^cover\./, '') as keyof Report['cover']] ?? '');
}

export function coverParagraphs(form: FormDescriptor, report: Report): Paragraph[] {
  const c = report.cover;
  const out: Paragraph[] = [para('', S.coverTitle, { afterPt: 60 })];
  for (const line of titleLines(form, coverTitle(form, report))) out.push(para(line, S.coverTitle));
  out.push(para('', S.coverField, { afterPt: 120 }));
  for (const path of form.cover.printed) {
    const f = field(form, path);
    if (form.cover.gapBefore.includes(path)) out.push(para('', S.coverField, { afterPt: 48 }));
    out.push(para(`${f.print ?? f.label}：${coverValue(report, path)}`, S.coverField));
  }
  if (c.issuer) out.push(para('', S.coverIssuer, { afterPt: 96 }), para(c.issuer, S.coverIssuer));
  return out;
}
