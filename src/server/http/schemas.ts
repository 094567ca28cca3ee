// The public HTTP contract as zod schemas: request validation, response shapes and the OpenAPI
// document all come from here. Messages shown to users are Chinese (zh-CN locale + custom texts).
import { z } from 'zod';
import { LIBRARY_SCOPES, LIBRARY_STATUSES, LibraryEntry, LibraryFields } from '../../core/library/model';
import { Indicator, REPORT_KINDS, Report } from '../../core/model/report';
import type { ExportFormat } from '../../io/export/index';
import { ACTIONS, ROLES, SIGNATURE_ROLES, STATUSES } from '../../core/workflow/index';
import { installProjectMessages } from './validation-messages';

installProjectMessages();

export const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string() }).loose() })
  .loose()
  .describe('错误：code 为稳定的机器码，message 为中文说明');

/** Documented error responses of a route, by status code. */
export function errors(...codes: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(codes.map((c) => [c, ErrorBody]));
}

export const IdParams = z.object({ id: z.string().min(1, { message: '缺少报告编号' }).max(64) });

export const LoginBody = z.object({
  username: z.string({ message: '请输入用户名' }).trim().min(1, { message: '请输入用户名' }).max(64, { message: '用户名过长' }),
  password: z.string({ message: '请输入密码' }).min(1, { message: '请输入密码' }).max(256, { message: '密码过长' }),
});

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['business', 'sysadmin', 'secadmin', 'auditor']).describe('账户类型：业务账户或三员之一'),
  role: z.string().nullable().describe('主要角色（显示用）'),
  roleLabel: z.string().describe('主要角色的中文名'),
  roles: z.array(z.enum(ROLES)),
  bureauId: z.string().nullable(),
  departmentId: z.string().nullable(),
  sectionId: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable().optional().describe('登录锁定到何时（连续输错密码）；未锁定为 null'),
  bureauName: z.string().nullable().optional().describe('所属财政局名称（会话接口返回）'),
  departmentName: z.string().nullable().optional().describe('所属部门名称（会话接口返回）'),
  sectionName: z.string().nullable().optional().describe('所属科室名称（会话接口返回）'),
});

export const SessionView = z.object({
  user: UserView,
  mustChangePassword: z.boolean().describe('须先修改密码（管理员设置的初始密码，或已超过有效期）'),
  secondFactor: z.enum(['ok', 'pending', 'enrol']).describe('ok：已完成；pending：须输入动态验证码；enrol：须先绑定动态验证码'),
  passwordExpiresAt: z.string().nullable().describe('密码到期时间（不设有效期时为 null）'),
  totpEnabled: z.boolean().describe('是否已启用动态验证码'),
  secondFactorRequired: z.boolean().describe('该账户是否必须使用动态验证码（必须时不能停用）'),
});

export const SecondFactorBody = z
  .object({
    code: z.string().max(16, { message: '动态验证码为 6 位数字' }).optional(),
    recoveryCode: z.string().max(32, { message: '恢复码格式不正确' }).optional(),
  })
  .refine((b) => Boolean(b.code) !== Boolean(b.recoveryCode), { message: '请输入动态验证码或恢复码（二选一）' });

export const PasswordOnlyBody = z.object({ password: z.string({ message: '请输入当前密码' }).min(1, { message: '请输入当前密码' }).max(256) });
export const OptionalPasswordBody = z.object({ password: z.string().max(256).optional() });
export const CodeBody = z.object({ code: z.string({ message: '请输入动态验证码' }).min(1, { message: '请输入动态验证码' }).max(16) });
export const TotpStart = z.object({ secret: z.string().describe('Base32 密钥（无法扫码时手工输入）'), uri: z.string().describe('otpauth:// 链接，界面据此显示二维码') });
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()).describe('恢复码：只显示这一次，每个只能用一次') });
export const SessionItem = z.object({
  id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(), ip: z.string(), userAgent: z.string(), current: z.boolean(),
});
export const SessionIdParams = z.object({ sessionId: z.string().min(1).max(64) });
export const ResetPasswordBody = z.object({ password: z.string({ message: '请输入临时密码' }).min(1, { message: '请输入临时密码' }).max(256) });

