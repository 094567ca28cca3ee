// 封面 (cover): title, year, region, department, budget code, evaluation method and body, report date, issuer.
// Web copies put portal chrome (site name, breadcrumbs, "来源: 财务科") before the title; it stays unmapped.
import { label, section } from '../../../core/forms/index';
import type { MapContext } from './context';
import { findLabelled, readLabelled } from './fields';
import { COVER, FINANCE_HEADER, IMPORT_FORM, MISC, OVERVIEW, SECTION, SIGNOFF } from './labels';
import { toSimplifiedAligned } from './simplified';
import { parseDate, parseYear } from './values';
import { excelSerialDate } from './workbook';


/** Index of the first token that belongs to the body rather than the cover. */
export function coverEnd(ctx: MapContext): number {
  // The cover ends where the body starts: the 一、 heading, or (in a workbook) the first body table.
  const first = [SECTION.overview, MISC.anySection, ...Object.values(FINANCE_HEADER), SIGNOFF.evaluatorHeader, MISC.signoffHeader, MISC.preparerHeader]
    .map((re) => ctx.find(re))
    .filter((i) => i >= 0);
  return first.length ? Math.min(...first) : Math.min(ctx.tokens.length, 40);
}

export function mapCover(ctx: MapContext, end = coverEnd(ctx)): void {
  const r = ctx.report;
  readTitle(ctx, end);

  const name = findLabelled(ctx, COVER.departmentName, 0, end) ?? findLabelled(ctx, COVER.implementingUnit);
  if (name) {
    r.cover.departmentName = withContinuation(ctx, name.at, name.value);
    ctx.source('cover.departmentName', name.loc);
  } else if (r.cover.title) {
    // Reports without a cover name the department in the title: "岳阳县财政局2021年度部门整体支出…".
    const fromTitle = departmentInTitle(r.cover.title);
    if (fromTitle) {
      r.cover.departmentName = fromTitle;
      ctx.source('cover.departmentName', r.sources['cover.title']);
    }
  }
  const code = findLabelled(ctx, COVER.budgetCode, 0, end);
  if (code) {
    r.cover.budgetCode = code.value;
    ctx.source('cover.budgetCode', code.loc);
  }
  const method = findLabelled(ctx, COVER.evaluationMethod, 0, end);
  if (method) {
    r.cover.evaluationMethod = method.value;
    ctx.source('cover.evaluationMethod', method.loc);
  }
  const evaluator = findLabelled(ctx, COVER.evaluator, 0, end);
  if (evaluator) {
    r.cover.evaluator = evaluator.value;
    ctx.source('cover.evaluator', evaluator.loc);
  }
  const date = findLabelled(ctx, COVER.reportDate, 0, end);
  if (date) {
    r.cover.reportDate = parseDate(date.value) ?? (ctx.doc.format === 'xlsx' ? excelSerialDate(date.value) : null);
    ctx.source('cover.reportDate', date.loc);
    if (date.value && !r.cover.reportDate) {
      ctx.diag({ code: 'IMPORT.BAD_DATE', severity: 'warning', path: 'cover.reportDate', loc: date.loc, message: `${section(IMPORT_FORM, 'cover').label}·${label(IMPORT_FORM, 'cover.reportDate')}：“${date.value}”不是有效日期。` });
    }
  }
  // Some covers carry the preparer: 填报人：潘进良 / 联系电话：7620466.
  for (let i = 0; i < end; i++) {
    if (ctx.isUsed(i) || !ctx.is(COVER.preparer, i)) continue;
    const p = readLabelled(ctx, i, COVER.preparer);
    r.preparer.name = p.value;
    ctx.source('preparer.name', p.loc);
    const phone = findLabelled(ctx, COVER.preparerPhone, i + 1, Math.min(end, i + 4));
    if (phone) {
      r.preparer.phone = phone.value;
      ctx.source('preparer.phone', phone.loc);
    }
  }
  for (let i = 0; i < end; i++) {
    if (!ctx.isUsed(i) && ctx.is(COVER.issuer, i)) {
      r.cover.issuer = ctx.tokens[i]!.text.trim();
      ctx.source('cover.issuer', ctx.tokens[i]!.loc);
      ctx.use(i);
      break;
    }
  }
}

/** The title is the last title-like line (or pair of lines) before the first cover field. */
function readTitle(ctx: MapContext, end: number): void {
  const firstField = ctx.find(COVER.departmentName, 0, end);
  const limit = firstField >= 0 ? firstField : end;
  let last = -1;
  for (let i = 0; i < limit; i++) if (ctx.is(MISC.titleEnd, i)) last = i;
  // Without a title (or without a year in it) the year is inferred from the rest of the report (year.ts).
  if (last < 0) return;
  let start = last;
  const prev = ctx.nextNonEmptyBefore(last);
  if (prev >= 0 && ctx.is(MISC.titleStart, prev) && !ctx.is(OVERVIEW.contact, prev)) start = prev;
  const lines: string[] = [];
  for (let i = start; i <= last; i++) {
    const text = ctx.tokens[i]!.text.trim();
    if (text) lines.push(text);
    ctx.use(i);
  }
  const title = lines.join('');
  const r = ctx.report;
  r.cover.title = title;
  ctx.source('cover.title', ctx.tokens[start]!.loc);
  r.year = parseYear(title);
  const ym = /\d[\d\s]{2,6}\d\s*(年|-)\s*度|\(\s*\d/.exec(title);
  if (ym && ym.index > 0) r.cover.region = title.slice(0, ym.index).trim();
}

// What a department's name ends in (on the simplified title); a bare place (岳阳市, 岳阳县) is the region of a
// template title.
const ORGANISATION = /(局|委员会|委|办公室|办|院|中心|所|站|部|厅|馆|队|处|学校|校|会|社|场|署|台|园|团|庭|公司|政府|宫|科)$/;

/** "岳阳县财政局2021年度…" or "2021年林业局部门整体…" → the department as printed; null when the title names none. */
export function departmentInTitle(title: string): string | null {
  const t = title.replace(/\s/g, '');
  // matched on the simplified title, cut from the printed one: the two have the same positions
  const s = toSimplifiedAligned(t);
  const before = /^(.{2,40}?)(?:\d{4}|[(（]\d{4})\s*(?:年|-)/.exec(s)?.[1];
  const after = /^(\d{4}年度?)(.{2,40}?)(?:部门\(单位\)|部门（单位）|部门|单位)?整体支出/.exec(s);
  const candidates: Array<[number, string | undefined]> = [[0, before], [after?.[1]!.length ?? 0, after?.[2]]];
  for (const [at, c] of candidates) if (c && ORGANISATION.test(c)) return t.slice(at, at + c.length);
  return null;
}

/** A department name continued on the next line in brackets: "…规划局" / "(原岳阳市国土资源局)". */
function withContinuation(ctx: MapContext, at: number, value: string): string {
  const j = ctx.nextNonEmpty(at);
  if (j < 0 || ctx.isUsed(j)) return value;
  const t = ctx.tokens[j]!;
  if (t.row >= 0 || !/^[(（].+[)）]$/.test(t.text.trim()) || t.text.length > 40) return value;
  ctx.use(j);
  const gap = (t.loc.line ?? 0) - (ctx.tokens[at]!.loc.line ?? 0);
  return `${value}${'\n'.repeat(Math.max(1, gap))}${t.text.trim()}`;
}
