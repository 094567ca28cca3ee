// Header-driven tables: the way a workbook (Jixiao's own XLSX export, or a hand-made sheet of the same
// shape) lays out what the Word form prints as blocks — 定性目标 pairs, sign-offs, 填报人, 综述 parts,
// a filled-in 评分表 — plus label | value fields the form has no label for (标题, 地区, 年度, 制表单位).
import { field } from '../../../core/forms/index';
import type { NarrativeKey } from '../../../core/model/report';
import { formOf, getTemplate, listTemplates } from '../../../core/templates/index';
import type { ScoreNode } from '../../../core/model/template';
import type { MapContext, Token } from './context';
import { findLabelled } from './fields';
import { alt, COVER, escape, IMPORT_FORM, INDICATOR_HEADER, MISC, PERFORMANCE } from './labels';
import { headingKey } from './narrative';
import { norm } from './normalize';

const F = IMPORT_FORM;
/** A header cell naming one of these words exactly, or (prefix) starting with one of them. */
const headerCell = (words: readonly string[], prefix = false) => new RegExp(`^(${alt(words)})${prefix ? '' : '$'}`);
// the 定性目标 sheet's heads as any shipped form names them (实际完成, and the 10号 tables' 实际完成情况)
const QUALITATIVE_FORMS = [F, ...listTemplates().map(formOf)].map((f) => f.indicators.qualitative);
const QUALITATIVE_TARGET = headerCell(QUALITATIVE_FORMS.map((q) => q.target));
const QUALITATIVE_RESULT = headerCell(QUALITATIVE_FORMS.map((q) => q.result));
const OPINION = headerCell([F.people.grid.opinion]);
const DATE = headerCell(F.people.grid.date);
const PHONE = headerCell([field(F, 'preparer.phone').label, ...field(F, 'preparer.phone').aliases]);
const TITLE = headerCell([F.workbook.narrativeSheet.headers[1], ...F.workbook.narrativeSheet.aliases[1]]);
const NOTE = headerCell([F.workbook.scoreSheet.note, ...F.workbook.scoreSheet.noteAliases], true);
import { parseScore, parseYear } from './values';
import { itemPath } from '../../../core/rules/paths';

/** Rows after the header row at token `at`, as cells keyed by the header's column, until a blank row. */
function gridRows(ctx: MapContext, at: number): { header: Token[]; rows: Token[][] } {
  const header = ctx.rowOf(at);
  for (const h of header) ctx.use(h.index);
  const rows: Token[][] = [];
  for (let r = ctx.tokens[at]!.row + 1; ctx.rows.has(r); r++) {
    const cells = ctx.rows.get(r)!.map((i) => ctx.tokens[i]!);
    // The next block's own header ends this one.
    if (cells[0]!.block !== ctx.tokens[at]!.block) break;
    if (cells.some((c) => c.roles.includes(MISC.signoffHeader) || (c.roles.includes(MISC.preparerHeader) && c.col === 0))) break;
    rows.push(cells);
  }
  return { header, rows };
}

function column(header: Token[], re: RegExp): number {
  return header.find((h) => h.roles.includes(re) || re.test(h.norm))?.col ?? -1;
}

function cell(row: Token[], col: number): Token | undefined {
  return col < 0 ? undefined : row.find((c) => c.col === col);
}

export function mapWorkbook(ctx: MapContext): void {
  labelledExtras(ctx);
  qualitativeGrid(ctx);
  signoffGrid(ctx);
  preparerGrid(ctx);
  narrativeGrid(ctx);
  scoreSheetGrid(ctx);
}

/**
 * A 发现问题 sheet (级别 | 代码 | 位置 | 说明) is Jixiao's own output about the report, not part of it; its
 * messages quote section names, so it must not be taken for the sections themselves.
 */
export function skipDerivedTables(ctx: MapContext): void {
  for (let at = ctx.find(MISC.findingsHeader); at >= 0; at = ctx.find(MISC.findingsHeader, at + 1)) {
    const t = ctx.tokens[at]!;
    if (t.row < 0 || !ctx.rowOf(at).some((c) => /^代码$/.test(c.norm))) continue;
    const derived: number[] = [];
    for (let i = at; i < ctx.tokens.length && ctx.tokens[i]!.block === t.block; i++) derived.push(i);
    ctx.exclude(derived);
  }
}

function labelledExtras(ctx: MapContext): void {
  const r = ctx.report;
  const title = findLabelled(ctx, COVER.titleLabel);
  if (title?.value) {
    r.cover.title = title.value;
    ctx.source('cover.title', title.loc);
  }
  const region = findLabelled(ctx, COVER.regionLabel);
  if (region) {
    r.cover.region = region.value;
    ctx.source('cover.region', region.loc);
  }
  const year = findLabelled(ctx, COVER.yearLabel);
  if (year) {
    r.year = parseYear(`${year.value}年`) ?? r.year;
    ctx.source('year', year.loc);
  }
  const issuer = findLabelled(ctx, COVER.issuerLabel);
  if (issuer) {
    r.cover.issuer = issuer.value;
    ctx.source('cover.issuer', issuer.loc);
  }
}

