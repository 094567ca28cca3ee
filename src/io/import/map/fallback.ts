// Reports outside the Yueyang layout (other Hunan forms, other provinces, 10号 project tables) state their
// key figures in prose or in a 资金 grid. When the template's own fields stayed empty, read them there.
import { readAmount, yuanToWan } from '../../../core/money';
import type { MapContext, Token } from './context';
import { MISC } from './labels';
import { toSimplified, toSimplifiedAligned } from './simplified';
import { parseScore } from './values';

const STAFF_QUOTA = /(?:核定|批复)?(?:行政|事业|人员)?编制(?:数|人数|总数)?(?:为|共|是)?\s*(\d{1,6})\s*(?:名|人|个)/;
const ACTUAL_STAFF =
  /(?:实有|现有|在职|在编|实际)(?:在职|在编|在岗){0,2}(?:干部职工|工作人员|人员|人数|职工|干部|员工)?(?:共|总数|数)?(?:为|共|是)?\s*(\d{1,6})\s*(?:人|名)/;
// Amounts in prose: "5560.46万元", "1,234.56万元", "12,345,678.90元".
const MONEY = '(\\d{1,3}(?:[,，]\\d{3})+(?:\\.\\d{1,6})?|\\d{1,16}(?:\\.\\d{1,6})?)\\s*(万元|元)';
const VERB = '(?:为|共|是|达|计)?\\s*[:：]?\\s*';
const PERIOD = '(?:\\d{4}\\s*年度?|年度|全年|本年度?|当年|部门|整体|共|总|累计)(?:部门)?(?:总|共|累计|决算|实际)?';
const TOTAL = '(?:决算数?|总额|合计|总计|规模)';
// A total is "年度支出…", "支出总额…": a bare "…支出" after another word is a part (工资福利支出, 三公经费支出).
const totalOf = (what: string) => new RegExp(`(?:${PERIOD}${what}${TOTAL}?|${what}${TOTAL})${VERB}${MONEY}`);
const EXPENDITURE = totalOf('支出');
const INCOME = totalOf('收入');
const BASIC = new RegExp(`基本支出(?:资金|决算数?|总额|合计)?${VERB}${MONEY}`);
const PROJECT = new RegExp(`项目支出(?:资金|决算数?|总额|合计)?${VERB}${MONEY}`);
const GRADE_WORD = /^(优秀|良好|合格|不合格|一般|较差|优|良|中|差)$/;

export function mapFallbacks(ctx: MapContext): void {
  const r = ctx.report;
  // Only reports outside the Yueyang tables need these searches; most imports never run them.
  const prose = proseOf(ctx);
  const first = (re: RegExp): { m: RegExpExecArray; t: Token } | null => {
    for (const t of ctx.tokens) {
      if (t.text.length <= 6) continue;
      const m = re.exec(prose(t));
      if (m) return { m, t };
    }
    return null;
  };
  if (r.overview.staffQuota == null) {
    const hit = first(STAFF_QUOTA);
    if (hit) {
      r.overview.staffQuota = Number(hit.m[1]);
      ctx.source('overview.staffQuota', hit.t.loc);
    }
  }
  if (r.overview.actualStaff == null) {
    const hit = first(ACTUAL_STAFF);
    if (hit) {
      r.overview.actualStaff = Number(hit.m[1]);
      ctx.source('overview.actualStaff', hit.t.loc);
    }
  }
  budgetGrid(ctx, prose);
  if (!r.finance.income.length) {
    const total = first(INCOME);
    if (total) {
      r.finance.income.push({ institution: '部门整体', kind: 'summary', total: proseAmount(total.m), carryOver: null, fiscal: null, fund: null, specialAccount: null, other: null });
      ctx.source('finance.income[0].total', total.t.loc);
    }
  }
  if (!r.finance.expenditure.length) {
    const total = first(EXPENDITURE);
    const basic = first(BASIC);
    const project = first(PROJECT);
    if (total || basic || project) {
      r.finance.expenditure.push(proseRow({ total: proseAmount(total?.m), basic: proseAmount(basic?.m), project: proseAmount(project?.m) }));
      ctx.source('finance.expenditure[0]', (total ?? basic ?? project)!.t.loc);
    }
  }
  if (r.performance.selfScore == null) scoreRow(ctx, prose);
}

type Prose = (t: Token) => string;

/**
 * A token's text in simplified characters (核定編制 is 核定编制), converted for all tokens when a search first
 * needs it. Position for position the printed text, so what a match covers can be cut from the original.
 */
function proseOf(ctx: MapContext): Prose {
  let texts: string[] | null = null;
  return (t) => (texts ??= ctx.tokens.map((x) => toSimplifiedAligned(x.text)))[t.index]!;
}

/** The 万元 amount of a MONEY match (number, unit); 元 are converted exactly. */
function proseAmount(m: RegExpExecArray | null | undefined): string | null {
  if (!m) return null;
  const [num, unit] = m.slice(-2) as [string, string];
  return unit === '元' ? yuanToWan(num) : ((readAmount(num) as { value?: string }).value ?? null);
}

function proseRow(v: { total?: string | null; basic?: string | null; project?: string | null }) {
  return {
    institution: '部门整体',
    kind: 'summary' as const,
    total: v.total ?? null,
    basic: v.basic ?? null,
    personnel: null,
    public: null,
    project: v.project ?? null,
    surplusYear: null,
    surplusCumulative: null,
  };
}

