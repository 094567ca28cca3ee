// Rules whose input is the evaluation team's 评分表 line (ScoreClaim): checklist, violationDeduct,
// qualitative3, manual. The engine recomputes the line from the claim's facts (checks, violations,
// level); a claimed score is taken only where the rule leaves the score to people.
import type { Deduction } from '../model/score';
import type { ScoreRule } from '../model/template';
import { Dec, ZERO, k, num } from './decimal';
import { computeMetric } from './metrics';
import { type Outcome, type RuleContext, finish, insufficient, metricGate, noteOf, quote, unknownOutcome } from './outcome';

type Rule<T extends ScoreRule['type']> = Extract<ScoreRule, { type: T }>;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

function circled(i: number): string {
  return CIRCLED[i] ?? `(${i + 1})`;
}

export function checklist(rule: Rule<'checklist'>, ctx: RuleContext): Outcome {
  const checks = ctx.claim?.checks;
  const need = `评分表${quote(ctx.name)}逐项核对结果`;
  const n = rule.items.length;
  if (!checks) return insufficient(`评分表未填写${quote(ctx.name)}${n}个评分要点的核对结果，暂不计分`, [need]);
  if (checks.length !== n) {
    return insufficient(`${quote(ctx.name)}有${n}个评分要点，评分表填写了${checks.length}项核对结果，数量不一致，暂不计分`, [need]);
  }
  let score = ZERO;
  const deductions: Deduction[] = [];
  const unmet: string[] = [];
  for (let i = 0; i < n; i++) {
    const item = rule.items[i]!;
    if (checks[i]) score = score.plus(k(item.points));
    else {
      unmet.push(`${circled(i)}${item.text}`);
      deductions.push({ points: item.points, reason: `不符合评分要点${circled(i)}：${item.text}` });
    }
  }
  const detail = unmet.length ? `，不符合：${unmet.join('；')}` : '';
  return finish(score, ctx, `评分要点共${n}项，符合${n - unmet.length}项${detail}`, { deductions, suffix: noteOf(ctx.claim) });
}

export function violationDeduct(rule: Rule<'violationDeduct'>, ctx: RuleContext): Outcome {
  let n: number;
  let what: string;
  let each = '每处';
  if (rule.metric) {
    const m = computeMetric(ctx.report, rule.metric, ctx.form);
    const gate = metricGate(m, ctx);
    if (gate) return gate;
    if (m.kind !== 'count') return unknownOutcome(`模板配置有误：${quote(ctx.name)}需要计数指标，无法计分`);
    n = m.value.toNumber();
    what = m.formula;
    each = '每个';
  } else {
    const v = ctx.claim?.violations;
    if (v === undefined) {
      return insufficient(`评分表未填写${quote(ctx.name)}发现的违规情形数，暂不计分`, [`评分表${quote(ctx.name)}违规情形数`]);
    }
    n = v;
    what = n === 0 ? '未发现不符合规定的情形' : `发现不符合规定的情形${n}处`;
  }
  const suffix = noteOf(ctx.claim);
  if (n === 0) return finish(ctx.weight, ctx, what, { suffix });
  const deduct = new Dec(n).times(k(rule.pointsPerViolation));
  const score = ctx.weight.minus(deduct);
  const why = `${what}，${each}扣${rule.pointsPerViolation}分，应扣${num(deduct)}分`;
  return finish(score, ctx, score.lt(ZERO) ? `${why}，扣完为止` : why, { loss: why, suffix });
}

export function qualitative3(rule: Rule<'qualitative3'>, ctx: RuleContext): Outcome {
  const level = ctx.claim?.level;
  if (!level) {
    return insufficient(`评分表未填写${quote(ctx.name)}的达成等次（达成/部分达成/未达成），暂不计分`, [`评分表${quote(ctx.name)}达成等次`]);
  }
  const [lo, hi] = rule.levels[level];
  const low = ctx.weight.times(k(lo));
  const high = ctx.weight.times(k(hi));
  const claimed = ctx.claim?.score;
  let score: Dec;
  let how: string;
  if (claimed == null) {
    // The engine cannot judge how far within the level the work went; it awards only what the level guarantees.
    score = low;
    how = '未填写具体得分，按该等次下限计';
  } else if (low.lte(claimed) && high.gte(claimed)) {
    score = new Dec(claimed);
    how = `自评得分${claimed}分在区间内`;
  } else {
    score = high.lt(claimed) ? high : low;
    how = `自评得分${claimed}分超出该等次区间，按${num(score)}分计`;
  }
  const why = `评价等次为“${level}”，对应${num(low)}～${num(high)}分，${how}`;
  return finish(score, ctx, why, { loss: why, suffix: noteOf(ctx.claim) });
}

export function manual(ctx: RuleContext): Outcome {
  const claimed = ctx.claim?.score;
  const note = ctx.claim?.note.trim() ?? '';
  const need = `评分表${quote(ctx.name)}自评得分及评分依据`;
  if (claimed == null) return insufficient(`${quote(ctx.name)}为人工评分项，评分表未填写得分，暂不计分`, [need]);
  if (!note) return insufficient(`${quote(ctx.name)}为人工评分项，自评得分${claimed}分未写明评分依据，暂不采信`, [need]);
  const inRange = claimed >= 0 && claimed <= ctx.weightNum;
  const clamped = claimed < 0 ? 0 : ctx.weightNum;
  const clamp = inRange ? '' : `（自评得分${claimed}分超出0～${ctx.weightText}分，按${clamped}分计）`;
  return finish(new Dec(claimed), ctx, `人工评分：自评得分${claimed}分${clamp}，评分依据：${note}`, {
    loss: `人工评分扣分，评分依据：${note}`,
  });
}