export const PasswordBody = z.object({
  currentPassword: z.string({ message: '请输入当前密码' }).min(1, { message: '请输入当前密码' }).max(256),
  newPassword: z.string({ message: '请输入新密码' }).min(1, { message: '请输入新密码' }).max(256, { message: '密码过长' }),
});

const Status = z.enum(STATUSES);

export const ListQuery = z.object({
  year: z.coerce.number({ message: '年度须为数字' }).int().min(1990).max(2100).optional(),
  status: Status.optional(),
  limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1).max(1000, { message: '每页最多 1000 条' }).optional(),
  after: z.string().max(2000).optional().describe('上一页响应中的 next（游标）'),
});

export const ListItem = z.object({
  id: z.string(),
  year: z.number().nullable(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: Status,
  version: z.number(),
  selfScore: z.number().nullable(),
  grade: z.string(),
  templateId: z.string(),
  updatedAt: z.string(),
  sourceFile: z.string().nullable().describe('导入的文件名；在系统中新建的为 null'),
  importedAt: z.string().nullable().describe('导入时间'),
});

export const CreateBody = z.object({
  year: z.number({ message: '请填写报告年度' }).int({ message: '年度须为整数' }).min(1990, { message: '年度不能早于 1990' }).max(2100, { message: '年度不能晚于 2100' }),
  templateId: z.string().max(64).optional(),
  kind: z.enum(REPORT_KINDS, { message: '报告类型须为 overall（部门整体）或 project（项目支出）' }).optional().describe('报告类型：overall 部门整体支出绩效自评报告，project 项目支出绩效自评表（默认 overall，或所选模板的类型）'),
});

const Loose = z.record(z.string(), z.unknown());

// io/export's EXPORT_FORMATS, repeated so the server need not load the exporters to validate a query;
// the two type checks keep the lists equal.
const EXPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'html', 'json', 'csv'] as const satisfies readonly ExportFormat[];
const _allFormats: Exclude<ExportFormat, (typeof EXPORT_FORMATS)[number]> extends never ? true : never = true;
void _allFormats;

export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { message: '导出格式须为 docx、pdf、xlsx、html、json 或 csv 之一' }),
  rendering: z
    .enum(['official', 'review'], { message: '版本须为 official（正式版）或 review（审阅版）' })
    .default('official')
    .describe('official：正式版（模板版式，无检查标记，评分表为部门自评）；review：审阅版（标注检查发现与系统核算）'),
});

export const FindingSchema = z.object({
  code: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  path: z.string().describe('报告内路径，如 finance.income[0].total'),
  message: z.string(),
  source: z.any().optional(),
});

export const ReportViewSchema = z.object({
  id: z.string(),
  status: Status,
  version: z.number(),
  year: z.number().nullable(),
  departmentId: z.string(),
  departmentName: z.string(),
  templateId: z.string(),
  updatedAt: z.string(),
  report: Loose.describe('报告文档（core/model/report.ts 的 Report）'),
  findings: z.array(FindingSchema).describe('校验发现'),
  score: z.any().describe('评分结果（core/model/score.ts 的 Scorecard），校验不可用时为 null'),
  waivers: z.array(Loose).describe('最近一次提交时的豁免及理由'),
  returns: z.array(Loose).describe('退回记录：原因、涉及的报告路径及部门的回应（replies）'),
  revocations: z.array(Loose).describe('撤回公开记录：被撤回的公开版本及理由').optional(),
  task: z.object({ id: z.string(), title: z.string(), year: z.number(), selfEvalDue: z.string(), extendedDue: z.string().nullable() }).nullable().describe('报告所属的绩效自评任务').optional(),
  carried: z.object({ fromYear: z.number().nullable(), fromReportId: z.string().nullable(), items: z.array(z.string()) }).nullable().describe('新建草稿时从上年报告结转的内容').optional(),
  expectedPriorIssues: z.array(z.object({ itemId: z.string(), problem: z.string(), requirement: z.string(), dueDate: z.string().nullable(), answer: z.string(), accepted: z.boolean() }))
    .describe('上年度整改通知中须在本报告说明整改情况的问题').optional(),
  import: z.unknown().describe('导入来源：文件名、SHA-256、未映射内容和诊断'),
  actions: z.array(z.enum(ACTIONS)).describe('当前用户此时可执行的流转操作'),
  editScope: z.union([z.literal('*'), z.array(z.string()).readonly()]).nullable().describe('当前用户此时可修改的范围'),
  priorYear: z.lazy(() => PriorYearSchema).nullable().describe('本部门上一年度的报告及其绩效指标（无可见的上年报告时为 null）'),
  projects: z.lazy(() => z.array(ProjectSummarySchema)).nullable().describe('部门整体报告：本部门同一年度的项目支出绩效自评表及其得分（项目支出报告为 null）'),
});