/** 10号 资金 grid: "年度资金总额 | 年初预算数 | 全年预算数 | 全年执行数 …". */
function budgetGrid(ctx: MapContext, prose: Prose): void {
  const r = ctx.report;
  const at = ctx.find(MISC.budgetRow);
  if (at < 0) return;
  // In a table row the columns are 年初预算数 | 全年预算数 | 全年执行数 by position, blanks included; a copy
  // that lost its rows lists the non-empty amounts in the same order.
  const row = ctx.rowOf(at);
  const amounts: (Token | null)[] = [];
  if (row.length >= 4) {
    const own = row.findIndex((t) => t.index === at);
    for (const t of row.slice(own + 1, own + 4)) amounts.push(t.text.trim() === '' ? null : t);
    if (amounts.some((t) => t && readAmount(toSimplified(t.text)).kind !== 'amount')) return;
  } else {
    for (let j = at + 1; j < ctx.tokens.length && amounts.length < 3; j++) {
      const t = ctx.tokens[j]!;
      if (t.text === '') continue;
      if (readAmount(toSimplified(t.text)).kind !== 'amount') break;
      amounts.push(t);
    }
  }
  if (amounts.length < 3 || amounts.every((t) => t == null)) return;
  ctx.use(at);
  const [initial, adjusted, executed] = amounts.map((t) => {
    if (!t) return null;
    ctx.use(t.index);
    return (readAmount(toSimplified(t.text)) as { value: string }).value;
  });
  if (initial != null) {
    r.basics.budgetInitial = initial;
    ctx.source('basics.budgetInitial', amounts[0]!.loc);
  }
  if (adjusted != null) {
    r.basics.budgetAdjusted = adjusted;
    ctx.source('basics.budgetAdjusted', amounts[1]!.loc);
  }
  if (!r.finance.income.length && adjusted != null) {
    r.finance.income.push({ institution: '部门整体', kind: 'summary', total: adjusted, carryOver: null, fiscal: null, fund: null, specialAccount: null, other: null });
    ctx.source('finance.income[0].total', amounts[1]!.loc);
  }
  if (!r.finance.expenditure.length && executed != null) {
    const text = ctx.tokens.map(prose).join('\n');
    r.finance.expenditure.push({ ...proseRow({ basic: proseAmount(BASIC.exec(text)), project: proseAmount(PROJECT.exec(text)) }), total: executed });
    ctx.source('finance.expenditure[0].total', amounts[2]!.loc);
  }
}

/** A results row "100.00 | 94.04 | 优" (总分值 | 得分 | 等级), or prose "综合得分94.04分，评价等级为优". */
function scoreRow(ctx: MapContext, prose: Prose): void {
  const r = ctx.report;
  for (const [, idx] of ctx.rows) {
    const cells = idx.map((i) => ctx.tokens[i]!).filter((t) => t.text !== '');
    for (let k = 0; k + 2 < cells.length; k++) {
      if (!/^100(\.0+)?$/.test(cells[k]!.text.trim())) continue;
      const score = parseScore(cells[k + 1]!.text);
      const grade = cells[k + 2]!.text.trim();
      if (score == null || !GRADE_WORD.test(prose(cells[k + 2]!).trim())) continue;
      r.performance.selfScore = score;
      r.performance.grade = grade;
      ctx.source('performance.selfScore', cells[k + 1]!.loc);
      ctx.source('performance.grade', cells[k + 2]!.loc);
      return;
    }
  }
  // "自评得分为92.5分" before a looser "综合评分94.04分" / "总分：88分": indicator rows also say 得分.
  for (const re of [SCORE_STRICT, SCORE_LOOSE]) {
    for (const t of ctx.tokens) {
      const m = re.exec(prose(t));
      if (!m) continue;
      const score = parseScore(m[1]!);
      if (score == null) continue;
      r.performance.selfScore = score;
      ctx.source('performance.selfScore', t.loc);
      const next = ctx.tokens[ctx.nextNonEmpty(t.index)];
      const grade = gradeIn(t.text.slice(m.index), prose(t).slice(m.index)) ?? (next ? gradeIn(next.text, prose(next)) : null);
      if (grade) r.performance.grade = grade;
      return;
    }
  }
}

// The strict form may leave out 分 before a comma or full stop: "综合得分为94.04，等级为优".
const SCORE_STRICT = /(?:综合|自评|评价|最终)(?:得分|评分|总分)(?:结果)?(?:为|是|达到)?\s*[:：]?\s*(\d{1,3}(?:\.\d{1,2})?)\s*(?:分|(?=[，,。；;、]|$))/;
const SCORE_LOOSE = /(?:总分|评分结果|得分)(?:为|是)?\s*[:：]?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分/;
const GRADE_PROSE =
  /(?:等次|等级|级别)(?:为|评定为|评为|是)?\s*[:：]?\s*[“"「]?(优秀|良好|合格|不合格|优|良|中|差)|评(?:定|价)?为\s*[“"「]?(优秀|良好|合格|不合格|优|良|中|差)[”"」]?(?:等次|等级)/d;

/** The grade a sentence states, as printed (found on its simplified form `simple`). */
function gradeIn(printed: string, simple: string): string | null {
  const g = GRADE_PROSE.exec(simple);
  const at = g?.indices?.[1] ?? g?.indices?.[2];
  return at ? printed.slice(at[0], at[1]) : null;
}
