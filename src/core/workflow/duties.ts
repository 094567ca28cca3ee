// Separation of duties (职责分离, issue 13 §3) as pure rules, shared by the server (which enforces them
// when roles are granted and again at every step) and the UI (which can explain a refusal). Two layers:
// which roles one account may hold at all, and who may take a step on a given report, from that report's
// own history — so a person whose roles changed over time still cannot approve their own work.
import { DEPARTMENT_ROLES, FINANCE_ROLES, ROLE_LABEL, SIGNATURE_ROLE_LABEL, type Role, type SignatureRole, type WorkflowAction } from './index';

export type DutyCheck = { ok: true } | { ok: false; message: string };

const OK: DutyCheck = { ok: true };
const no = (message: string): DutyCheck => ({ ok: false, message });

/**
 * Roles one account may hold together: none for a 三员 account; not 填报人 with 部门负责人 (the head reviews
 * the preparer's work); no department role with a finance role (finance reviews the department).
 */
export function checkRoleSet(kind: string, roles: readonly Role[]): DutyCheck {
  if (kind !== 'business' && roles.length > 0) return no('系统管理员、安全管理员、审计管理员（三员）不能同时拥有业务角色');
  if (roles.includes('preparer') && roles.includes('head'))
    return no(`${ROLE_LABEL.preparer}与${ROLE_LABEL.head}不能由同一人担任：负责人须审核填报人的工作`);
  const dept = roles.filter((r) => DEPARTMENT_ROLES.includes(r));
  const fin = roles.filter((r) => FINANCE_ROLES.includes(r));
  if (dept.length > 0 && fin.length > 0)
    return no(`部门角色（${dept.map((r) => ROLE_LABEL[r]).join('、')}）与财政角色（${fin.map((r) => ROLE_LABEL[r]).join('、')}）不能由同一人担任`);
  return OK;
}

/** The steps the department's side consists of: who created, imported, submitted or approved the report. */
const DEPARTMENT_STEPS: readonly string[] = ['create', 'import', 'submit', 'approve'];

/**
 * The only actions of a report's history the rules below read. A report gathers thousands of saves in
 * June; the history a caller gives may hold just these, one per person and action (the latest of each).
 */
export const DUTY_STEPS = [...DEPARTMENT_STEPS, 'accept'] as const;

/** A step someone took on the report (its version history), oldest first. */
export interface Step {
  action: string;
  userId: string;
}

export interface SignatureFact {
  role: SignatureRole;
  userId: string;
  /** still over the report's current content */
  valid: boolean;
  opinion: string;
}

export interface DutyContext {
  actorId: string;
  /** the actor holds a department role in the report's own department */
  actorInDepartment: boolean;
  history: readonly Step[];
  signatures: readonly SignatureFact[];
}

/** Who took part on the department's side: created, imported, submitted, approved, or signed for it. */
function departmentSide(c: DutyContext): Set<string> {
  const ids = c.history.filter((s) => DEPARTMENT_STEPS.includes(s.action)).map((s) => s.userId);
  for (const s of c.signatures) if (s.role !== 'reviewer') ids.push(s.userId);
  return new Set(ids);
}

function lastBy(c: DutyContext, action: (typeof DUTY_STEPS)[number]): string | null {
  for (let i = c.history.length - 1; i >= 0; i--) if (c.history[i]!.action === action) return c.history[i]!.userId;
  return null;
}

const HEAD_RULE = '部门（单位）意见须由提交人以外的负责人签署和审核：不能审核自己提交的报告';
const FINANCE_RULE = '财政审核须由部门以外、未参与本报告填报和部门审核的人员进行';

/** Whether the actor may take `action` (or give the `sign` signature) on this report, by its history. */
export function checkDuty(step: { action: WorkflowAction } | { sign: SignatureRole }, c: DutyContext): DutyCheck {
  const head = 'sign' in step ? step.sign === 'head' : step.action === 'approve';
  if (head) return lastBy(c, 'submit') === c.actorId ? no(HEAD_RULE) : OK;
  const finance = 'sign' in step ? step.sign === 'reviewer' : ['review', 'accept', 'publish'].includes(step.action);
  if (finance && (c.actorInDepartment || departmentSide(c).has(c.actorId))) return no(FINANCE_RULE);
  if (!('sign' in step) && step.action === 'publish' && lastBy(c, 'accept') === c.actorId)
    return no('公开须由审核通过以外的人员执行（审核与公开分离）');
  return OK;
}

/**
 * Signatures a step needs on the current content: the head's before 审核通过并报送财政; the 归口科室's
 * before 审核通过, with its written opinion (in the form's 归口业务科室意见 block, or given when signing).
 * Returns the Chinese reason it is missing, or null.
 */
export function missingSignature(action: WorkflowAction, signatures: readonly SignatureFact[], report: { signoffs: { finance: { opinion: string } } }): string | null {
  if (action === 'approve' && !signatures.some((s) => s.role === 'head' && s.valid))
    return '请先以部门（单位）负责人身份签署当前版本，再审核通过';
  if (action === 'approve') {
    // a 组长's or evaluator's signature the content no longer matches would print as blank lines: signed again first
    const latest = new Map<string, SignatureFact>();
    for (const s of signatures) if (s.role === 'leader' || s.role === 'evaluator') latest.set(`${s.role}:${s.userId}`, s);
    const stale = [...new Set([...latest.values()].filter((s) => !s.valid).map((s) => SIGNATURE_ROLE_LABEL[s.role]))];
    if (stale.length) return `${stale.join('、')}的签名在签署后报告内容有修改，已失效：请重新签署后再审核通过`;
  }
  if (action === 'accept') {
    const signed = signatures.filter((s) => s.role === 'reviewer' && s.valid);
    if (signed.length === 0) return '请先以财政部门归口业务科室身份签署当前版本，再审核通过';
    if (report.signoffs.finance.opinion.trim() === '' && !signed.some((s) => s.opinion.trim() !== ''))
      return '审核通过须有财政部门归口业务科室意见：请在报告的归口业务科室意见栏填写，或签署时填写意见';
  }
  return null;
}
