// A template is data: which 评分表 (score sheet) applies, with weights, rule types, grade bands and options,
// and the form the report is written on (core/forms). A new city or year is a new JSON file in a templates
// directory, not new code (domain.md §4, §10); a changed sheet is a new version of the same id, and a
// report keeps the version it was made with.
import { z } from 'zod';
import { FormDescriptor } from '../forms/schema';

/** Metrics the scoring engine can compute from a Report (core/scoring/metrics.ts). */
export const MetricName = z.enum([
  'staffControlRate', // 财政供养人员控制率 = 实有人数 / 人员编制
  'threePublicChangeRate', // “三公经费”变动率 = (本年 − 上年) / 上年
  'threePublicControlRate', // “三公经费”控制率 = 实际 / 预算
  'keySpendingRate', // 重点支出安排率 = 重点项目支出 / 项目支出预算
  'budgetAdjustmentRate', // 预算调整率 = 预算调整数 / 年初预算数
  'budgetExecutionRate', // 预算执行率 = 支出合计 / 调整后预算数
  'budgetCompletionRate', // 预算完成率 (same inputs as execution under the 10号 reading)
  'publicFundControlRate', // 公用经费控制率 = 公用支出 / 公用经费预算
  'procurementExecutionRate', // 政府采购执行率 = 实际采购 / 采购预算
  'fixedAssetUtilization', // 固定资产利用率 = 在用 / 合计
  'surplusVsCarryOver', // 资金结余: none | withinCarryOver | overCarryOver
  'lateSpecialFunds', // 支付进度: number of 专项 that missed the schedule
]);
export type MetricName = z.infer<typeof MetricName>;

const Band = z.strictObject({
  /** percent, e.g. 90 for 90% */
  min: z.number().optional(),
  max: z.number().optional(),
  minInclusive: z.boolean().default(true),
  maxInclusive: z.boolean().default(false),
  points: z.number(),
});

export const ScoreRule = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('capDeduct'),
    metric: MetricName,
    /** target in percent */
    target: z.number(),
    /** 'max': at most the target is full marks (控制率); 'min': at least the target */
    direction: z.enum(['max', 'min']),
    deductPerPoint: z.number().positive(),
  }),
  z.strictObject({ type: z.literal('bands'), metric: MetricName, bands: z.array(Band).min(1) }),
  z.strictObject({
    type: z.literal('stepDeduct'),
    metric: MetricName,
    target: z.number(),
    direction: z.enum(['max', 'min']),
    /** percentage points per step, e.g. 5 */
    stepSize: z.number().positive(),
    pointsPerStep: z.number().positive(),
  }),
  z.strictObject({
    type: z.literal('ratio'),
    /** which indicators: by normalised 一级 category of the report's indicator table */
    group: z.enum(['output', 'outcome', 'satisfaction']),
    /** the item score never exceeds weight × cap */
    cap: z.number().positive().default(1),
  }),
  z.strictObject({
    type: z.literal('checklist'),
    items: z.array(z.strictObject({ text: z.string(), points: z.number().positive() })).min(1),
  }),
  z.strictObject({
    type: z.literal('violationDeduct'),
    pointsPerViolation: z.number().positive(),
    /** count the violations from a metric (支付进度: lateSpecialFunds) instead of the 评分表 claim */
    metric: MetricName.optional(),
  }),
  z.strictObject({
    type: z.literal('categorical'),
    metric: MetricName,
    cases: z.array(z.strictObject({ when: z.string(), label: z.string(), points: z.number() })).min(1),
  }),
  z.strictObject({
    type: z.literal('qualitative3'),
    /** share of the weight per level, [low, high] */
    levels: z
      .object({
        达成: z.tuple([z.number(), z.number()]),
        部分达成: z.tuple([z.number(), z.number()]),
        未达成: z.tuple([z.number(), z.number()]),
      })
      .default({ 达成: [0.8, 1], 部分达成: [0.6, 0.8], 未达成: [0, 0.6] }),
  }),
  z.strictObject({ type: z.literal('manual') }),
]);
export type ScoreRule = z.infer<typeof ScoreRule>;

export interface ScoreNode {
  id: string;
  name: string;
  weight: number | null;
  /** verified from a published sheet, or a placeholder until the customer confirms it */
  status: 'verified' | 'assumed' | 'unknown';
  criteria?: string;
  note?: string;
  rule?: ScoreRule;
  children?: ScoreNode[];
}
export const ScoreNodeSchema: z.ZodType<ScoreNode> = z.lazy(() =>
  z.strictObject({
    id: z.string(),
    name: z.string(),
    weight: z.number().nonnegative().nullable(),
    status: z.enum(['verified', 'assumed', 'unknown']).default('verified'),
    criteria: z.string().optional(),
    note: z.string().optional(),
    rule: ScoreRule.optional(),
    children: z.array(ScoreNodeSchema).optional(),
  }),
) as z.ZodType<ScoreNode>;

export const GradeBand = z.strictObject({
  min: z.number(),
  label: z.string(),
  /** labels that mean the same band elsewhere: 优 = 优秀, 中 = 合格 = 一般 … */
  aliases: z.array(z.string()).default([]),
});
export type GradeBand = z.infer<typeof GradeBand>;

export const TemplateOptions = z.strictObject({
  /** 万元 rounding tolerance for arithmetic identities (the seed's 1.8917 → 1.89 is fine) */
  toleranceWan: z.string().default('0.01'),
  /** domain A3: is 上年结转 inside 收入合计? */
  carryOverInIncomeTotal: z.boolean().default(true),
  /** Q9: actual ≥ ratio × target means the target was set too low */
  overCompletionRatio: z.number().default(1.2),
  /** "每超过一个百分点扣 x 分": linear in fractional points, or per point started / whole point */
  deductMode: z.enum(['linear', 'perStartedPoint', 'perWholePoint']).default('linear'),
  /** items marked 不适用: full marks (Hunan) or rescale the rest (10号) */
  naPolicy: z.enum(['fullMarks', 'rescale']).default('fullMarks'),
  /** Q11: the lowest acceptable satisfaction target, percent */
  minSatisfactionTarget: z.number().default(80),
});
export type TemplateOptions = z.infer<typeof TemplateOptions>;

/** Another template's form, by id and version: "yueyang-overall@1". */
export const FormRef = z.string().regex(/^[a-z0-9][a-z0-9-]*@\d+$/, { message: '应写为“模板编号@版本”，例如 yueyang-overall@1' });

export const Template = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: '模板编号只能由小写字母、数字和连字符组成（2～64个字符）' }),
  /** a template file never changes once reports use it: a new sheet is a new version */
  version: z.number().int().positive().default(1),
  name: z.string(),
  /** e.g. 岳阳市; 全国 for MOF defaults */
  region: z.string(),
  kind: z.enum(['overall', 'project']),
  /** report years this sheet applies to, inclusive; null = open */
  years: z.tuple([z.number().nullable(), z.number().nullable()]).default([null, null]),
  source: z.string().default(''),
  description: z.string().default(''),
  options: TemplateOptions.default(() => TemplateOptions.parse({})),
  gradeBands: z.array(GradeBand).min(1),
  scoreSheet: z.array(ScoreNodeSchema),
  /** the form: its own descriptor, another template's ("id@version"), or (absent) the default form */
  form: z.union([FormDescriptor, FormRef]).optional(),
});
export type Template = z.infer<typeof Template>;