export const BlockingBody = ErrorBody.extend({ findings: z.array(FindingSchema).describe('阻止提交的错误级发现') });

export const SaveBody = z.object({
  report: Report.describe('完整的报告文档（core/model/report.ts 的 Report）'),
  confirmClear: z.boolean().optional().describe('确认清空：保存会清空已填写报告的大部分内容时须为 true（否则 409 CONFIRMATION_REQUIRED）'),
});

export const SaveResult = z.object({ id: z.string(), status: Status, version: z.number(), updatedAt: z.string(), changed: z.number() });

// 导入到本草稿 (import-into-report.ts): multipart field `mode`; preview writes nothing.
export const ImportIntoMode = z.enum(['preview', 'replace', 'merge'], { message: 'mode 须为 preview（预览）、replace（替换）或 merge（合并）' });
export const ImportIntoResult = z.object({
  mode: ImportIntoMode,
  fileName: z.string(),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown(), merged: z.boolean().describe('合并时也采用（文件中此处有值）') })),
  diagnostics: z.array(z.object({ code: z.string(), severity: z.string(), path: z.string().optional(), message: z.string() })),
  version: z.number().describe('写入后的版本（预览时为当前版本）'),
  changed: z.number(),
});

export const WaiverInput = z.object({
  code: z.string().min(1, { message: '豁免须指明规则编码' }).max(64),
  path: z.string().max(256),
  reason: z.string({ message: '请填写豁免理由' }).trim().min(1, { message: '豁免须填写书面理由' }).max(2000, { message: '豁免理由不超过 2000 字' }),
});

export const TransitionBody = z.object({
  action: z.enum(ACTIONS, { message: '操作须为 submit、approve、return、review、accept、publish 或 revoke 之一' }),
  reason: z.string().max(2000, { message: '原因不超过 2000 字' }).optional(),
  waivers: z.array(WaiverInput).max(500).optional(),
  paths: z.array(z.string().max(256)).max(200).optional(),
});

export const TransitionResult = z.object({ id: z.string(), status: Status, version: z.number(), action: z.enum(ACTIONS) });

export const SignBody = z.object({
  role: z.enum(SIGNATURE_ROLES, { message: '签署身份须为 evaluator、leader、head 或 reviewer' }),
  opinion: z.string().max(4000, { message: '意见不超过 4000 字' }).optional(),
});

export const SignatureView = z.object({
  id: z.string(),
  role: z.enum(SIGNATURE_ROLES),
  userId: z.string(),
  signerName: z.string(),
  opinion: z.string(),
  version: z.number(),
  reportHash: z.string().describe('签署时所签内容的 SHA-256（部门签署人：部门内容，不含财政意见及各栏签名、日期；财政归口科室：另含其意见）'),
  signedAt: z.string(),
  code: z.string().describe('印在表上的验证码，可在 /public/verify/{code} 查验'),
  valid: z.boolean().describe('所签内容签署后未改动'),
});

export const VersionParams = IdParams.extend({
  a: z.coerce.number({ message: '版本号须为数字' }).int().min(1),
  b: z.coerce.number({ message: '版本号须为数字' }).int().min(1),
});

export const RestoreParams = IdParams.extend({ version: z.coerce.number({ message: '版本号须为数字' }).int().min(1) });

export const VersionItem = z.object({
  version: z.number(),
  status: z.string(),
  action: z.string(),
  user_id: z.string(),
  user_name: z.string().nullable(),
  created_at: z.string(),
});

/** A line of the history: a version, and for an editing session the autosaves it folds (newest first). */
export const VersionLine = VersionItem.extend({ autosaves: z.array(VersionItem).describe('同一编辑时段（同一人、间隔不超过 10 分钟）中较早的自动保存版本，新的在前；每一版仍可比较和恢复') });

