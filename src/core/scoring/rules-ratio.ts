// The 10号 quantitative rule: each indicator of a group earns weight × completion ratio (domain §6.2).
import type { Indicator } from '../model/report';
import { isQualitative, LEVEL_SHARE, type QualitativeLevel, qualitativeLevel } from '../project/qualitative';
import type { Deduction } from '../model/score';
import type { ScoreRule } from '../model/template';
import { type Dec as D, HUNDRED, ONE, ZERO, k, num, parseDecimal, pct, round2 } from './decimal';
import { GROUP_LABEL, indicatorGroup } from './indicator-group';
import { type Outcome, type RuleContext, finish, insufficient, quote } from './outcome';

type RatioRule = Extract<ScoreRule, { type: 'ratio' }>;
const NAME_CHARS = 20;

function labelOf(ind: Indicator): string {
  let name = ind.name.trim();
  if (name.length > NAME_CHARS) {
    // Cut on a code point boundary: a lone high surrogate would print as garbage.
    const code = name.charCodeAt(NAME_CHARS - 1);
    name = `${name.slice(0, code >= 0xd800 && code <= 0xdbff ? NAME_CHARS - 1 : NAME_CHARS)}…`;
  }
  return `${ind.level2.trim()}「${name}」`;
}

/**
 * Completion ratio in [0, 1]. 正向 (≥, >) actual/target; 反向 (≤, <) target/actual; '=' is full when
 * equal and otherwise read as 正向 (domain §6.2 [D][?]). A missing operator is read as 正向, the 10号 default.
 * A met target returns ONE itself, so callers can skip the arithmetic for the common case.
 */
function completion(op: Indicator['operator'], t: D, a: D): D {
  let r: D;
  if (op === '≤' || op === '<') {
    if (a.lte(t) || a.lte(ZERO)) return ONE;
    r = t.div(a);
  } else {
    if (a.gte(t)) return ONE;
    if (t.lte(ZERO)) return ZERO;
    r = a.div(t);
  }
  return r.lt(ZERO) ? ZERO : r;
}

function direction(op: Indicator['operator']): string {
  if (op === '≤' || op === '<') return '反向';
  return op === '=' ? '等于' : op ? '正向' : '未注明方向，按正向';
}

function lacking(ind: Indicator, t: D | null, a: D | null): string {
  const what = [t ? '' : '目标值', a ? '' : '完成值'].filter(Boolean).join('和');
  const written = !a && ind.actual.trim() ? `（完成情况写作“${ind.actual.trim()}”）` : '';
  return `${labelOf(ind)}的${what}${written}`;
}

/** 定性 rows are judged by level: those marked so, and in a project table those with no number at all. */
function byLevel(ind: Indicator, project: boolean): boolean {
  return ind.kind === '定性' || (project && isQualitative(ind));
}

export function ratio(rule: RatioRule, ctx: RuleContext): Outcome {
  const label = GROUP_LABEL[rule.group];
  const inds: Indicator[] = [];
  const targets: D[] = [];
  const actuals: D[] = [];
  const levels: Array<QualitativeLevel | null> = [];
  const missing: string[] = [];
  const project = ctx.report.kind === 'project';
  for (const ind of ctx.report.performance.indicators) {
    if (indicatorGroup(ind) !== rule.group) continue;
    inds.push(ind);
    if (byLevel(ind, project)) {
      const level = qualitativeLevel(ind);
      levels.push(level);
      targets.push(ONE);
      actuals.push(ONE);
      if (!level) missing.push(`${labelOf(ind)}的完成情况“${ind.actual.trim() || '（空）'}”看不出达成程度（达成、部分达成或未达成）`);
      continue;
    }
    levels.push(null);
    const t = parseDecimal(ind.targetValue);
    const a = parseDecimal(ind.actualValue);
    if (t && a) {
      targets.push(t);
      actuals.push(a);
    } else missing.push(lacking(ind, t, a));
  }
  if (inds.length === 0) {
    return insufficient(`报告未列出${label}类绩效指标，无法按完成比例计算${quote(ctx.name)}，暂不计分`, [`${label}类绩效指标`]);
  }
  if (missing.length) {
    return insufficient(
      `${label}类指标共${inds.length}项，其中${missing.length}项缺少数值型目标值或完成值（如完成值只写“已完成”），无法按完成比例计分：${missing.join('；')}`,
      missing,
    );
  }

  let sumW = ZERO;
  let weighted = true;
  for (const i of inds) {
    if (i.weight == null) weighted = false;
    else sumW = sumW.plus(i.weight);
  }
  const useOwn = weighted && sumW.gt(ZERO);
  const each = useOwn ? null : ctx.weight.div(inds.length);
  const eachText = each ? num(each) : '';
  let basis: string;
  if (!useOwn) {
    const some = inds.some((i) => i.weight != null) ? '部分指标未填分值，' : '指标未填分值，';
    basis = `${some}按满分${ctx.weightText}分等分，每项${eachText}分`;
  } else if (sumW.eq(ctx.weight)) basis = '按各指标分值计';
  else basis = `各指标分值合计${num(sumW)}分，按满分${ctx.weightText}分等比折算`;

  let total = ZERO;
  const parts: string[] = [];
  const deductions: Deduction[] = [];
  for (let i = 0; i < inds.length; i++) {
    const ind = inds[i]!;
    const w = each ?? ctx.weight.times(ind.weight!).div(sumW);
    const level = levels[i];
    const r = level ? (level === '达成' ? ONE : k(LEVEL_SHARE[level])) : completion(ind.operator, targets[i]!, actuals[i]!);
    const met = r === ONE;
    const s = met ? w : w.times(r);
    total = total.plus(s);
    const ratioText = met ? '100.00%' : pct(r.times(HUNDRED));
    const what = level
      ? `${labelOf(ind)}目标“${ind.target.trim()}”，完成“${ind.actual.trim()}”（定性，${level}），按${ratioText}计`
      : `${labelOf(ind)}目标${ind.operator ?? ''}${ind.targetValue!.trim()}${ind.unit}，完成${ind.actualValue!.trim()}${ind.unit}（${direction(ind.operator)}），完成比例${ratioText}`;
    parts.push(`${what}，得${met && each ? eachText : num(s)}分`);
    if (!met) deductions.push({ points: round2(w.minus(s)), reason: what });
  }
  const cap = ctx.weight.times(k(rule.cap));
  const capped = total.gt(cap) ? `，不超过上限${num(cap)}分` : '';
  if (total.gt(cap)) total = cap;
  return finish(total, ctx, `${label}类指标${inds.length}项，${basis}：${parts.join('；')}；合计${capped}`, { deductions });
}
