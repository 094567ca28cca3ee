// One HTML rendering of a Report in the official Yueyang layout. It serves the web preview (fragment)
// and the PDF (standalone document). Pure string building: no Node or DOM APIs, so it runs anywhere.
import type { Finding } from '../../../core/model/finding';
import type { Report } from '../../../core/model/report';
import type { Scorecard } from '../../../core/model/score';
import { RenderContext } from './cells';
import { renderCover, reportTitle } from './cover';
import { esc } from './escape';
import { renderFinance } from './finance';
import { renderNarrative } from './narrative';
import { renderOverview } from './overview';
import { renderPerformance } from './performance';
import { renderScoreSheet } from './score-sheet';
import { renderSignoffs } from './signoff';
import { PAGE_CSS, REPORT_CSS } from './styles';

export interface RenderHtmlOptions {
  /** highlighted on the cells their paths point at */
  findings?: readonly Finding[];
  /** printed as the 评分表 after the report */
  score?: Scorecard;
  /** a complete document with page rules (for PDF and download); default: a fragment for embedding */
  standalone?: boolean;
}

/** The root class every rule of the stylesheet is scoped under. */
export const REPORT_CLASS = 'jx-report';

export function renderReportHtml(report: Report, opts: RenderHtmlOptions = {}): string {
  const ctx = new RenderContext(opts.findings);
  const body =
    renderCover(report, ctx) +
    renderOverview(report, ctx) +
    renderFinance(report, ctx) +
    renderPerformance(report, ctx) +
    renderSignoffs(report, ctx) +
    renderNarrative(report, ctx) +
    (opts.score ? renderScoreSheet(report, opts.score, ctx) : '');
  const root = `<div class="${REPORT_CLASS}" lang="zh-CN">${body}</div>`;
  if (!opts.standalone) return `<style>${REPORT_CSS}</style>${root}`;
  const title = [report.cover.departmentName.trim(), reportTitle(report)].filter(Boolean).join(' ');
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><style>${PAGE_CSS}${REPORT_CSS}</style></head><body>${root}</body></html>`
  );
}

export { REPORT_CSS, PAGE_CSS, FONT_BODY, FONT_HEADING, FONT_TITLE } from './styles';
export { FINANCE_LAYOUTS, type FinanceLayout, type HeadCell } from './finance';
export { chineseDate, signDateLine } from './format';
export { reportTitle, titleLines } from './cover';