export const DiffResult = z.object({
  a: z.number(),
  b: z.number(),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const ChainReport = z.object({
  ok: z.boolean(),
  count: z.number().describe('已核对的记录数（全部链）'),
  headHash: z.string().describe('各链链头的摘要：审计管理员可抄录比对'),
  chains: z.array(z.object({ chain: z.string(), count: z.number(), headHash: z.string() })).describe('每条链：sys 为系统链，b:<财政局 id> 为各财政局的链，legacy 为启用密钥前的旧记录'),
  firstBroken: z.object({ chain: z.string(), seq: z.number(), reason: z.string() }).nullable(),
  checkpoints: z.object({ checked: z.number(), invalid: z.number(), latest: z.string().nullable(), superseded: z.number().optional().describe('恢复备份之前的检查点（已被恢复记录取代）') }).describe('核对过的签名检查点'),
});

export const AddUserBody = z.object({
  username: z.string({ message: '请输入用户名' }).min(2, { message: '用户名至少 2 位' }).max(64),
  displayName: z.string({ message: '请输入姓名' }).min(1, { message: '请输入姓名' }).max(64),
  password: z.string({ message: '请输入初始密码' }).min(1, { message: '请输入初始密码' }).max(256),
  departmentId: z.string().nullable().optional(),
  sectionId: z.string().nullable().optional(),
  bureauId: z.string().nullable().optional(),
});

export const RolesBody = z.object({
  roles: z.array(z.enum(ROLES, { message: '未知角色' })).max(6),
  departmentId: z.string().nullable().optional(),
  sectionId: z.string().nullable().optional(),
});

export const UserIdParams = z.object({ userId: z.string().min(1).max(64) });

// Organisation administration (系统管理员). Content rules (names, 预算编码) are checked again in the
// use-cases, so the CLI gets the same Chinese messages.
const OrgName = (what: string) =>
  z.string({ message: `请填写${what}` }).trim().min(1, { message: `请填写${what}` }).max(100, { message: `${what}不能超过 100 个字` });

export const BureauBody = z.object({ name: OrgName('财政局名称'), region: z.string().max(50, { message: '行政区划不能超过 50 个字' }).optional() });

export const SectionBody = z.object({
  bureauId: z.string({ message: '请选择所属财政局' }).min(1, { message: '请选择所属财政局' }).max(64),
  name: OrgName('科室名称'),
  kind: z.enum(['counterpart', 'performance'], { message: '科室类型须为 counterpart（归口业务科室）或 performance（绩效管理科）' }).default('counterpart'),
});

export const DepartmentBody = z.object({
  bureauId: z.string({ message: '请选择所属财政局' }).min(1, { message: '请选择所属财政局' }).max(64),
  name: OrgName('部门(单位)名称'),
  budgetCode: z.string({ message: '请填写预算编码' }).trim().regex(/^[0-9A-Za-z]{3,32}$/, { message: '预算编码须为 3–32 位数字或字母' }),
  parentId: z.string().max(64).nullable().optional().describe('主管部门 id'),
  sectionId: z.string().max(64).nullable().optional().describe('归口业务科室 id'),
});

const DisabledAt = z.string().nullable().describe('停用时间；null 为在用');
export const BureauView = z.object({ id: z.string(), name: z.string(), region: z.string(), createdAt: z.string(), disabledAt: DisabledAt });
export const SectionView = z.object({
  id: z.string(), bureauId: z.string(), name: z.string(), kind: z.enum(['counterpart', 'performance']), kindLabel: z.string(), createdAt: z.string(), disabledAt: DisabledAt,
});
export const DepartmentView = z.object({
  id: z.string(), bureauId: z.string(), name: z.string(), budgetCode: z.string(),
  parentId: z.string().nullable(), sectionId: z.string().nullable(), createdAt: z.string(), disabledAt: DisabledAt,
});

export const SectionQuery = z.object({ bureauId: z.string().max(64).optional() });
export const DepartmentQuery = z.object({
  bureauId: z.string().max(64).optional(),
  sectionId: z.string().max(64).optional(),
  limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1).max(5000, { message: '每页最多 5000 条' }).optional(),
  after: z.string().max(2000).optional().describe('上一页响应中的 next（游标）'),
});

// Renaming, moving and disabling a unit (change-org-unit.ts); only the fields sent change.
export const OrgUnitKind = z.enum(['bureaus', 'sections', 'departments']);
export const OrgUnitParams = z.object({ kind: OrgUnitKind, id: z.string().min(1).max(64) });
export const OrgChangeBody = z.object({
  name: z.string().max(100, { message: '名称不能超过 100 个字' }).optional(),
  region: z.string().max(50, { message: '行政区划不能超过 50 个字' }).optional(),
  sectionId: z.string().max(64).nullable().optional().describe('部门(单位)的归口业务科室 id；null 为不设'),
  disabled: z.boolean().optional().describe('true 停用，false 重新启用'),
});
export const OrgHistoryEntry = z.object({
  at: z.string(), actor: z.string(), field: z.enum(['name', 'region', 'section', 'disabled']), fieldLabel: z.string(), before: z.string(), after: z.string(),
});

// 评分表模板 (templates/*): the list, one version whole, a file's check and preview, upload and activation.
const TemplateKind = z.enum(['overall', 'project']);
const Years = z.tuple([z.number().nullable(), z.number().nullable()]);
export const TemplateParams = z.object({
  id: z.string().min(1).max(64),
  version: z.coerce.number({ message: '版本须为整数' }).int().min(1),
});
export const TemplateSummarySchema = z.object({
  id: z.string(), version: z.number(), name: z.string(), region: z.string(), kind: TemplateKind, years: Years, description: z.string(),
  source: z.enum(['builtin', 'file', 'upload']).describe('builtin/file：服务器安装；upload：本局上传'),
  versions: z.array(z.number()), active: z.boolean().describe('本局新报告使用此版本'),
  items: z.number().describe('末级评分项数'), unknownItems: z.number().describe('待确认（不计分）的评分项数'),
});
export const TemplateText = z.object({ text: z.string({ message: '请提供模板文件内容' }).min(2, { message: '模板文件为空' }).max(2 * 1024 * 1024, { message: '模板文件过大（最多 2 MB）' }) });
export const LineProblemSchema = z.object({ line: z.number(), column: z.number(), path: z.string(), message: z.string() });
export const TemplatePreviewSchema = z.object({
  id: z.string(), version: z.number(), name: z.string(), region: z.string(), kind: TemplateKind, years: Years, description: z.string(),
  sections: z.array(z.string()), tables: z.array(z.string()),
  gradeBands: z.array(z.object({ min: z.number(), label: z.string() })),
  items: z.array(z.object({
    id: z.string(), path: z.array(z.string()), name: z.string(), weight: z.number().nullable(),
    status: z.enum(['verified', 'assumed', 'unknown']), rule: z.string().nullable(), criteria: z.string(),
  })),
});
export const TemplateCheckSchema = z.object({
  valid: z.boolean(), problems: z.array(LineProblemSchema), preview: TemplatePreviewSchema.nullable(),
  conflict: z.string().nullable().describe('模板本身有效、但本局不能以此编号和版本保存的原因'),
});
export const UploadResultSchema = z.object({ created: z.boolean().describe('false：同一版本的同一文件已保存过'), template: TemplateSummarySchema });
// 审计日志查询（审计管理员）
const IsoTime = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, { message: '时间格式应为 YYYY-MM-DD 或 ISO 8601（UTC）' });
export const AuditFilterQuery = z.object({
  from: IsoTime.optional().describe('起始时间（含），UTC'),
  to: IsoTime.optional().describe('截止时间（含），UTC'),
  actor: z.string().max(64).optional().describe('用户名'),
  event: z.string().max(64).optional().describe('事件，如 login_failed、report_submit'),
  objectType: z.string().max(32).optional(),
  objectId: z.string().max(64).optional(),
  outcome: z.enum(['success', 'failure'], { message: '结果须为 success 或 failure' }).optional(),
  ip: z.string().max(64).optional(),
  chain: z.string().max(80).optional().describe('sys、b:<财政局 id> 或 legacy'),
  chainSeqTo: z.coerce.number({ message: '链内序号须为数字' }).int().min(1).optional().describe('链内序号不大于此值（与 chain 一起，查看断点附近的记录）'),
});
export const AuditSearchQuery = AuditFilterQuery.extend({
  limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1).max(1000, { message: '每页最多 1000 条' }).optional(),
  before: z.coerce.number({ message: '游标须为数字' }).int().min(1).optional().describe('上一页最后一条的 seq'),
});
export const AuditExportQuery = AuditFilterQuery.extend({ format: z.enum(['csv', 'xlsx', 'jsonl'], { message: '导出格式须为 csv、xlsx 或 jsonl' }).default('csv') });
export const AuditEvent = z.object({
  seq: z.number(), chain: z.string(), chainSeq: z.number().nullable(), ts: z.string(), actorId: z.string().nullable(), actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(), ip: z.string().nullable(), event: z.string(), eventLabel: z.string().describe('事件名称'),
  objectType: z.string().nullable(), objectId: z.string().nullable(), objectLabel: z.string().nullable().describe('对象名称：报告的部门与年度、账户、单位、任务'),
  version: z.number().nullable().describe('报告事件所生成的版本号'), outcome: z.enum(['success', 'failure']), detail: z.unknown(), hash: z.string(),
});
export const CheckpointBody = z.object({ checkpoints: z.string().max(5_000_000).optional().describe('另行保存的检查点（每行一条），与检查点文件一并核对') });
export const Checkpoint = z.object({ v: z.literal(1), ts: z.string(), kind: z.literal('restore').optional(), chains: z.record(z.string(), z.object({ seq: z.number(), hash: z.string() })), alg: z.string(), mac: z.string() });

