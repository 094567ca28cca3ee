// The Report: one 部门整体支出绩效评价自评报告 (department overall-expenditure performance self-evaluation).
// Every producer (importers, the editor) makes one, every judge (rules, scoring) reads one.
// Blank cells are null; amounts are 万元 decimal strings exactly as written (see money.ts).
import { z } from 'zod';
import { WAN_PATTERN } from '../money';

/**
 * The ceilings no template's limits may exceed (forms/schema.ts Limits): they keep a hostile document from
 * being parsed at all. What a real form holds is the template's own, smaller bounds (forms/bounds.ts).
 */
export const CEILING = { text: 200_000, items: 5_000, sources: 50_000 } as const;
const tooLong = { message: `文字过长（最多 ${CEILING.text} 个字）` };
const tooMany = { message: `项目过多（最多 ${CEILING.items} 项）` };
const Str = () => z.string().max(CEILING.text, tooLong);
const List = <T extends z.ZodType>(item: T) => z.array(item).max(CEILING.items, tooMany);
const Text = Str().default('');
/** 万元 as a canonical decimal string, or null for a blank cell. */
export const Amount = z
  .string()
  .regex(WAN_PATTERN, { message: '金额必须是万元数，最多 6 位小数，例如 87.2217' })
  .nullable()
  .default(null);
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .nullable()
  .default(null);

