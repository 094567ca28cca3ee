// HTTP shapes of the bureau's year (tasks, board, 复核, sampling, 整改, copy checks, inbox, dashboard):
// zod schemas written once; the routes validate with them, OpenAPI documents them, the web infers its
// types from them. Messages are Chinese.
import { z } from 'zod';
import { ROSTER_STATES } from '../../core/bureau/roster';
import { RISK_FACTORS } from '../../core/bureau/sampling';
import { REPORT_KINDS } from '../../core/model/report';

const Id = (what: string) => z.string({ message: `缺少${what}` }).min(1, { message: `缺少${what}` }).max(64);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });
const Year = z.number({ message: '请填写年度' }).int({ message: '年度须为整数' }).min(1990).max(2100);

export const TaskIdParams = z.object({ id: Id('任务编号') });

export const DeadlinesSchema = z.object({
  selfEvalDue: DateText.describe('自评报送截止日'),
  financeReviewDue: DateText.describe('财政审核截止日'),
  publishBy: DateText.describe('结果公开截止日'),
});

export const TaskScopeSchema = z.object({
  mode: z.enum(['all', 'sections', 'picked'], { message: '范围须为 all（全部部门）、sections（按归口科室）或 picked（指定部门）' }),
  sectionIds: z.array(z.string().max(64)).max(200).default([]),
  departmentIds: z.array(z.string().max(64)).max(20000).default([]),
});

export const CreateTaskBody = z.object({
  year: Year,
  kind: z.enum(REPORT_KINDS, { message: '任务类型须为 overall（部门整体）或 project（项目支出）' }).optional().describe('任务类型：overall 部门整体支出（每个部门一份报告），project 项目支出（每个项目一份自评表）；默认为所选模板的类型'),
  templateId: z.string({ message: '请选择评分表模板' }).min(1).max(64),
  title: z.string().max(200).optional(),
  notice: z.string().max(20000, { message: '通知正文不超过 20000 字' }).optional(),
  scope: TaskScopeSchema,
  deadlines: DeadlinesSchema,
});

export const UpdateTaskBody = z.object({
  title: z.string().max(200).optional(),
  notice: z.string().max(20000).optional(),
  scope: TaskScopeSchema.optional(),
  deadlines: DeadlinesSchema.optional(),
});

const StateCounts = z.array(z.object({ state: z.enum(ROSTER_STATES), label: z.string(), count: z.number() }));
const Summary = z.object({
  total: z.number().describe('进度表行数（部门整体任务为部门数；项目支出任务为报告数加尚无报告的部门数）'),
  late: z.number(),
  byState: StateCounts.describe('各状态的行数'),
  departments: z.number().describe('部门数'),
  reports: z.number().describe('报告数'),
  byDepartment: StateCounts.describe('各状态的部门数（部门有多个项目处于不同状态时分别计入）'),
});

export const TaskViewSchema = z.object({
  id: z.string(), bureauId: z.string(), year: z.number(), kind: z.string(), templateId: z.string(), templateName: z.string(),
  title: z.string(), notice: z.string(), scope: TaskScopeSchema, deadlines: DeadlinesSchema,
  status: z.enum(['draft', 'issued', 'closed']), version: z.number(), createdAt: z.string(), issuedAt: z.string().nullable(),
});

export const TaskListItemSchema = TaskViewSchema.extend({ summary: Summary });

export const IssueResultSchema = z.object({ task: TaskViewSchema, departments: z.number(), created: z.number(), attached: z.number() });

export const BoardItemSchema = z.object({
  departmentId: z.string(), departmentName: z.string(), budgetCode: z.string(), sectionId: z.string().nullable(), sectionName: z.string().nullable(),
  reportId: z.string().nullable(), projectName: z.string().nullable().describe('项目名称（项目支出任务的报告；部门整体任务或尚无报告时为 null）'),
  canOpen: z.boolean().describe('报告已报送财政，可打开'),
  state: z.enum(ROSTER_STATES), stateLabel: z.string(), stage: z.enum(['department', 'finance', 'publish', 'done']),
  due: z.string().nullable(), daysLeft: z.number().nullable().describe('距截止日天数，负数为逾期天数'), daysLeftText: z.string(), late: z.boolean(),
  extendedDue: z.string().nullable(), extensionReason: z.string().nullable(), lastActivity: z.string().nullable(),
  selfScore: z.number().nullable(), grade: z.string().nullable(), errors: z.number().nullable(), warnings: z.number().nullable(), waivers: z.number().nullable(),
  openRectifications: z.number(), sampled: z.boolean(), reviewScore: z.number().nullable(), copyFlags: z.number(), wrongDepartment: z.boolean(),
});

