// A 项目支出绩效自评表 (10号 附件1 and its provincial copies) read into a project report: the header fields,
// the 项目资金 grid (columns by their headers, in the order printed), 年度总体目标 and the indicator grid.
// Works on table rows (DOCX, XLSX, tab-separated text) and on copies flattened to one cell per line alike:
// cells are read in reading order after the label that starts their row, a blank cell being an empty token.
import { blankProject, PROJECT_TEMPLATE } from '../../../core/model/empty';
import type { FundRowKey, Indicator, Operator } from '../../../core/model/report';
import { blankReport } from '../../../core/model/empty';
import { fenToWan, readAmount, wanToFen } from '../../../core/money';
import type { MapContext, Token } from './context';
import { afterLabel } from './normalize';
import { FUNDS, GOALS, GRID, HEADER_FIELDS, SHEET } from './project-labels';
import { toSimplified } from './simplified';
import { parseMeasured, parseScore, parseTarget } from './values';

const NATURE: Record<string, Operator> = { '=': '=', '＝': '=', '≥': '≥', '>=': '≥', '≤': '≤', '<=': '≤', '>': '>', '<': '<' };
/** Cells of a value: amounts, rates, points, "/" for not applicable, or blank. */
const VALUE = /^([-—–/／]|\d[\d,.]*\s*(万元|%|％|分)?|)$/;

/** Turns the mapped report into a project report and reads the project table; the overall parts are dropped. */
export function mapProject(ctx: MapContext): void {
  const r = ctx.report;
  const blank = blankReport();
  r.kind = 'project';
  r.templateId = PROJECT_TEMPLATE.id;
  r.templateVersion = PROJECT_TEMPLATE.version;
  // what the overall form's parsers made of the table is not the project's: its 年度总体目标 are project.goals
  r.overview = blank.overview;
  // the overall cover's "region before the year" reading does not apply to a project table's title
  r.cover.region = '';
  r.finance = blank.finance;
  r.basics = blank.basics;
  r.performance.qualitative = [];
  r.evaluators = blank.evaluators;
  r.signoffs = blank.signoffs;
  r.narrative = blank.narrative;
  for (const k of Object.keys(r.sources)) if (/^(overview|finance|basics|performance\.qualitative|evaluators|signoffs|narrative)\b/.test(k)) delete r.sources[k];
  r.project = blankProject();
  for (let i = 0; i < Math.min(ctx.tokens.length, 5); i++) if (SHEET.test(ctx.tokens[i]!.norm) && ctx.tokens[i]!.text.trim() !== r.cover.title.trim()) ctx.use(i);
  yearLine(ctx);
  header(ctx);
  funds(ctx);
  goals(ctx);
  readIndicatorGrid(ctx);
  if (!r.cover.departmentName && r.project.implementer) r.cover.departmentName = r.project.implementer;
}

/** "（2021年度）" printed under the title belongs to it: 项目支出绩效自评表（2021年度）. */
const YEAR_LINE = /^[(]?\s*(\d{4})\s*年度?\s*[)]?$/;
export function yearLine(ctx: MapContext): void {
  const r = ctx.report;
  const title = r.cover.title.trim();
  const at = title ? ctx.tokens.findIndex((t) => t.text.trim() === title) : -1;
  if (at < 0) return;
  const next = ctx.nextNonEmpty(at, Math.min(ctx.tokens.length, at + 4));
  const m = next >= 0 ? YEAR_LINE.exec(ctx.tokens[next]!.norm) : null;
  if (!m) return;
  ctx.use(next);
  // as the form prints it, whatever a copy kept of the brackets ("2021年度)", "(2021年度)")
  r.cover.title = `${title}（${m[1]}年度）`;
  r.year = Number(m[1]);
  ctx.source('year', ctx.tokens[next]!.loc);
  // the year is the title's now, not inferred
  const k = ctx.diagnostics.findIndex((d) => d.code === 'IMPORT.YEAR_INFERRED');
  if (k >= 0) ctx.diagnostics.splice(k, 1);
}