// 指标库 (indicator library). An entry's fields are core's schema (core/library/model.ts): the same checks and
// Chinese messages for the API, the use-cases and the web form.
export const ProjectSummarySchema = z.object({
  reportId: z.string(),
  name: z.string().describe('项目名称'),
  implementer: z.string().describe('实施单位'),
  status: Status,
  version: z.number(),
  budget: z.string().nullable().describe('年度资金总额·全年预算数（万元）'),
  executed: z.string().nullable().describe('年度资金总额·全年执行数（万元）'),
  claimed: z.number().nullable().describe('自评表所填总分'),
  total: z.number().nullable().describe('按评分表计算的得分（数据不足时为 null）'),
  grade: z.string().nullable(),
});

export const PriorYearSchema = z.object({
  reportId: z.string(),
  year: z.number(),
  status: Status,
  version: z.number(),
  indicators: z.array(Indicator),
});

export const LibraryEntryView = LibraryEntry;

export const LibraryQuery = z.object({
  q: z.string().max(100, { message: '搜索词不超过 100 个字' }).optional(),
  category: z.string().max(40).optional(),
  scope: z.enum(LIBRARY_SCOPES, { message: '范围须为 common（共性指标）或 department（部门指标）' }).optional(),
  departmentId: z.string().max(64).optional(),
  status: z.enum(LIBRARY_STATUSES, { message: '状态须为 active 或 retired' }).optional(),
  quotable: z.enum(['true', 'false'], { message: 'quotable 须为 true 或 false' }).optional(),
  year: z.coerce.number({ message: '年度须为数字' }).int().min(1990).max(2100).optional(),
  limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1).max(1000, { message: '每页最多 1000 条' }).optional(),
  offset: z.coerce.number({ message: '偏移须为数字' }).int().min(0).optional(),
});

export const LibraryList = z.object({
  items: z.array(LibraryEntry),
  nextOffset: z.number().nullable(),
  total: z.number(),
  categories: z.array(z.object({ category: z.string(), count: z.number() })).describe('本财政局指标库中使用的指标分类'),
});

export const LibraryAddBody = z.object({
  scope: z.enum(LIBRARY_SCOPES, { message: '范围须为 common（共性指标）或 department（部门指标）' }),
  fields: LibraryFields,
});

export const LibraryUpdateBody = z.object({ fields: LibraryFields });

export const LibraryStatusBody = z.object({ status: z.enum(LIBRARY_STATUSES, { message: '状态须为 active（启用）或 retired（停用）' }) });


export * from './schemas-bureau';
