// The report workflow (工作流) as a pure state machine: statuses, actions, who may act from where.
// Server and UI share it, so the buttons a user sees and what the server allows never disagree.
// No I/O here: guards that need data (findings, signatures) take that data as arguments.
import type { Finding } from '../model/finding';

export const STATUSES = ['draft', 'dept_review', 'submitted', 'finance_review', 'accepted', 'returned', 'published'] as const;
export type ReportStatus = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<ReportStatus, string> = {
  draft: '草稿',
  dept_review: '部门审核中',
  submitted: '已提交财政',
  finance_review: '财政审核中',
  accepted: '已通过',
  returned: '已退回',
  published: '已公开',
};

// `review` (财政开始审核) is an extension of the contract: it lets the 归口科室 mark that it has
// taken a report up, so the department sees 财政审核中 instead of 已提交财政.
// `revoke` (撤回公开, 绩效管理科): a publication taken back with a reason reopens the report to review;
// the published version stays in the history.
export const ACTIONS = ['submit', 'approve', 'return', 'review', 'accept', 'publish', 'revoke'] as const;
export type WorkflowAction = (typeof ACTIONS)[number];

export const ACTION_LABEL: Record<WorkflowAction, string> = {
  submit: '提交部门审核',
  approve: '审核通过并报送财政',
  return: '退回',
  review: '开始审核',
  accept: '审核通过',
  publish: '公开',
  revoke: '撤回公开',
};

/** Business roles. The 三员 (sysadmin, secadmin, auditor) are account kinds, not roles: they never act here. */
export const ROLES = ['preparer', 'evaluator', 'leader', 'head', 'reviewer', 'perf_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  preparer: '填报人',
  evaluator: '评价组成员',
  leader: '评价组组长',
  head: '部门（单位）负责人',
  reviewer: '财政归口业务科室',
  perf_admin: '绩效管理科',
};

/** Roles that belong to a budget department (部门), as opposed to the finance bureau (财政局). */
export const DEPARTMENT_ROLES: readonly Role[] = ['preparer', 'evaluator', 'leader', 'head'];
export const FINANCE_ROLES: readonly Role[] = ['reviewer', 'perf_admin'];

interface Rule {
  action: WorkflowAction;
  role: Role;
  from: readonly ReportStatus[];
  to: ReportStatus;
}

const RULES: readonly Rule[] = [
  { action: 'submit', role: 'preparer', from: ['draft', 'returned'], to: 'dept_review' },
  { action: 'approve', role: 'head', from: ['dept_review'], to: 'submitted' },
  { action: 'return', role: 'head', from: ['dept_review'], to: 'returned' },
  { action: 'return', role: 'reviewer', from: ['submitted', 'finance_review'], to: 'returned' },
  { action: 'review', role: 'reviewer', from: ['submitted'], to: 'finance_review' },
  { action: 'accept', role: 'reviewer', from: ['submitted', 'finance_review'], to: 'accepted' },
  { action: 'publish', role: 'perf_admin', from: ['accepted'], to: 'published' },
  { action: 'revoke', role: 'perf_admin', from: ['published'], to: 'finance_review' },
];

export type TransitionCheck =
  | { ok: true; to: ReportStatus; role: Role }
  | { ok: false; reason: 'role' | 'state' };

/** Whether a holder of `roles` may take `action` on a report in `status`, and where it leads. */
export function checkTransition(status: ReportStatus, action: WorkflowAction, roles: readonly Role[]): TransitionCheck {
  const mine = RULES.filter((r) => r.action === action && roles.includes(r.role));
  if (mine.length === 0) return { ok: false, reason: 'role' };
  const hit = mine.find((r) => r.from.includes(status));
  return hit ? { ok: true, to: hit.to, role: hit.role } : { ok: false, reason: 'state' };
}

/** Actions the UI should offer to a holder of `roles` on a report in `status`. */
export function availableActions(status: ReportStatus, roles: readonly Role[]): WorkflowAction[] {
  return ACTIONS.filter((a) => checkTransition(status, a, roles).ok);
}

/** Actions that must carry a written reason. */
export function needsReason(action: WorkflowAction): boolean {
  return action === 'return' || action === 'revoke';
}

/** Statuses in which the department may still change content (填报可编辑). */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];

export interface Waiver {
  code: string;
  path: string;
  reason: string;
}

/**
 * Error-level findings that block submission: every error not matched (same code and path) by a waiver
 * with a written reason. 提交须无错误，或逐条写明理由豁免。
 */
export function blockingFindings(findings: readonly Finding[], waivers: readonly Waiver[]): Finding[] {
  const waived = new Set(
    waivers.filter((w) => w.reason.trim().length > 0).map((w) => `${w.code}\u0000${w.path}`),
  );
  return findings.filter((f) => f.severity === 'error' && !waived.has(`${f.code}\u0000${f.path}`));
}

export const SIGNATURE_ROLES = ['evaluator', 'leader', 'head', 'reviewer'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

export const SIGNATURE_ROLE_LABEL: Record<SignatureRole, string> = {
  evaluator: '评价组成员',
  leader: '评价组组长',
  head: '部门（单位）负责人',
  reviewer: '财政归口业务科室',
};

/** Where each signature may be given: the department signs before finance, the reviewer after submission. */
const SIGN_RULES: Record<SignatureRole, { role: Role; from: readonly ReportStatus[] }> = {
  evaluator: { role: 'evaluator', from: ['draft', 'returned', 'dept_review'] },
  leader: { role: 'leader', from: ['draft', 'returned', 'dept_review'] },
  head: { role: 'head', from: ['dept_review'] },
  reviewer: { role: 'reviewer', from: ['submitted', 'finance_review'] },
};

export function checkSignature(
  status: ReportStatus,
  as: SignatureRole,
  roles: readonly Role[],
): { ok: true } | { ok: false; reason: 'role' | 'state' } {
  const rule = SIGN_RULES[as];
  if (!roles.includes(rule.role)) return { ok: false, reason: 'role' };
  return rule.from.includes(status) ? { ok: true } : { ok: false, reason: 'state' };
}