/** 序号 | 预期目标 | 实际完成 */
function qualitativeGrid(ctx: MapContext): void {
  // The Word form has its own 定性目标 block (整体支出绩效定性目标 | 预期目标 | 实际完成) read by performance.ts.
  if (ctx.find(PERFORMANCE.qualitative) >= 0) return;
  const at = ctx.find(MISC.qualitativeHeader);
  if (at < 0 || ctx.isUsed(at) || ctx.tokens[at]!.row < 0 || ctx.report.performance.qualitative.length) return;
  const { header, rows } = gridRows(ctx, at);
  const tc = column(header, QUALITATIVE_TARGET);
  const rc = column(header, QUALITATIVE_RESULT);
  for (const row of rows) {
    const target = cell(row, tc)?.text.trim() ?? '';
    const result = cell(row, rc)?.text.trim() ?? '';
    if (!target && !result) continue;
    ctx.report.performance.qualitative.push({ target, result });
    for (const c of row) ctx.use(c.index);
  }
}

// A block's row is named by its party (评价组组长, 部门（单位）…); hand-made sheets shorten them.
const SHORT: Record<string, RegExp> = { leader: /组长/, department: /^部门/, finance: /^财政/ };
const BLOCKS: ReadonlyArray<[RegExp, 'leader' | 'department' | 'finance']> = F.people.blocks.map((b) => [
  new RegExp(`^${escape(norm(b.party))}|${SHORT[b.key]!.source}`),
  b.key,
]);

/** 签署 | 意见 | 签字人 | 日期, one row per block. */
function signoffGrid(ctx: MapContext): void {
  const at = ctx.find(MISC.signoffHeader);
  if (at < 0 || ctx.tokens[at]!.row < 0) return;
  const { header, rows } = gridRows(ctx, at);
  const oc = column(header, OPINION);
  const sc = column(header, MISC.signerHeader);
  const dc = column(header, DATE);
  for (const row of rows) {
    const block = BLOCKS.find(([re]) => re.test(row[0]!.norm))?.[1];
    if (!block) continue;
    const s = ctx.report.signoffs[block];
    s.opinion = cell(row, oc)?.text.trim() ?? '';
    s.signer = cell(row, sc)?.text.trim() ?? '';
    s.date = cellDate(cell(row, dc));
    ctx.source(`signoffs.${block}`, row[0]!.loc);
    for (const c of row) ctx.use(c.index);
  }
}

/** 填报人 | 联系电话, then one row. */
function preparerGrid(ctx: MapContext): void {
  for (let at = ctx.find(MISC.preparerHeader); at >= 0; at = ctx.find(MISC.preparerHeader, at + 1)) {
    const t = ctx.tokens[at]!;
    if (t.row < 0 || t.col !== 0 || ctx.isUsed(at)) continue;
    const { header, rows } = gridRows(ctx, at);
    const pc = column(header, PHONE);
    const row = rows[0];
    if (!row) return;
    ctx.report.preparer = { name: cell(row, 0)?.text.trim() ?? '', phone: cell(row, pc)?.text.trim() ?? '' };
    ctx.source('preparer.name', row[0]!.loc);
    for (const c of row) ctx.use(c.index);
    return;
  }
}

/** 类别 | 标题 | 内容: the narrative parts. */
function narrativeGrid(ctx: MapContext): void {
  const at = ctx.find(MISC.narrativeHeader);
  if (at < 0 || ctx.tokens[at]!.row < 0 || ctx.report.narrative.length) return;
  const { header, rows } = gridRows(ctx, at);
  const hc = column(header, TITLE);
  const bc = column(header, MISC.contentHeader);
  for (const row of rows) {
    const kind = row[0]!.text.trim();
    const heading = cell(row, hc)?.text.trim() ?? '';
    const text = cell(row, bc)?.text ?? '';
    const key: NarrativeKey = headingKey(`一、${kind}`) ?? headingKey(heading) ?? 'other';
    const k = ctx.report.narrative.push({ key, heading, text }) - 1;
    ctx.source(itemPath('narrative', k), row[0]!.loc);
    for (const c of row) ctx.use(c.index);
  }
}

function leaves(nodes: readonly ScoreNode[], out: ScoreNode[] = []): ScoreNode[] {
  for (const n of nodes) (n.children?.length ? leaves(n.children, out) : out.push(n));
  return out;
}

/** A filled-in 评分表: 三级指标 | 分值 | … | 自评得分 (the team's claimed score for each line). */
function scoreSheetGrid(ctx: MapContext): void {
  const at = ctx.find(MISC.claimedHeader);
  if (at < 0 || ctx.tokens[at]!.row < 0) return;
  const { header, rows } = gridRows(ctx, at);
  const nc = column(header, INDICATOR_HEADER.name);
  const cc = ctx.tokens[at]!.col;
  const noteCol = column(header, NOTE);
  const byName = new Map(leaves(getTemplate(ctx.report.templateId).scoreSheet).map((n) => [norm(n.name), n.id]));
  for (const row of rows) {
    for (const c of row) ctx.use(c.index);
    const name = cell(row, nc)?.text.trim() ?? '';
    const claimed = parseScore(cell(row, cc)?.text ?? '');
    const itemId = byName.get(norm(name));
    if (!itemId || claimed == null) continue;
    ctx.report.scoreSheet.push({ itemId, score: claimed, note: cell(row, noteCol)?.text.trim() ?? '' });
  }
}

/** A date cell: text as written, or an Excel serial day number (days since 1899-12-30). */
function cellDate(t: Token | undefined): string | null {
  const v = t?.text.trim() ?? '';
  if (!v) return null;
  return excelSerialDate(v) ?? isoFromText(v);
}

export function excelSerialDate(v: string): string | null {
  if (!/^\d{5}(\.\d+)?$/.test(v)) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(Number(v)) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function isoFromText(v: string): string | null {
  const m = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}
