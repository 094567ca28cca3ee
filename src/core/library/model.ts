// 指标库 (indicator library): 共性指标 that the finance bureau's 绩效管理科 maintains for every department, and
// 部门指标 that a department keeps for itself. An entry is a 三级指标 in the 101号 tree (一级 → 二级 → 三级) with
// what a department needs to quote it: 指标性质, 计量单位, a suggested 指标值, the 评(扣)分标准, the years it is
// valid for and who may use it. Its id stays the same across years (a report's Indicator.libraryId), which
// is how a report finds last year's value of the same indicator. These zod schemas are the one definition:
// the server validates with them and the web infers its form types from them.
import { z } from 'zod';
import { Operator } from '../model/report';

export const LIBRARY_SCOPES = ['common', 'department'] as const;
export type LibraryScope = (typeof LIBRARY_SCOPES)[number];
export const LIBRARY_SCOPE_LABEL: Record<LibraryScope, string> = { common: '共性指标', department: '部门指标' };

export const LIBRARY_STATUSES = ['active', 'retired'] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];
export const LIBRARY_STATUS_LABEL: Record<LibraryStatus, string> = { active: '启用', retired: '已停用' };

const Name = (what: string, max: number) =>
  z.string({ message: `请填写${what}` }).trim().min(1, { message: `请填写${what}` }).max(max, { message: `${what}不能超过 ${max} 个字` });
const Optional = (what: string, max: number) => z.string().trim().max(max, { message: `${what}不能超过 ${max} 个字` }).default('');
const Year = z.number({ message: '年度须为数字' }).int({ message: '年度须为整数' }).min(1990, { message: '年度不能早于 1990' }).max(2100, { message: '年度不能晚于 2100' });
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;

/** What a maintainer writes: every field of an entry except who owns it and its bookkeeping. */
export const LibraryFields = z
  .object({
    /** 一级指标 as the form prints it: 产出目标 / 效益目标 / 满意度指标 */
    level1: Name('一级指标', 40),
    /** 二级指标: 数量指标 / 质量指标 / 社会效益 … */
    level2: Name('二级指标', 40),
    /** 三级指标: the indicator itself */
    name: Name('三级指标名称', 200),
    /** 指标分类: the line of work it belongs to (通用、党建、教育 …), what the editor filters by */
    category: Optional('指标分类', 40),
    kind: z.enum(['定量', '定性'], { message: '指标性质须为定量或定性' }).default('定量'),
    operator: Operator.nullable().default(null),
    /** 计量单位 */
    unit: Optional('计量单位', 20),
    /** 建议指标值: a number for 定量, an expected level for 定性; empty leaves it to the department */
    suggestedTarget: Optional('建议指标值', 100),
    /** 评(扣)分标准 */
    scoringRule: Optional('评分标准', 1000),
    /** 指标解释 */
    explanation: Optional('指标解释', 1000),
    /** first and last 年度 it may be used for; null = open */
    validFrom: Year.nullable().default(null),
    validTo: Year.nullable().default(null),
    /**
     * Departments (ids) that may quote it besides its owner. Empty: a 共性指标 is for every department of
     * the bureau, a 部门指标 for its own department only.
     */
    usableBy: z.array(z.string().min(1).max(64)).max(500, { message: '适用部门不能超过 500 个' }).default(() => []),
  })
  .superRefine((f, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (f.kind === '定量') {
      if (!f.operator) issue('operator', '定量指标须选择运算符（≥、≤、= 等）');
      if (!f.unit) issue('unit', '定量指标须填写计量单位');
      if (f.suggestedTarget && !DECIMAL.test(f.suggestedTarget)) issue('suggestedTarget', `定量指标的建议指标值须为数字，“${f.suggestedTarget}”不是`);
    } else if (f.operator) issue('operator', '定性指标不填运算符');
    if (f.validFrom != null && f.validTo != null && f.validFrom > f.validTo) issue('validTo', `有效年度的起始年（${f.validFrom}）晚于截止年（${f.validTo}）`);
  });
export type LibraryFields = z.infer<typeof LibraryFields>;
export type LibraryFieldsInput = z.input<typeof LibraryFields>;

/** A stored entry as the API returns it. */
export const LibraryEntry = z.object({
  id: z.string(),
  bureauId: z.string(),
  scope: z.enum(LIBRARY_SCOPES),
  /** the owning department of a 部门指标; null for a 共性指标 */
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  category: z.string(),
  kind: z.enum(['定量', '定性']),
  operator: Operator.nullable(),
  unit: z.string(),
  suggestedTarget: z.string(),
  scoringRule: z.string(),
  explanation: z.string(),
  validFrom: z.number().nullable(),
  validTo: z.number().nullable(),
  usableBy: z.array(z.string()),
  status: z.enum(LIBRARY_STATUSES),
  version: z.number(),
  /** reports whose indicator table quotes it, and the departments they belong to */
  usage: z.object({ reports: z.number(), departments: z.number(), lastYear: z.number().nullable() }),
  updatedAt: z.string(),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;