/** Where a value came from: a line of a text file, a table cell of a DOCX, or a cell of an XLSX sheet. */
export const SourceRef = z.object({
  line: z.number().int().optional(),
  table: z.number().int().optional(),
  row: z.number().int().optional(),
  cell: z.number().int().optional(),
  paragraph: z.number().int().optional(),
  sheet: z.string().max(200).optional(),
  ref: z.string().max(20).optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Cover = z.object({
  title: Text,
  /** The area named in the title, e.g. 湖南城陵矶新港区, 岳阳县. */
  region: Text,
  /** The issuer line under the cover, e.g. 岳阳市财政局(制). */
  issuer: Text,
  departmentName: Text,
  /** 预算编码: kept as text, leading zeros and letters (YYX292) matter. */
  budgetCode: Text,
  /** 评价方式, normally 部门(单位)绩效自评. */
  evaluationMethod: Text,
  /** 评价机构, normally 部门(单位)评价组. */
  evaluator: Text,
  reportDate: IsoDate,
});

export const Overview = z.object({
  contact: Text,
  phone: Text,
  /** 人员编制 */
  staffQuota: z.number().int().nonnegative().nullable().default(null),
  /** 实有人数 */
  actualStaff: z.number().int().nonnegative().nullable().default(null),
  /** 职能职责概述 */
  duties: Text,
  /** 年度主要工作内容, one entry per 任务 */
  tasks: List(Str()).default(() => []),
  /** 年度部门(单位)总体运行情况及取得的成绩 */
  achievements: Text,
});

/** summary = 局机关及二级机构汇总, main = 局机关, sub = 二级机构. */
export const InstitutionKind = z.enum(['summary', 'main', 'sub']);
export type InstitutionKind = z.infer<typeof InstitutionKind>;
const RowBase = { institution: Str(), kind: InstitutionKind };

export const IncomeRow = z.object({
  ...RowBase,
  total: Amount, // 收入合计
  carryOver: Amount, // 上年结转
  fiscal: Amount, // 公共财政拨款
  fund: Amount, // 政府基金拨款
  specialAccount: Amount, // 纳入专户管理的非税收入拨款
  other: Amount, // 其他收入
});
export const ExpenditureRow = z.object({
  ...RowBase,
  total: Amount, // 支出合计
  basic: Amount, // 基本支出
  personnel: Amount, // 人员支出
  public: Amount, // 公用支出
  project: Amount, // 项目支出
  surplusYear: Amount, // 当年结余
  surplusCumulative: Amount, // 累计结余
});
export const ThreePublicRow = z.object({
  ...RowBase,
  total: Amount, // 三公经费合计
  reception: Amount, // 公务接待费
  vehicleOps: Amount, // 公务用车运维费
  vehiclePurchase: Amount, // 公务用车购置费
  overseas: Amount, // 因公出国费
});
export const FixedAssetRow = z.object({
  ...RowBase,
  total: Amount, // 固定资产合计
  inUse: Amount, // 在用固定资产
  leased: Amount, // 出租固定资产
  other: Amount, // 其他
});

export const Finance = z.object({
  income: List(IncomeRow).default(() => []),
  expenditure: List(ExpenditureRow).default(() => []),
  threePublic: List(ThreePublicRow).default(() => []),
  fixedAssets: List(FixedAssetRow).default(() => []),
});
export type FinanceTableKey = keyof z.infer<typeof Finance>;

export const Operator = z.enum(['=', '≥', '≤', '>', '<']);
export type Operator = z.infer<typeof Operator>;

export const Indicator = z.object({
  /** 一级指标 as printed: 产出目标 / 效益目标 / 满意度指标 … */
  level1: Text,
  /** 二级指标 as printed: 数量指标 / 质量指标 / 社会效益 … */
  level2: Text,
  /** 三级指标: the indicator itself. */
  name: Text,
  kind: z.enum(['定量', '定性']).default('定量'),
  operator: Operator.nullable().default(null),
  /** 指标值 as written. */
  target: Text,
  /** The numeric part of the target, as a decimal string. */
  targetValue: z.string().max(40).nullable().default(null),
  unit: Text,
  /** 完成值 / 完成情况 as written. */
  actual: Text,
  actualValue: z.string().max(40).nullable().default(null),
  weight: z.number().nonnegative().nullable().default(null),
  score: z.number().nullable().default(null),
  /** 偏差原因分析及改进措施 */
  deviationReason: Text,
  /** 指标库 entry this row quotes (core/library): the same id every year, so last year's value is found */
  libraryId: z.string().max(64).nullable().default(null),
});
export type Indicator = z.infer<typeof Indicator>;

export const Performance = z.object({
  /** 整体支出绩效定性目标 (预期目标) vs 实际完成, as pairs. */
  qualitative: List(z.object({ target: Text, result: Text })).default(() => []),
  indicators: List(Indicator).default(() => []),
  /** 绩效自评综合得分 */
  selfScore: z.number().min(0).max(100).nullable().default(null),
  /** 评价等次 */
  grade: Text,
});

export const Evaluator = z.object({
  name: Text,
  title: Text, // 职务/职称
  unit: Text,
  signature: Text,
});

/** A sign-off: 评价组组长, 部门（单位）意见 + 负责人, 财政部门归口业务科室意见 + 负责人. */
export const Signoff = z.object({
  opinion: Text,
  signer: Text,
  date: IsoDate,
});
export const Signoffs = z.object({
  leader: Signoff.default(() => ({ opinion: '', signer: '', date: null })),
  department: Signoff.default(() => ({ opinion: '', signer: '', date: null })),
  finance: Signoff.default(() => ({ opinion: '', signer: '', date: null })),
});

export const NarrativeKey = z.enum([
  'overview', // 部门(单位)概况
  'management', // 整体支出管理及使用情况
  'organization', // 专项组织实施情况
  'performance', // 整体支出绩效情况
  'problems', // 存在的主要问题
  'improvements', // 改进措施和有关建议
  'other',
]);
export type NarrativeKey = z.infer<typeof NarrativeKey>;
export const NarrativeSection = z.object({ key: NarrativeKey, heading: Text, text: Text });

/**
 * 基础数据表: inputs the 评分表 needs that the Yueyang tables do not carry (domain §3).
 * All optional; an item that needs a missing one is "insufficient evidence", not zero.
 */
export const Basics = z.object({
  threePublicPriorYear: Amount, // 上年度三公经费
  threePublicBudget: Amount, // 三公经费预算安排数
  budgetInitial: Amount, // 年初预算数
  budgetAdjusted: Amount, // 调整后预算数 (全年预算数)
  budgetAdjustment: Amount, // 预算调整数 (excluding exempt adjustments)
  keyProjectSpending: Amount, // 重点项目支出
  projectBudget: Amount, // 项目支出预算
  publicBudget: Amount, // 公用经费预算
  procurementBudget: Amount, // 政府采购预算
  procurementActual: Amount, // 实际政府采购金额
  /** 专项 allocations that missed the 支付进度 schedule. */
  lateSpecialFunds: z.number().int().nonnegative().nullable().default(null),
  /** 分值 of the 执行率 line as the 部门整体支出绩效自评表 (10号 附件2) prints it (absent: the template's weight) */
  executionWeight: z.number().nonnegative().nullable().optional(),
  /** 执行率 as the 部门整体支出绩效自评表 (10号 附件2, the Hunan table) prints it beside 全年执行数; absent on other forms */
  executionRate: z.string().max(40).optional(),
  /** 得分 of that 执行率 line as claimed */
  executionScore: z.number().nullable().optional(),
});

/** A 评分表 line as the evaluation team filled it in (self-score and its basis). */
export const ScoreClaim = z.object({
  itemId: z.string().max(200),
  score: z.number().nullable().default(null),
  note: Text,
  /** checklist items met, in the template's order */
  checks: z.array(z.boolean()).max(100).optional(),
  /** number of violations found, for violationDeduct items */
  violations: z.number().int().nonnegative().optional(),
  /** 达成 / 部分达成 / 未达成 for qualitative items */
  level: z.enum(['达成', '部分达成', '未达成']).optional(),
  /** the team marked this line 不适用 (e.g. no 专项 to release); the reason goes in note */
  notApplicable: z.boolean().optional(),
});
export type ScoreClaim = z.infer<typeof ScoreClaim>;

/** One row of the 项目资金 grid (万元): 年初预算数, 全年预算数, 全年执行数. */
export const FundRow = z.object({
  initial: Amount, // 年初预算数
  annual: Amount, // 全年预算数 (调整后预算数)
  executed: Amount, // 全年执行数
});
export type FundRow = z.infer<typeof FundRow>;
const blankFund = () => ({ initial: null, annual: null, executed: null });

/** The keys of the 项目资金 rows: 年度资金总额, 其中 财政拨款 / 上年结转 / 其他资金 (the form names them). */
export const FUND_ROWS = ['total', 'fiscal', 'carryOver', 'other'] as const;
export type FundRowKey = (typeof FUND_ROWS)[number];

/**
 * What a 项目支出绩效自评表 (财预〔2020〕10号 附件1) holds beyond the indicator grid, which it shares with the
 * overall report (performance.indicators; its 总分 is performance.selfScore). Only project reports have it.
 */
export const Project = z.object({
  name: Text, // 项目名称
  department: Text, // 主管部门
  implementer: Text, // 实施单位
  funds: z
    .object({
      total: FundRow.default(blankFund),
      fiscal: FundRow.default(blankFund),
      carryOver: FundRow.default(blankFund),
      other: FundRow.default(blankFund),
    })
    .default(() => ({ total: blankFund(), fiscal: blankFund(), carryOver: blankFund(), other: blankFund() })),
  /** 分值 of the 执行率 line as printed (null: the template's weight) */
  executionWeight: z.number().nonnegative().nullable().default(null),
  /** 执行率 as printed ("100.00%"); the rules compare it with 全年执行数 / 全年预算数 */
  executionRate: z.string().max(40).default(''),
  /** 得分 of the 执行率 line as claimed */
  executionScore: z.number().nullable().default(null),
  /** 年度总体目标: 预期目标 / 实际完成情况 */
  goals: z.object({ expected: Text, actual: Text }).default(() => ({ expected: '', actual: '' })),
});
export type Project = z.infer<typeof Project>;

export const REPORT_KINDS = ['overall', 'project'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
/**
 * 上年问题整改情况: one item of last year's 整改通知 (rectification notice) and what the department did
 * about it. Carried into next year's draft from the notice; `itemId` ties it to the notice item.
 */
export const PriorIssue = z.object({
  itemId: Text,
  /** 问题 */
  problem: Text,
  /** 整改要求 */
  requirement: Text,
  /** 整改期限 */
  dueDate: IsoDate,
  /** 整改情况: the measures taken and their effect */
  measures: Text,
  status: z.enum(['', '已整改', '整改中', '未整改']).default(''),
});
export type PriorIssue = z.infer<typeof PriorIssue>;

export const Report = z.object({
  schemaVersion: z.literal(1).default(1),
  /** overall = 部门整体支出绩效评价自评报告; project = 项目支出绩效自评表 */
  kind: z.enum(REPORT_KINDS).default('overall'),
  templateId: z.string().max(64).default('yueyang-overall'),
  /** the version of that template the report was made with; a later version never changes its meaning */
  templateVersion: z.number().int().positive().default(1),
  year: z.number().int().min(1990).max(2100).nullable().default(null),
  cover: Cover.default(() => Cover.parse({})),
  overview: Overview.default(() => Overview.parse({})),
  finance: Finance.default(() => Finance.parse({})),
  performance: Performance.default(() => Performance.parse({})),
  evaluators: List(Evaluator).default(() => []),
  signoffs: Signoffs.default(() => Signoffs.parse({})),
  preparer: z.object({ name: Text, phone: Text }).default(() => ({ name: '', phone: '' })),
  narrative: List(NarrativeSection).default(() => []),
  basics: Basics.default(() => Basics.parse({})),
  scoreSheet: List(ScoreClaim).default(() => []),
  /** the project table's own parts: project reports only (an overall report's JSON stays as it was) */
  project: Project.optional(),
  /** 上年问题整改情况 (documents stored before it existed lack it: read it as `?? []`) */
  priorIssues: List(PriorIssue).default(() => []),
  /** Provenance: report path (e.g. "finance.income[0].total") → where it was read. */
  sources: z
    .record(z.string().max(200), SourceRef)
    .refine((o) => Object.keys(o).length <= CEILING.sources, { message: `来源记录过多（最多 ${CEILING.sources} 条）` })
    .default(() => ({})),
});

export type Report = z.infer<typeof Report>;
export type Cover = z.infer<typeof Cover>;
export type Overview = z.infer<typeof Overview>;
export type IncomeRow = z.infer<typeof IncomeRow>;
export type ExpenditureRow = z.infer<typeof ExpenditureRow>;
export type ThreePublicRow = z.infer<typeof ThreePublicRow>;
export type FixedAssetRow = z.infer<typeof FixedAssetRow>;
export type Evaluator = z.infer<typeof Evaluator>;
export type Signoff = z.infer<typeof Signoff>;
export type NarrativeSection = z.infer<typeof NarrativeSection>;
export type Basics = z.infer<typeof Basics>;

export { blankReport as emptyReport, blankProject, blankProjectReport } from './empty';