function header(ctx: MapContext): void {
  const p = ctx.report.project!;
  for (const { path, re } of HEADER_FIELDS) {
    const at = ctx.find(re);
    if (at < 0) continue;
    const t = ctx.tokens[at]!;
    let value = afterLabel(t.text, re) ?? '';
    let from = t;
    if (!value) {
      const next = ctx.nextNonEmpty(at, Math.min(ctx.tokens.length, at + 3));
      if (next < 0) continue;
      from = ctx.tokens[next]!;
      if (HEADER_FIELDS.some((h) => h.re.test(from.norm))) continue;
      value = from.text.trim();
      ctx.use(next);
    }
    ctx.use(at);
    p[path.slice(8) as 'name' | 'department' | 'implementer'] = value;
    ctx.source(path, from.loc);
  }
}

/** A header read off the document: each column key with its cell index when it stands in a real table row. */
interface Header {
  order: string[];
  /** column key → cell index of the header row (row mode only) */
  cols: Map<string, number> | null;
}

/** Grid columns of the cells of a table (DOCX, XLSX: spans known), found by the token's own loc object. */
const GRID_CACHE = new WeakMap<MapContext, WeakMap<object, [number, number]>>();
function gridOf(ctx: MapContext, t: Token): [number, number] {
  let m = GRID_CACHE.get(ctx);
  if (!m) {
    m = new WeakMap();
    for (const b of ctx.doc.blocks) {
      if (b.type !== 'table') continue;
      for (const r of b.rows) {
        let col = 0;
        for (const c of r.cells) {
          const start = c.col ?? col;
          const span = c.colSpan ?? 1;
          m.set(c.loc, [start, start + span]);
          col = start + span;
        }
      }
    }
    GRID_CACHE.set(ctx, m);
  }
  return m.get(t.loc) ?? [t.col, t.col + 1];
}

/** A real table row is short; a copy flattened into one long "row" is read as a stream of cells. */
function realRow(ctx: MapContext, i: number): number[] | null {
  const t = ctx.tokens[i]!;
  const row = t.row >= 0 ? ctx.rows.get(t.row)! : null;
  return row && row.length <= 16 ? row : null;
}

/**
 * The cells of the row token i starts, by column key: in a table, the cell under each header cell; in a
 * flattened copy, the next cells in the header's order (a blank cell being an empty token).
 */
function cellsOf(ctx: MapContext, i: number, h: Header, from: string | null): Map<string, Token> {
  const out = new Map<string, Token>();
  const row = realRow(ctx, i);
  if (h.cols && row) {
    for (const j of row) {
      const t = ctx.tokens[j]!;
      const [a, b] = gridOf(ctx, t);
      for (const [key, col] of h.cols) if (col >= a && col < b && !out.has(key)) out.set(key, t);
    }
    return out;
  }
  const keys = from ? h.order.slice(h.order.indexOf(from) + 1) : h.order;
  keys.forEach((key, n) => {
    const t = ctx.tokens[i + 1 + n];
    if (t) out.set(key, t);
  });
  return out;
}

/** The header cells matching `columns` in [from, to), in printed order; marked used. */
function readHeader(ctx: MapContext, from: number, to: number, columns: ReadonlyArray<{ key: string; re: RegExp }>): Header {
  const order: string[] = [];
  const cols = new Map<string, number>();
  let inRows = true;
  for (let i = from; i < to; i++) {
    const t = ctx.tokens[i]!;
    const c = columns.find(({ re }) => re.test(t.norm));
    if (!c || order.includes(c.key)) continue;
    order.push(c.key);
    cols.set(c.key, gridOf(ctx, t)[0]);
    if (!realRow(ctx, i)) inRows = false;
    ctx.use(i);
  }
  return { order, cols: inRows && order.length ? cols : null };
}