export const BoardSchema = z.object({ task: TaskViewSchema, generatedAt: z.string(), summary: Summary, items: z.array(BoardItemSchema) });

export const ExtendBody = z.object({
  departmentId: Id('部门'),
  due: DateText.nullable().describe('新的报送截止日；null 为取消延期'),
  reason: z.string({ message: '请填写延期理由' }).max(2000),
});
export const ExtendResult = z.object({ departmentId: z.string(), extendedDue: z.string().nullable(), reason: z.string().nullable() });

export const RemindResultSchema = z.object({
  taskTitle: z.string(),
  late: z.array(z.object({
    taskId: z.string(), departmentId: z.string(), departmentName: z.string(), stage: z.enum(['department', 'finance', 'publish']), due: z.string(), daysLeft: z.number(), text: z.string(),
    projects: z.array(z.object({ reportId: z.string().nullable(), projectName: z.string(), stateLabel: z.string() })).optional().describe('项目支出任务：该部门逾期的各项目（尚无报告时为空）'),
    recipients: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string() })),
  })),
  sent: z.number().nullable(),
  sender: z.string().nullable(),
});

export const RosterSchema = z.object({
  sections: z.array(z.object({ id: z.string(), bureauId: z.string(), name: z.string(), kind: z.enum(['counterpart', 'performance']), kindLabel: z.string(), createdAt: z.string() })),
  departments: z.array(z.object({ id: z.string(), bureauId: z.string(), name: z.string(), budgetCode: z.string(), parentId: z.string().nullable(), sectionId: z.string().nullable(), createdAt: z.string() })),
});

// 复核
const RescoreLine = z.object({
  itemId: z.string(), name: z.string(), path: z.array(z.string()), weight: z.number(), self: z.number().nullable(), computed: z.number().nullable(), review: z.number().nullable(),
  deviation: z.number().nullable(), baseline: z.number().nullable(), changed: z.boolean(), reason: z.string(), explanation: z.string(),
});
export const RescoreViewSchema = z.object({
  reportId: z.string(), reportVersion: z.number(),
  sheet: z.object({
    lines: z.array(RescoreLine), total: z.number().nullable(), complete: z.boolean(), grade: z.string().nullable(), commonGrade: z.string().nullable(),
    selfTotal: z.number().nullable(), computedTotal: z.number().nullable(), deviation: z.number().nullable().describe('偏离度 =（自评 − 复核）/ 复核'),
  }),
  rescore: z.object({
    version: z.number(), reviewerKind: z.enum(['reviewer', 'perf_admin', 'third_party']), reviewerKindLabel: z.string(), thirdParty: z.string(), opinion: z.string(),
    reviewerId: z.string(), updatedAt: z.string(), reportVersion: z.number(),
  }).nullable(),
  canEdit: z.boolean(),
  financeOpinion: z.string().describe('审核通过时财政归口业务科室意见的草稿'),
});
export const RescoreBody = z.object({
  items: z.array(z.object({ itemId: z.string().max(128), score: z.number().nullable(), reason: z.string().max(2000).default('') })).max(200),
  opinion: z.string().max(4000).default(''),
  reviewerKind: z.enum(['reviewer', 'perf_admin', 'third_party'], { message: '复核方须为 reviewer、perf_admin 或 third_party' }),
  thirdParty: z.string().max(200).optional(),
});

export const ConcernsSchema = z.object({
  concerns: z.array(z.object({ code: z.string(), message: z.string(), path: z.string().optional() })),
});

/** One answer under a return, as the report view lists it (returns[].replies). */
export const ReplySchema = z.object({
  id: z.string(), path: z.string(), side: z.enum(['department', 'finance']), stance: z.enum(['accept', 'dispute', 'reply']),
  text: z.string(), userId: z.string(), userName: z.string().nullable(), createdAt: z.string(),
});

