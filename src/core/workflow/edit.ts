// Field-level write rules (ASVS 8.2.3): who may change which part of a report in which status.
// The UI greys out what a user cannot change; the server refuses a save that touches anything else.
import { STATUSES, type ReportStatus, type Role } from './index';
import { isSignatureMark } from './signature';

/**
 * '*' = the department's whole report (everything but FINANCE_ONLY); otherwise report path prefixes like
 * "signoffs.department".
 */
export type EditScope = '*' | readonly string[];

/** What only the finance bureau writes: the 财政部门归口业务科室意见 block. */
export const FINANCE_ONLY: readonly string[] = ['signoffs.finance'];

/**
 * What identifies the report — its year, department, 预算编码, template and kind — belongs to the server's
 * report row (later: the bureau's annual task), never to the document a user edits (issue 13 §6).
 */
export const IDENTITY_PATHS: readonly string[] = ['schemaVersion', 'kind', 'templateId', 'templateVersion', 'year', 'cover.departmentName', 'cover.budgetCode'];

export function isIdentityPath(path: string): boolean {
  return IDENTITY_PATHS.some((f) => within(path, f));
}

function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

export function editScope(status: ReportStatus, roles: readonly Role[]): EditScope | null {
  const dept = roles.some((r) => r === 'preparer' || r === 'evaluator' || r === 'leader' || r === 'head');
  if ((status === 'draft' || status === 'returned') && dept) return '*';
  // The head writes 部门意见 while the report waits for the department's approval.
  if (status === 'dept_review' && roles.includes('head')) return ['signoffs.department'];
  // The 归口科室 writes its 意见 while it reviews.
  if ((status === 'submitted' || status === 'finance_review') && roles.includes('reviewer')) return ['signoffs.finance'];
  return null;
}

/** Paths of `changed` that `scope` does not cover. */
export function outsideScope(scope: EditScope, changed: readonly string[]): string[] {
  if (scope === '*') return changed.filter((p) => FINANCE_ONLY.some((f) => within(p, f)) || isIdentityPath(p));
  return changed.filter((p) => isIdentityPath(p) || !scope.some((s) => within(p, s)));
}

/** Whether a path may be written under a scope (the same rule the server applies on save; the marks
 * signing writes — signer, date, 签字 — are written by signing only, core/workflow/signature.ts). */
export function canWrite(scope: EditScope | null, path: string): boolean {
  return scope !== null && !isSignatureMark(path) && outsideScope(scope, [path]).length === 0;
}

/** Whether these roles may edit in some status: tells "not now" (409) from "never" (403). */
export function canEverEdit(roles: readonly Role[]): boolean {
  return STATUSES.some((s) => editScope(s, roles) !== null);
}