function funds(ctx: MapContext): void {
  const p = ctx.report.project!;
  const start = ctx.find(FUNDS.start);
  const from = start >= 0 ? start : 0;
  const firstRow = FUNDS.rows.map(({ re }) => ctx.find(re, from)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (firstRow === undefined) return;
  // the grid's headings ("预算执行情况(10分)", "年度预算数(万元)") are the form's
  for (let i = from; i < firstRow; i++) if (FUNDS.start.test(ctx.tokens[i]!.norm)) ctx.use(i);
  const header = readHeader(ctx, Math.max(from, firstRow - 20), firstRow, FUNDS.columns);
  if (!header.order.length) header.order.push('initial', 'annual', 'executed', 'weight', 'rate', 'score');
  const seen = new Set<string>();
  for (let i = firstRow; i < Math.min(ctx.tokens.length, firstRow + 12 * (header.order.length + 2)); i++) {
    const norm = ctx.tokens[i]!.norm;
    if (GOALS.start.test(norm) || GRID.start.test(norm) || GRID.level1.test(norm)) break;
    const row = FUNDS.rows.find(({ re }) => re.test(norm));
    if (!row || (row === FUNDS.rows[0] && seen.has(row.key))) continue;
    // provincial copies split 其他 further (财政专户管理资金, 单位资金, 其他资金): their amounts add up
    const again = seen.has(row.key);
    seen.add(row.key);
    ctx.use(i);
    const key = row.key as FundRowKey;
    const cells = cellsOf(ctx, i, header, null);
    for (const col of header.order) {
      const cell = cells.get(col);
      if (!cell) continue;
      const text = toSimplified(cell.text.trim());
      if (!VALUE.test(text)) break;
      ctx.use(cell.index);
      if (col === 'initial' || col === 'annual' || col === 'executed') {
        const a = readAmount(text);
        const had = p.funds[key][col];
        if (a.kind === 'amount') {
          p.funds[key][col] = again && had != null ? addWan(had, a.value) : a.value;
          if (!again || had == null) ctx.source(`project.funds.${key}.${col}`, cell.loc);
        }
      } else if (key === FUNDS.rows[0]!.key) {
        if (col === 'rate' && /\d/.test(text)) p.executionRate = text;
        if (col === 'weight') p.executionWeight = parseScore(text);
        if (col === 'score') p.executionScore = parseScore(text);
      }
    }
    if (realRow(ctx, i)) for (const j of realRow(ctx, i)!) if (ctx.tokens[j]!.text.trim() === '') ctx.use(j);
  }
}

/** a + b in 万元, exactly, with the more decimals of the two */
function addWan(a: string, b: string): string {
  const d = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  return fenToWan(wanToFen(a)! + wanToFen(b)!, d);
}

/** A numbered heading of another block ("2.项目实施内容及过程概述", "三、…") ends the goals. */
const NUMBERED = /^([一二三四五六七八九十]+、|\d+[.、．](?!\d))/;

function goals(ctx: MapContext): void {
  const g = readGoals(ctx);
  if (!g) return;
  const p = ctx.report.project!;
  p.goals.expected = g.expected;
  p.goals.actual = g.actual;
  ctx.source('project.goals.expected', g.expectedLoc);
  if (g.actualLoc) ctx.source('project.goals.actual', g.actualLoc);
}

/** 年度总体目标 | 预期目标 | 实际完成情况 and their texts, up to the indicator grid (the 10号 附件1 and 附件2 alike). */
export function readGoals(ctx: MapContext): { expected: string; actual: string; expectedLoc: Token['loc']; actualLoc: Token['loc'] | undefined } | null {
  const exp = ctx.find(GOALS.expected);
  const act = exp >= 0 ? ctx.find(GOALS.actual, exp) : -1;
  if (exp < 0 || act < 0 || act - exp > 4) return null;
  const start = ctx.find(GOALS.start);
  if (start >= 0 && start < exp) ctx.use(start);
  ctx.use(exp);
  ctx.use(act);
  // the texts up to the indicator grid: the first half expected, the rest actual (one cell each in a table)
  const texts: Token[] = [];
  for (let i = act + 1; i < ctx.tokens.length && texts.length < 40; i++) {
    const t = ctx.tokens[i]!;
    if (GRID.columns.some(({ re }) => re.test(t.norm)) || FUNDS.start.test(t.norm) || GRID.start.test(t.norm) || GRID.end.test(t.norm) || NUMBERED.test(t.norm)) break;
    if (t.text.trim()) texts.push(t);
  }
  if (!texts.length) return null;
  const half = Math.ceil(texts.length / 2);
  const join = (ts: Token[]) => ts.map((t) => t.text.trim()).join('\n');
  for (const t of texts) ctx.use(t.index);
  return { expected: join(texts.slice(0, half)), actual: join(texts.slice(half)), expectedLoc: texts[0]!.loc, actualLoc: texts[half]?.loc };
}

/** The indicator grid (一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因) into performance.indicators. */
export function readIndicatorGrid(ctx: MapContext): void {
  const r = ctx.report;
  r.performance.indicators = [];
  for (const k of Object.keys(r.sources)) if (k.startsWith('performance.indicators')) delete r.sources[k];
  const nameCol = GRID.columns.find((c) => c.key === 'name')!;
  const at = ctx.find(nameCol.re);
  if (at < 0) return;
  const heading = ctx.nextNonEmptyBefore(Math.max(0, at - 2));
  if (heading >= 0 && GRID.start.test(ctx.tokens[heading]!.norm)) ctx.use(heading);
  // the header: the grid's column cells around 三级指标, in printed order
  let end = at + 1;
  while (end < ctx.tokens.length && end < at + 16 && (ctx.tokens[end]!.text.trim() === '' || headerPiece(ctx, end))) end++;
  const header = readHeader(ctx, Math.max(0, at - 3), end, GRID.columns);
  for (let j = at; j < end; j++) ctx.use(j);
  const rowMode = header.cols != null;
  let level1 = '';
  let level2 = '';
  let i = end;
  while (i < ctx.tokens.length) {
    const t = ctx.tokens[i]!;
    if (GRID.end.test(t.norm)) break;
    if (GRID.total.test(t.norm)) {
      totalRow(ctx, i, header);
      break;
    }
    if (rowMode) {
      const row = realRow(ctx, i);
      if (!row) break;
      const cells = cellsOf(ctx, row[0]!, header, null);
      // the row label may be in the first cell (绩效指标 merged down)
      const first = ctx.tokens[row[0]!]!;
      if (GRID.total.test(first.norm)) {
        totalRow(ctx, row[0]!, header);
        break;
      }
      const l1 = cells.get('level1')?.text.trim();
      const l2 = cells.get('level2')?.text.trim();
      if (l1) level1 = l1;
      if (l1 && !l2) level2 = '';
      if (l2) level2 = l2;
      for (const j of row) ctx.use(j);
      const name = cells.get('name');
      if (name?.text.trim()) push(ctx, name, cells, level1, level2);
      i = row.at(-1)! + 1;
      continue;
    }
    if (t.text.trim() === '') {
      ctx.use(i++);
      continue;
    }
    // a flattened copy breaks a level's cell into lines (数量 | 指标, 经济效 | 益指标) and prints its points apart ((50))
    const split = splitLevel(ctx, i);
    if (split) {
      if (split.level === 1) {
        level1 = split.text;
        level2 = '';
      } else level2 = split.text;
      for (let j = i; j < i + split.tokens; j++) ctx.use(j);
      i += split.tokens;
      continue;
    }
    if (POINTS.test(t.norm) || ELLIPSIS.test(t.norm)) {
      // "(50)" under a level; "……" a row the form leaves for more indicators
      ctx.use(i++);
      continue;
    }
    const cells = cellsOf(ctx, i, header, 'name');
    if (header.order.at(-1) === 'reason') dropStrayReason(ctx, cells);
    // the copy ends inside a level's cell (生态 of 生态效益指标): not an indicator
    if (!cells.size && GRID.levelWords.some((w) => w !== t.norm && w.startsWith(t.norm))) break;
    push(ctx, t, cells, level1, level2);
    ctx.use(i);
    for (const c of cells.values()) ctx.use(c.index);
    i += 1 + cells.size;
  }
}

const POINTS = /^\(\d{1,3}(\.\d+)?分?\)?$|^\d{1,3}(\.\d+)?分\)$/;
const ELLIPSIS = /^[.…·。]+$/;

