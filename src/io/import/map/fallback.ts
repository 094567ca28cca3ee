// Reports outside the Yueyang layout (other Hunan forms, other provinces, 10号 project tables) state their
// key figures in prose or in a 资金 grid. When the template's own fields stayed empty, read them there.
import { readAmount } from '../../../core/money';
import type { MapContext, Token } from './context';
import { MISC } from './labels';
import { parseScore } from './values';

const STAFF_QUOTA = /(?:核定编制|编制(?:数|人数)?)(?:为|共)?\s*(\d{1,6})\s*(?:名|人)/;
const ACTUAL_STAFF = /(?:实有|现有|在职)(?:干部职工|人员|人数|职工|干部)?(?:共)?\s*(\d{1,6})\s*人/;
const AMOUNT = '(\\d{1,12}(?:\\.\\d{1,6})?)\\s*万元';
const EXPENDITURE = new RegExp(`(?:年度|全年|部门)?(?:总)?(?<!基本|项目|人员|公用|经费)支出(?:总额|合计|规模)?(?:为|共)?\\s*${AMOUNT}`);
const BASIC = new RegExp(`基本支出(?:资金)?(?:为|共)?\\s*[:：]?\\s*${AMOUNT}`);
const PROJECT = new RegExp(`项目支出(?:资金)?(?:为|共)?\\s*[:：]?\\s*${AMOUNT}`);
const GRADE_WORD = /^(优秀|良好|合格|不合格|一般|较差|优|良|中|差)$/;

export function mapFallbacks(ctx: MapContext): void {
  const r = ctx.report;
  // Only reports outside the Yueyang tables need these searches; most imports never run them.
  const first = (re: RegExp): { m: RegExpExecArray; t: Token } | null => {
    for (const t of ctx.tokens) {
      if (t.text.length <= 6) continue;
      const m = re.exec(t.text);
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
  budgetGrid(ctx);
  if (!r.finance.expenditure.length) {
    const total = first(EXPENDITURE);
    const basic = first(BASIC);
    const project = first(PROJECT);
    if (total || basic || project) {
      r.finance.expenditure.push(proseRow({ total: total?.m[1], basic: basic?.m[1], project: project?.m[1] }));
      ctx.source('finance.expenditure[0]', (total ?? basic ?? project)!.t.loc);
    }
  }
  if (r.performance.selfScore == null) scoreRow(ctx);
}

function proseRow(v: { total?: string; basic?: string; project?: string }) {
  const a = (s?: string) => (s ? (readAmount(s) as { value?: string }).value ?? null : null);
  return {
    institution: '部门整体',
    kind: 'summary' as const,
    total: a(v.total),
    basic: a(v.basic),
    personnel: null,
    public: null,
    project: a(v.project),
    surplusYear: null,
    surplusCumulative: null,
  };
}

/** 10号 资金 grid: "年度资金总额 | 年初预算数 | 全年预算数 | 全年执行数 …". */
function budgetGrid(ctx: MapContext): void {
  const r = ctx.report;
  const at = ctx.find(MISC.budgetRow);
  if (at < 0) return;
  const amounts: Token[] = [];
  for (let j = at + 1; j < ctx.tokens.length && amounts.length < 3; j++) {
    const t = ctx.tokens[j]!;
    if (t.text === '') continue;
    if (readAmount(t.text).kind !== 'amount') break;
    amounts.push(t);
  }
  if (amounts.length < 3) return;
  ctx.use(at);
  const [initial, adjusted, executed] = amounts.map((t) => {
    ctx.use(t.index);
    return (readAmount(t.text) as { value: string }).value;
  });
  r.basics.budgetInitial = initial!;
  r.basics.budgetAdjusted = adjusted!;
  ctx.source('basics.budgetInitial', amounts[0]!.loc);
  ctx.source('basics.budgetAdjusted', amounts[1]!.loc);
  if (!r.finance.income.length) {
    r.finance.income.push({ institution: '部门整体', kind: 'summary', total: adjusted!, carryOver: null, fiscal: null, fund: null, specialAccount: null, other: null });
    ctx.source('finance.income[0].total', amounts[1]!.loc);
  }
  if (!r.finance.expenditure.length) {
    const text = ctx.tokens.map((t) => t.text).join('\n');
    const basic = BASIC.exec(text)?.[1];
    const project = PROJECT.exec(text)?.[1];
    r.finance.expenditure.push({ ...proseRow({ basic, project }), total: executed! });
    ctx.source('finance.expenditure[0].total', amounts[2]!.loc);
  }
}

/** A results row "100.00 | 94.04 | 优" (总分值 | 得分 | 等级), or prose "综合得分94.04分，评价等级为优". */
function scoreRow(ctx: MapContext): void {
  const r = ctx.report;
  for (const [, idx] of ctx.rows) {
    const cells = idx.map((i) => ctx.tokens[i]!).filter((t) => t.text !== '');
    for (let k = 0; k + 2 < cells.length; k++) {
      if (!/^100(\.0+)?$/.test(cells[k]!.text.trim())) continue;
      const score = parseScore(cells[k + 1]!.text);
      const grade = cells[k + 2]!.text.trim();
      if (score == null || !GRADE_WORD.test(grade)) continue;
      r.performance.selfScore = score;
      r.performance.grade = grade;
      ctx.source('performance.selfScore', cells[k + 1]!.loc);
      ctx.source('performance.grade', cells[k + 2]!.loc);
      return;
    }
  }
  for (const t of ctx.tokens) {
    const m = /(?:综合|自评|评价)得分(?:为)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分/.exec(t.text);
    if (!m) continue;
    r.performance.selfScore = parseScore(m[1]!);
    ctx.source('performance.selfScore', t.loc);
    const g = /(?:等次|等级)(?:为|评定为|评为)?[“"]?(优秀|良好|合格|不合格|优|良|中|差)/.exec(t.text);
    if (g) r.performance.grade = g[1]!;
    return;
  }
}