export const ReplyParams = z.object({ id: Id('报告编号'), returnId: Id('退回记录') });
export const ReplyBody = z.object({
  stance: z.enum(['accept', 'dispute', 'reply'], { message: '回应须为 accept（同意）、dispute（异议）或 reply（财政答复）' }),
  text: z.string().max(2000, { message: '内容不超过 2000 字' }).default(''),
  path: z.string().max(256).optional(),
});
export const ReplyResult = z.object({ id: z.string(), createdAt: z.string() });
export const WithdrawResult = z.object({ id: z.string(), deleted: z.literal(true) });

// 抽查
export const SampleBody = z.object({
  size: z.number().int().min(1).optional(),
  percent: z.number().gt(0).max(100).optional(),
  weights: z.object(Object.fromEntries(RISK_FACTORS.map((f) => [f, z.number().min(0).max(100).optional()]))).optional(),
  randomShare: z.number().min(0).max(1),
  seed: z.string().max(100).optional(),
  recentYears: z.number().int().min(1).max(20).optional(),
  dryRun: z.boolean().optional().describe('true：只预览，不保存'),
});
const PickSchema = z.object({
  departmentId: z.string(), departmentName: z.string(), reportId: z.string(), projectName: z.string().nullable().describe('项目名称（项目支出任务）'), source: z.enum(['risk', 'random', 'manual']),
  risk: z.number(), reasons: z.array(z.string()), dropped: z.boolean(), note: z.string(),
});
export const SampleViewSchema = z.object({
  taskId: z.string(), stored: z.boolean(), seed: z.string(),
  params: z.object({ size: z.number().optional(), percent: z.number().optional(), weights: z.record(z.string(), z.number()), randomShare: z.number(), seed: z.string(), recentYears: z.number() }),
  candidates: z.number(), createdAt: z.string().nullable(), updatedAt: z.string().nullable(), picks: z.array(PickSchema),
  ranked: z.array(z.object({ departmentId: z.string(), departmentName: z.string(), reportId: z.string(), projectName: z.string().nullable(), risk: z.number(), reasons: z.array(z.string()) })),
});
export const AdjustSampleBody = z.object({
  departmentId: Id('部门'), reportId: z.string().max(64).optional().describe('报告编号：项目支出任务中部门有多份报告时必填'), action: z.enum(['add', 'drop'], { message: '操作须为 add 或 drop' }), reason: z.string().max(2000) });

// 整改
export const RectificationParams = z.object({ id: Id('整改通知编号') });
export const RectItemParams = z.object({ id: Id('整改通知编号'), itemId: Id('整改事项编号') });
export const EvidenceParams = z.object({ id: Id('整改通知编号'), fileId: Id('材料编号') });
export const RectificationQuery = z.object({
  taskId: z.string().max(64).optional(), departmentId: z.string().max(64).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(), status: z.enum(['open', 'closed']).optional(),
});
export const IssueRectificationBody = z.object({
  departmentId: Id('部门'),
  reportId: z.string().max(64).nullable().optional(),
  taskId: z.string().max(64).nullable().optional(),
  year: Year.optional(),
  title: z.string().max(200).optional(),
  basis: z.enum(['findings', 'rescore', 'grade', 'other'], { message: '依据须为 findings、rescore、grade 或 other' }),
  items: z.array(z.object({
    problem: z.string().max(2000), requirement: z.string().max(2000), dueDate: DateText.nullable().optional(), responsible: z.string().max(200).optional(),
  })).min(1, { message: '整改通知至少要有一项问题' }).max(100),
});
const EvidenceSchema = z.object({ id: z.string(), fileName: z.string(), format: z.string(), size: z.number(), sha256: z.string(), uploadedAt: z.string() });
export const NoticeViewSchema = z.object({
  id: z.string(), departmentId: z.string(), departmentName: z.string(), reportId: z.string().nullable(), taskId: z.string().nullable(), year: z.number(),
  title: z.string(), basis: z.enum(['findings', 'rescore', 'grade', 'other']), basisLabel: z.string(), status: z.enum(['open', 'closed']), issuedAt: z.string(), closedAt: z.string().nullable(),
  items: z.array(z.object({
    id: z.string(), seq: z.number(), problem: z.string(), requirement: z.string(), dueDate: z.string().nullable(), responsible: z.string(),
    status: z.enum(['open', 'answered', 'accepted', 'reopened']), statusLabel: z.string(), answer: z.string(), answeredAt: z.string().nullable(),
    reviewNote: z.string(), reviewedAt: z.string().nullable(), version: z.number(), evidence: z.array(EvidenceSchema),
  })),
  side: z.enum(['department', 'finance']).optional(),
});
export const AnswerBody = z.object({ answer: z.string().max(4000) });
export const ReviewItemBody = z.object({ decision: z.enum(['accept', 'reopen'], { message: '处理须为 accept（销号）或 reopen（退回重改）' }), note: z.string().max(2000).optional() });
export const ItemResult = z.object({ id: z.string(), status: z.string(), version: z.number() });
export { EvidenceSchema };