/** Token i — alone or joined with the one or two after it — is a level of the grid: its text and how many tokens. */
function splitLevel(ctx: MapContext, i: number): { level: 1 | 2; text: string; tokens: number } | null {
  let text = '';
  let joined = '';
  for (let n = 1; n <= 2 && i + n - 1 < ctx.tokens.length; n++) {
    const t = ctx.tokens[i + n - 1]!;
    if (n > 1 && (t.text.trim() === '' || t.norm.length > 6)) break;
    text += t.text.trim();
    joined += t.norm;
    if (GRID.level1.test(joined)) return { level: 1, text, tokens: n };
    if (GRID.level2.test(joined)) return { level: 2, text, tokens: n };
  }
  return null;
}

/** Token i is a header cell, or a piece of one broken into lines (年度 | 指标值, 偏差原因 | 分析及 | 改进措施) that joins to a whole wording. */
function headerPiece(ctx: MapContext, i: number): boolean {
  if (GRID.columns.some(({ re }) => re.test(ctx.tokens[i]!.norm))) return true;
  for (let from = Math.max(0, i - 2); from <= i; from++) {
    for (let to = Math.max(i, from + 1); to < Math.min(ctx.tokens.length, from + 3); to++) {
      let joined = '';
      for (let j = from; j <= to; j++) joined += ctx.tokens[j]!.norm;
      if (GRID.headerWords.has(joined)) return true;
    }
  }
  return false;
}

