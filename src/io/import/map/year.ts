// The 评价年度 (fiscal year) when the title does not state it: weighed from everything else the report
// gives — cover lines ("（2021年度）"), body phrases ("2021年全县…", "截至2021年12月31日", "2022年工作计划"
// points to 2021), the report date and sign-off dates (reports are dated in the following year) — and
// the evidence is kept in the diagnostic, so a reviewer sees why Jixiao chose that year.
import type { ImportDiagnostic, Loc, YearEvidence } from '../doc';
import type { MapContext } from './context';
import { toSimplified } from './simplified';
import { parseYear } from './values';

// "2021年度", "2021年全县…", "截至2021年12月31日", "2022年工作计划"; 年 may be printed as '-' before 度.
const MENTION = /(?<!\d)((?:19|20)\d{2})\s*(?:年|-(?=\s*度))\s*(度)?/g;
// what follows a year that makes it the year the report is about
const ABOUT = /^(?:全(?:县|市|区|镇|乡|州|省|局|系统)|我(?:局|委|办|部|院|中心|单位|部门|所|站|队|馆|县|市|区|镇|乡|省)|本(?:单位|部门|局)|部门|单位|共|累计|实际|完成|收入|支出|预算|决算|财政|项目|各项)/;
// …and what makes it the year after: a plan for next year in a year-end report
const NEXT = /^(?:(?:工作)?(?:计划|打算|思路|安排|目标任务)|预算安排)/;
const YEAR_END = /(?:截至|截止|至)\s*$/;
const RANGE_OR_SINCE = /^(?:[-—~～至到]\s*(?:19|20)\d{2}|以来|起|之前|以前|前)/;
const MAX_BODY_TOKENS = 4000;

/** Sets report.year from the evidence when nothing stated it, with an IMPORT.YEAR_INFERRED diagnostic. */
export function inferYear(ctx: MapContext, coverEnd: number): void {
  const r = ctx.report;
  if (r.year != null) return;
  const evidence = collect(ctx, coverEnd);
  if (evidence.length === 0) return;
  const totals = new Map<number, number>();
  for (const e of evidence) totals.set(e.year, (totals.get(e.year) ?? 0) + e.weight);
  // the heaviest year; on a tie the one the report date supports, else the later
  const dated = evidence.find((e) => e.source === 'date')?.year;
  const [year] = [...totals].sort((a, b) => b[1] - a[1] || Number(b[0] === dated) - Number(a[0] === dated) || b[0] - a[0])[0]!;
  r.year = year;
  ctx.diag(diagnostic(year, evidence, totals));
}

function collect(ctx: MapContext, coverEnd: number): YearEvidence[] {
  const out: YearEvidence[] = [];
  const r = ctx.report;
  const dateYear = r.cover.reportDate ? Number(r.cover.reportDate.slice(0, 4)) : null;
  if (dateYear != null) out.push({ year: dateYear - 1, source: 'date', text: `报告日期${r.cover.reportDate}`, weight: 3, loc: r.sources['cover.reportDate'] });
  for (const [key, label] of [['leader', '评价组组长签署'], ['department', '部门(单位)意见'], ['finance', '财政部门归口业务科室意见']] as const) {
    const d = r.signoffs[key].date;
    if (d) out.push({ year: Number(d.slice(0, 4)) - 1, source: 'date', text: `${label}日期${d}`, weight: 1, loc: r.sources[`signoffs.${key}.date`] });
  }
  const n = Math.min(ctx.tokens.length, MAX_BODY_TOKENS);
  for (let i = 0; i < n; i++) {
    const t = ctx.tokens[i]!;
    if (!/\d{4}/.test(t.text)) continue;
    if (i < coverEnd) {
      // a cover line of its own ("（2021年度）", "2021年林业局部门整体支出绩效自评表"), not portal chrome
      const y = t.text.length <= 60 && !/来源|发布|日期|时间|索引号|浏览/.test(t.text) ? parseYear(t.text) : null;
      if (y != null) out.push({ year: y, source: 'cover', text: short(t.text), weight: 3, loc: t.loc });
      continue;
    }
    out.push(...bodyMentions(toSimplified(t.text), t.text, t.loc));
  }
  // a year after the report was dated cannot be the one it evaluates
  return out.filter((e) => e.year >= 1990 && e.year <= 2100 && (dateYear == null || e.year < dateYear || e.source !== 'body'));
}

function bodyMentions(simple: string, printed: string, loc: Loc): YearEvidence[] {
  const out: YearEvidence[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(simple); m; m = MENTION.exec(simple)) {
    const year = Number(m[1]);
    // "2021年，我局…": the words after the year, past a comma
    const after = simple.slice(m.index + m[0].length, m.index + m[0].length + 10).replace(/^[，,、\s]+/, '');
    const before = simple.slice(Math.max(0, m.index - 4), m.index);
    if (RANGE_OR_SINCE.test(after)) continue;
    const text = short(printed.slice(Math.max(0, m.index - 6), m.index + m[0].length + 8));
    if (m[2] || YEAR_END.test(before)) out.push({ year, source: 'body', text, weight: 2, loc });
    else if (NEXT.test(after)) out.push({ year: year - 1, source: 'body', text, weight: 1, loc });
    else if (ABOUT.test(after)) out.push({ year, source: 'body', text, weight: 1, loc });
  }
  MENTION.lastIndex = 0;
  return out;
}

function diagnostic(year: number, evidence: YearEvidence[], totals: Map<number, number>): ImportDiagnostic {
  const forYear = evidence.filter((e) => e.year === year);
  const others = [...totals].filter(([y]) => y !== year).sort((a, b) => b[1] - a[1]);
  // a few stray mentions (a task about last year's 述职) are named; clues nearly as heavy make it a warning
  const contested = others.length > 0 && others[0]![1] * 2 >= totals.get(year)!;
  const bodyCount = forYear.filter((e) => e.source === 'body').length;
  const parts = [
    ...forYear.filter((e) => e.source === 'cover').map((e) => `封面“${e.text}”${line(e.loc)}`),
    ...(bodyCount ? [`正文“${forYear.find((e) => e.source === 'body')!.text}”${bodyCount > 1 ? `等${bodyCount}处` : line(forYear.find((e) => e.source === 'body')!.loc)}`] : []),
    ...forYear.filter((e) => e.source === 'date').map((e) => `${e.text}（次年）`),
  ];
  const conflict = others.length ? `；另有线索指向${others.map(([y]) => `${y}年度`).join('、')}（${others.map(([y]) => describe(evidence.filter((e) => e.year === y))).join('；')}）${contested ? '，请核对评价年度' : ''}` : '';
  return {
    code: 'IMPORT.YEAR_INFERRED',
    severity: contested ? 'warning' : 'info',
    path: 'year',
    loc: forYear[0]?.loc,
    message: `标题中没有写明评价年度，按报告中的其他线索推定为${year}年度：${parts.join('、')}${conflict}。`,
    evidence,
  };
}

function describe(list: YearEvidence[]): string {
  return list.slice(0, 3).map((e) => (e.source === 'date' ? e.text : `“${e.text}”`)).join('、') + (list.length > 3 ? `等${list.length}处` : '');
}

function line(loc: Loc | undefined): string {
  return loc?.line != null ? `（第${loc.line}行）` : '';
}

function short(text: string, max = 24): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max)}…`;
}
