// Field-level write rules (ASVS 8.2.3): who may change which part of a report in which status.
// The UI greys out what a user cannot change; the server refuses a save that touches anything else.
import { STATUSES, type ReportStatus, type Role } from './index';

/** '*' = the whole report; otherwise report path prefixes like "signoffs.department". */
export type EditScope = '*' | readonly string[];

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
  if (scope === '*') return [];
  return changed.filter((p) => !scope.some((s) => p === s || p.startsWith(`${s}.`) || p.startsWith(`${s}[`)));
}

/** Whether these roles may edit in some status: tells "not now" (409) from "never" (403). */
export function canEverEdit(roles: readonly Role[]): boolean {
  return STATUSES.some((s) => editScope(s, roles) !== null);
}
