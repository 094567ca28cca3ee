// One HTML rendering of a Report in the official Yueyang layout. It serves the web preview (fragment)
// and the PDF (standalone document). Pure string building: no Node or DOM APIs, so it runs anywhere.
import type { FormDescriptor, SectionDef } from '../../../core/forms/index';
import type { Finding } from '../../../core/model/finding';
import type { Report } from '../../../core/model/report';
import type { Scorecard } from '../../../core/model/score';
import { formFor } from '../../../core/templates/index';
import type { PrintedSignature, Rendering } from '../content';
import { RenderContext } from './cells';
import { renderCover, reportTitle } from './cover';
import { esc } from './escape';
import { renderBudgetGrid } from './budget-grid';
import { renderTables } from './finance';
import { renderNarrative } from './narrative';
import { renderFields } from './overview';
import { renderPerformance } from './performance';
import { renderProjectTable } from './project';
import { renderScoreSheet } from './score-sheet';
import { renderPeople } from './signoff';
import { PAGE_CSS, PROJECT_CSS, REPORT_CSS } from './styles';

export interface RenderHtmlOptions {
  /** official (default): the form as handed in, no checker marks; review: findings marked, computed scores */
  rendering?: Rendering;
  /** highlighted on the cells their paths point at (review rendering only) */
  findings?: readonly Finding[];
  /** the signature records that fill the sign-off blocks (with their verification codes) */
  signatures?: readonly PrintedSignature[];
  /** printed as the 评分表 after the report */
  score?: Scorecard;
  /** a complete document with page rules (for PDF and download); default: a fragment for embedding */
  standalone?: boolean;
  /** the form to print on; default: the report's template's */
  form?: FormDescriptor;
}

type SectionRenderer = (report: Report, section: SectionDef, ctx: RenderContext) => string;

/** How each kind of printed section is drawn; a form lists its sections and their kinds. */
const RENDERERS: Partial<Record<SectionDef['type'], SectionRenderer>> = {
  cover: (r, _s, ctx) => renderCover(r, ctx),
  fields: renderFields,
  tables: renderTables,
  budgetGrid: renderBudgetGrid,
  performance: renderPerformance,
  people: renderPeople,
  narrative: renderNarrative,
};

/** The root class every rule of the stylesheet is scoped under. */
export const REPORT_CLASS = 'jx-report';

export function renderReportHtml(report: Report, opts: RenderHtmlOptions = {}): string {
  const form = opts.form ?? formFor(report);
  const rendering = opts.rendering ?? 'official';
  const ctx = new RenderContext(form, rendering === 'review' ? opts.findings : [], rendering, opts.signatures);
  // a project table is one grid from title to 总分; an overall report prints section by section
  const sections =
    form.kind === 'project'
      ? renderProjectTable(report, ctx)
      : form.sections
          .filter((s) => s.printed)
          .map((s) => RENDERERS[s.type]?.(report, s, ctx) ?? '')
          .join('');
  const body = sections + (opts.score ? renderScoreSheet(report, opts.score, ctx) : '');
  const root = `<div class="${REPORT_CLASS} jx-${rendering}" lang="zh-CN" data-rendering="${rendering}">${body}</div>`;
  const css = form.kind === 'project' ? REPORT_CSS + PROJECT_CSS : REPORT_CSS;
  if (!opts.standalone) return `<style>${css}</style>${root}`;
  const title = [report.cover.departmentName.trim(), reportTitle(form, report)].filter(Boolean).join(' ');
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><style>${PAGE_CSS}${css}</style></head><body>${root}</body></html>`
  );
}

export { REPORT_CSS, PAGE_CSS, FONT_BODY, FONT_HEADING, FONT_TITLE } from './styles';
export { chineseDate, signDateLine } from './format';
export { reportTitle } from './cover';
