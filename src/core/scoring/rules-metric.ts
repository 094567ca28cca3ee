// Rules that read a computed metric: capDeduct, stepDeduct, bands, categorical (domain §4.4).
import type { ScoreRule } from '../model/template';
import { type Dec, ZERO, k, num, pct } from './decimal';
import { computeMetric, type MetricResult } from './metrics';
import { type Outcome, type RuleContext, finish, metricGate, quote, unknownOutcome } from './outcome';

type Rule<T extends ScoreRule['type']> = Extract<ScoreRule, { type: T }>;
type Numeric = Extract<MetricResult, { kind: 'rate' | 'count' }>;

function numeric(m: MetricResult, ctx: RuleContext): Numeric | Outcome {
  const gate = metricGate(m, ctx);
  if (gate) return gate;
  if (m.kind === 'rate' || m.kind === 'count') return m;
  return unknownOutcome(`模板配置有误：${quote(ctx.name)}的评分规则需要数值指标，无法计分`);
}

function isOutcome(x: Numeric | Outcome): x is Outcome {
  return 'status' in x;
}

const shownOf = (m: Numeric): string => (m.kind === 'rate' ? pct(m.value) : `${num(m.value)}个`);
const unitOf = (m: Numeric): string => (m.kind === 'rate' ? '个百分点' : '个');
const targetOf = (m: Numeric, t: number): string => (m.kind === 'rate' ? `${t}%` : `${t}个`);

/**
 * How many units an excess or shortfall counts for under the template's deductMode, and the words
 * that say so when rounding changed the count.
 */
function countUnits(amount: Dec, mode: RuleContext['mode'], unit: string): { n: Dec; note: string } {
  if (mode === 'linear' || amount.isInteger()) return { n: amount, note: '' };
  if (mode === 'perStartedPoint') {
    const n = amount.ceil();
    return { n, note: `（不足1${unit}按1${unit}计，计${num(n)}${unit}）` };
  }
  const n = amount.floor();
  return { n, note: `（不足1${unit}不计，计${num(n)}${unit}）` };
}

interface Deducting {
  direction: 'max' | 'min';
  target: number;
  /** points per counted unit */
  points: number;
  /** stepDeduct: percentage points per step; capDeduct: null (one unit is one point) */
  stepSize: number | null;
}

/** capDeduct and stepDeduct differ only in what one deduction unit is. */
function deductFromTarget(m: Numeric, ctx: RuleContext, d: Deducting): Outcome {
  const target = k(d.target);
  const over = d.direction === 'max' ? m.value.minus(target) : target.minus(m.value);
  const shown = shownOf(m);
  const head = `${m.formula} = ${shown}`;
  if (!over.gt(ZERO)) {
    const ok = d.direction === 'max' ? '未超过' : '不低于';
    return finish(ctx.weight, ctx, `${head}，${ok}标准${targetOf(m, d.target)}`, { metric: shown });
  }
  const unit = unitOf(m);
  let n: Dec;
  let note: string;
  let per: string;
  if (d.stepSize === null) {
    ({ n, note } = countUnits(over, ctx.mode, unit));
    per = `1${unit}`;
  } else {
    // The deductMode applies to steps here: "每低5%扣2分" is as ambiguous as "每低1个百分点".
    ({ n, note } = countUnits(over.div(k(d.stepSize)), ctx.mode, '档'));
    note ||= `（计${num(n)}档）`;
    per = `${d.stepSize}${unit}`;
  }
  const deduct = n.times(k(d.points));
  const score = ctx.weight.minus(deduct);
  const [verb, each] = d.direction === 'max' ? ['超过', '每超'] : ['低于', '每低'];
  const why = `${head}，${verb}标准${num(over)}${unit}${note}，${each}${per}扣${d.points}分`;
  const floored = score.lt(ZERO) ? '，扣完为止' : '';
  return finish(score, ctx, `${why}${floored}`, { loss: `${why}，应扣${num(deduct)}分${floored}`, metric: shown });
}

export function capDeduct(rule: Rule<'capDeduct'>, ctx: RuleContext): Outcome {
  const m = numeric(computeMetric(ctx.report, rule.metric, ctx.form), ctx);
  if (isOutcome(m)) return m;
  const { direction, target, deductPerPoint: points } = rule;
  return deductFromTarget(m, ctx, { direction, target, points, stepSize: null });
}

export function stepDeduct(rule: Rule<'stepDeduct'>, ctx: RuleContext): Outcome {
  const m = numeric(computeMetric(ctx.report, rule.metric, ctx.form), ctx);
  if (isOutcome(m)) return m;
  return deductFromTarget(m, ctx, {
    direction: rule.direction,
    target: rule.target,
    points: rule.pointsPerStep,
    stepSize: rule.stepSize,
  });
}

type Band = Rule<'bands'>['bands'][number];

export function describeBand(b: Band, unit = '%'): string {
  const lo = b.min;
  const hi = b.max;
  if (lo !== undefined && hi !== undefined) {
    if (lo === hi && b.minInclusive && b.maxInclusive) return `=${lo}${unit}`;
    return `${b.minInclusive ? '[' : '('}${lo}${unit}, ${hi}${unit}${b.maxInclusive ? ']' : ')'}`;
  }
  if (lo !== undefined) return `${b.minInclusive ? '≥' : '>'}${lo}${unit}`;
  if (hi !== undefined) return `${b.maxInclusive ? '≤' : '<'}${hi}${unit}`;
  return '任意值';
}

function inBand(v: Dec, b: Band): boolean {
  if (b.min !== undefined) {
    const c = v.cmp(k(b.min));
    if (c < 0 || (c === 0 && !b.minInclusive)) return false;
  }
  if (b.max !== undefined) {
    const c = v.cmp(k(b.max));
    if (c > 0 || (c === 0 && !b.maxInclusive)) return false;
  }
  return true;
}

export function bands(rule: Rule<'bands'>, ctx: RuleContext): Outcome {
  const m = numeric(computeMetric(ctx.report, rule.metric, ctx.form), ctx);
  if (isOutcome(m)) return m;
  const shown = shownOf(m);
  const head = `${m.formula} = ${shown}`;
  const band = rule.bands.find((b) => inBand(m.value, b));
  if (!band) {
    const why = `${head}，不在评分标准的任何区间内`;
    return finish(ZERO, ctx, why, { loss: why, metric: shown });
  }
  const why = `${head}，属于“${describeBand(band, m.kind === 'rate' ? '%' : '个')}”档，该档${band.points}分`;
  return finish(k(band.points), ctx, why, { loss: why, metric: shown });
}

export function categorical(rule: Rule<'categorical'>, ctx: RuleContext): Outcome {
  const m = computeMetric(ctx.report, rule.metric, ctx.form);
  const gate = metricGate(m, ctx);
  if (gate) return gate;
  if (m.kind !== 'category') {
    return unknownOutcome(`模板配置有误：${quote(ctx.name)}的分类评分需要分类指标，无法计分`);
  }
  const hit = rule.cases.find((c) => c.when === m.value);
  if (!hit) return unknownOutcome(`${m.formula}：模板未规定该情形的分值，无法计分`);
  const why = `${m.formula}，${hit.label}`;
  return finish(k(hit.points), ctx, why, { loss: why, metric: hit.label });
}
