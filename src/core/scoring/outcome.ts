// What one rule gives back for one 评分表 line, and the wording shared by every rule type.
import type { FormDescriptor } from '../forms/schema';
import type { Report, ScoreClaim } from '../model/report';
import type { Deduction, ItemStatus } from '../model/score';
import type { TemplateOptions } from '../model/template';
import { type Dec, ZERO, round2 } from './decimal';
import type { MetricResult } from './metrics';

export interface Outcome {
  status: ItemStatus;
  score: number | null;
  explanation: string;
  deductions: Deduction[];
  metric?: string;
  missing?: string[];
}

export interface RuleContext {
  report: Report;
  /** the form the report is written on: inputs are named in its words */
  form: FormDescriptor;
  /** the 三级指标 name, for messages */
  name: string;
  weight: Dec;
  weightNum: number;
  /** "5": the weight as shown in "（满分5分）" */
  weightText: string;
  mode: TemplateOptions['deductMode'];
  claim: ScoreClaim | undefined;
}

/** Shared by every line without deductions; frozen so that one consumer's push cannot leak into another's. */
export const NO_DEDUCTIONS = Object.freeze([]) as unknown as Deduction[];

export interface Finish {
  /** reason of the single deduction for whatever the line lost; omitted when deductions are itemised */
  loss?: string;
  deductions?: Deduction[];
  metric?: string;
  /** text after "得x分（满分y分）", e.g. the team's note */
  suffix?: string;
}

/**
 * The last step of every computed rule: clamp to [0, weight] ("扣完为止", never above the line's
 * weight), round once, and end the explanation with "：得x分（满分y分）".
 */
export function finish(score: Dec, ctx: RuleContext, why: string, f: Finish = {}): Outcome {
  const s = score.lt(ZERO) ? 0 : score.gt(ctx.weight) ? ctx.weightNum : round2(score);
  const explanation = `${why}：得${s}分（满分${ctx.weightText}分）${f.suffix ?? ''}`;
  let deductions = f.deductions ?? NO_DEDUCTIONS;
  // Both are rounded to hundredths, so the difference is exact once rounded to hundredths again.
  const lost = Math.round((ctx.weightNum - s) * 100) / 100;
  if (f.loss !== undefined && lost > 0) deductions = [{ points: lost, reason: f.loss }];
  const out: Outcome = { status: 'scored', score: s, explanation, deductions };
  if (f.metric !== undefined) out.metric = f.metric;
  return out;
}

export function insufficient(explanation: string, missing: string[]): Outcome {
  return { status: 'insufficient', score: null, explanation, deductions: NO_DEDUCTIONS, missing };
}

/** The template cannot be applied as written: a person must look at the template, not at the report. */
export function unknownOutcome(explanation: string): Outcome {
  return { status: 'unknown', score: null, explanation, deductions: NO_DEDUCTIONS };
}

/** “name”, turning quotes inside the name into ‘’ as Chinese typesetting nests them: “‘三公经费’变动率”. */
export function quote(name: string): string {
  // Most names have no quotes of their own; scoring quotes names for every line, so skip the regexes then.
  const inner = name.includes('“') || name.includes('”') ? name.replace(/“/g, '‘').replace(/”/g, '’') : name;
  return `“${inner}”`;
}

export function missingInputs(ctx: RuleContext, missing: string[]): Outcome {
  return insufficient(`缺少${missing.join('、')}，无法计算${quote(ctx.name)}，暂不计分（数据不足，不等于0分）`, missing);
}

/**
 * Shared handling of a metric that has no usable value: missing inputs make the line insufficient;
 * a zero base gives full marks when there is nothing to measure (0/0) and 0 when the rate cannot be
 * measured at all (x/0, e.g. 上年三公为0而本年大于0), per domain §4.3.
 */
export function metricGate(m: MetricResult, ctx: RuleContext): Outcome | null {
  if (m.kind === 'missing') return missingInputs(ctx, m.missing);
  if (m.kind !== 'zeroBase') return null;
  // The reason names both figures already; the formula would only repeat them around a division by 0.
  const metric = '无法计算（基数为0）';
  if (m.numeratorZero) return finish(ctx.weight, ctx, `${m.reason}，无可比基数，视为达标`, { metric });
  const reason = `${m.reason}，${quote(ctx.name)}无法计算，按0分计（请核实数据）`;
  return finish(ZERO, ctx, reason, { loss: reason, metric });
}

/** "。说明：…" when the team wrote a note. */
export function noteOf(claim: ScoreClaim | undefined): string {
  const note = claim?.note.trim();
  return note ? `。说明：${note}` : '';
}