/**
 * In a flattened copy a blank 偏差原因 cell may be missing, so the next indicator's name stands where the
 * reason would: a "reason" followed by two values (its own target and actual) is the next row's name.
 */
function dropStrayReason(ctx: MapContext, cells: Map<string, Token>): void {
  const reason = cells.get('reason');
  if (!reason || !reason.text.trim()) return;
  const a = ctx.tokens[reason.index + 1];
  const b = ctx.tokens[reason.index + 2];
  const valueLike = (t: Token | undefined) => !!t && /\d/.test(t.text) && t.text.trim().length <= 20;
  const rowStart = valueLike(a) && valueLike(b);
  const gridWord = POINTS.test(reason.norm) || ELLIPSIS.test(reason.norm) || splitLevel(ctx, reason.index) != null;
  if (rowStart || gridWord) cells.delete('reason');
}

function push(ctx: MapContext, name: Token, cells: Map<string, Token>, level1: string, level2: string): void {
  const get = (key: string) => cells.get(key)?.text.trim() ?? '';
  const nature = get('nature');
  const targetRaw = get('target');
  const actual = get('actual');
  const measuredTarget = parseMeasured(targetRaw);
  const phrase = measuredTarget ? null : parseTarget(targetRaw);
  const ind: Indicator = {
    level1,
    level2,
    name: name.text.trim(),
    // 定性: so marked, or a target without any figure (显著, 优良中低差)
    kind: nature === '定性' || (targetRaw !== '' && !/\d/.test(targetRaw)) ? '定性' : '定量',
    operator: NATURE[nature] ?? phrase?.operator ?? (/^[≥≤=]/.test(targetRaw) ? NATURE[targetRaw[0]!]! : null),
    target: targetRaw,
    targetValue: measuredTarget?.value ?? phrase?.value ?? null,
    unit: get('unit') || measuredTarget?.unit || phrase?.unit || '',
    actual,
    actualValue: parseMeasured(actual)?.value ?? null,
    weight: parseScore(get('weight')),
    score: parseScore(get('score')),
    deviationReason: get('reason'),
    libraryId: null,
  };
  const k = ctx.report.performance.indicators.push(ind) - 1;
  ctx.source(`performance.indicators[${k}]`, name.loc);
}

/** 总分 | … | 分值 | 得分: the claimed total is the row's 得分 (or its second figure in a flattened copy). */
function totalRow(ctx: MapContext, i: number, header: Header): void {
  const row = realRow(ctx, i);
  ctx.use(i);
  let score: number | null = null;
  if (header.cols && row) {
    const cells = cellsOf(ctx, i, header, null);
    score = parseScore(cells.get('score')?.text ?? '');
    for (const j of row) ctx.use(j);
  } else {
    const figures = ctx.tokens.slice(i + 1, i + 4).filter((c) => parseScore(c.text) != null);
    for (const c of ctx.tokens.slice(i + 1, i + 4)) if (c.text.trim() === '' || parseScore(c.text) != null) ctx.use(c.index);
    if (figures.length >= 2) score = parseScore(figures[1]!.text);
  }
  if (score != null) {
    ctx.report.performance.selfScore = score;
    ctx.source('performance.selfScore', ctx.tokens[i]!.loc);
  }
}
