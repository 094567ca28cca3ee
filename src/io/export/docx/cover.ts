// The cover page (封面): two title lines, the five cover fields with the seed's own labels, and the issuer.
import type { Paragraph } from 'docx';
import type { Report } from '../../../core/model/report';
import { chineseDate, para, S, textWidth } from './style';

const SUFFIXES = ['整体支出绩效评价自评报告', '绩效评价自评报告'] as const;
/** what fits on one 二号 line of the 156 mm text block, in full-width characters */
const TITLE_LINE_WIDTH = 19.5;

/** The title as one string: the report's own, else composed the way the template prints it. */
export function coverTitle(report: Report): string {
  const own = report.cover.title.replace(/\s+/g, '');
  if (own) return own;
  const year = report.year != null ? `${report.year}年度` : '年度';
  return `${report.cover.region}${year}部门(单位)整体支出绩效评价自评报告`;
}

/**
 * Breaks the title into the two lines the template prints. The template breaks before 绩效评价自评报告;
 * a long region name would push that first line past the margin, so break before 整体支出… then
 * (as the seed does), choosing the break that keeps both lines shortest.
 */
export function titleLines(title: string): string[] {
  const candidates = SUFFIXES.filter((s) => title.endsWith(s) && title.length > s.length).map((s) => [
    title.slice(0, -s.length),
    s,
  ]);
  if (candidates.length === 0) return [title];
  const widest = (lines: string[]): number => Math.max(...lines.map(textWidth));
  const template = candidates.find((lines) => lines[1] === SUFFIXES[1]);
  if (template && widest(template) <= TITLE_LINE_WIDTH) return template;
  return candidates.reduce((a, b) => (widest(b) < widest(a) ? b : a));
}

export function coverParagraphs(report: Report): Paragraph[] {
  const c = report.cover;
  const out: Paragraph[] = [para('', S.coverTitle, { afterPt: 60 })];
  for (const line of titleLines(coverTitle(report))) out.push(para(line, S.coverTitle));
  out.push(para('', S.coverField, { afterPt: 120 }));
  out.push(
    para(`部门(单位)名称：${c.departmentName}`, S.coverField),
    para(`预 算 编 码：${c.budgetCode}`, S.coverField),
    para(`评价方式：${c.evaluationMethod}`, S.coverField),
    para(`评价机构：${c.evaluator}`, S.coverField),
    para('', S.coverField, { afterPt: 48 }),
    para(`报告日期：${c.reportDate ? chineseDate(c.reportDate) : ''}`, S.coverField),
  );
  if (c.issuer) out.push(para('', S.coverIssuer, { afterPt: 96 }), para(c.issuer, S.coverIssuer));
  return out;
}