// 文本雷同
export const CopyRunSchema = z.object({
  taskId: z.string(), ranAt: z.string().nullable(),
  stats: z.object({ reports: z.number(), targets: z.number(), passages: z.number(), candidatePairs: z.number(), flaggedReports: z.number(), ms: z.number() }).nullable(),
  matches: z.array(z.object({
    reportId: z.string(), departmentName: z.string(), kind: z.enum(['passage', 'whole', 'wrong_department']), path: z.string(), passage: z.string(),
    otherReportId: z.string().nullable(), otherDepartmentName: z.string(), otherYear: z.number().nullable(), otherPath: z.string(), otherPassage: z.string(), similarity: z.number().nullable(),
  })),
});

// 待办
const InboxItemSchema = z.object({
  kind: z.enum(['fill', 'answer_return', 'sign', 'approve', 'review', 'rescore', 'reply_dispute', 'rectify', 'accept_rectification', 'publish', 'issue_task', 'deadline']),
  title: z.string(), detail: z.string(), link: z.object({ type: z.enum(['report', 'reports', 'rectification', 'task']), id: z.string() }),
  due: z.string().nullable().optional(), daysLeft: z.number().nullable().optional(), level: z.enum(['overdue', 'dueSoon']).optional(),
});
export const InboxSchema = z.object({ todo: z.array(InboxItemSchema), warnings: z.array(InboxItemSchema) });

// 看板
const Ids = z.array(z.string());
const Bucket = z.object({ reportIds: Ids, count: z.number() });
export const DashboardQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });
export const DashboardSchema = z.object({
  year: z.number().nullable(), years: z.array(z.number()),
  completion: z.object({
    total: z.number(), reported: z.number(), late: z.number(),
    byState: z.array(z.object({ state: z.enum(ROSTER_STATES), label: z.string(), departmentIds: Ids, reportIds: Ids, count: z.number() })),
  }).nullable(),
  grades: z.array(z.object({ grade: z.string(), self: Bucket, review: Bucket })),
  scatter: z.array(z.object({ reportId: z.string(), departmentName: z.string(), self: z.number().nullable(), computed: z.number().nullable(), review: z.number().nullable() })),
  deviationBySection: z.array(z.object({ sectionId: z.string().nullable(), sectionName: z.string(), count: z.number(), pooled: z.number().nullable(), meanAbsolute: z.number().nullable(), reportIds: Ids })),
  execution: z.array(z.object({ reportId: z.string(), departmentName: z.string(), rate: z.number(), score: z.number(), grade: z.string().nullable() })),
  anomalies: z.array(z.object({ reportId: z.string(), departmentName: z.string(), code: z.enum(['NO_BASIS_HIGH', 'LOW_EXECUTION_TOP_GRADE', 'HIGH_DEVIATION']), message: z.string() })),
  trend: z.array(z.object({ year: z.number(), count: z.number(), avgSelf: z.number().nullable(), avgReview: z.number().nullable(), pooledDeviation: z.number().nullable(), reportIds: Ids })),
  reports: z.array(z.object({
    reportId: z.string(), departmentId: z.string(), departmentName: z.string(), sectionId: z.string().nullable(), sectionName: z.string(), year: z.number(),
    status: z.string(), templateId: z.string(), selfScore: z.number().nullable(), claimedGrade: z.string(), computedScore: z.number().nullable(),
    basis: z.enum(['complete', 'partial', 'none']).nullable(), reviewScore: z.number().nullable(), executionRate: z.number().nullable(),
  })),
});
