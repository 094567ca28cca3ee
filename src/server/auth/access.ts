// Object-level access to reports (ASVS 8.2.2): who may see which report. Used by every report
// use-case, never only by routes. An invisible report is "not found", so its existence does not leak.
import { DEPARTMENT_ROLES, type Role } from '../../core/workflow/index';
import { AppError, notFound } from '../errors';
import type { Actor } from './actor';

export interface ReportScope {
  bureau_id: string;
  department_id: string;
  department_section_id: string | null;
  status: string;
  finance_since: string | null;
}

/** 三员 never read or edit report content (DB-AC-4). */
export function assertReportReader(actor: Actor): void {
  if (actor.kind !== 'business' || actor.roles.length === 0)
    throw new AppError('FORBIDDEN', '系统管理员、安全管理员和审计管理员不能查看或修改报告内容');
}

export function isDepartmentMember(actor: Actor, r: Pick<ReportScope, 'department_id'>): boolean {
  return actor.departmentId === r.department_id && actor.roles.some((x) => DEPARTMENT_ROLES.includes(x));
}

/** Finance sees a report once the department has sent it to finance at least once (approve sets it). */
function reachedFinance(r: ReportScope): boolean {
  return r.finance_since != null;
}

export function canSeeReport(actor: Actor, r: ReportScope): boolean {
  if (actor.kind !== 'business') return false;
  if (isDepartmentMember(actor, r)) return true;
  if (!reachedFinance(r) || actor.bureauId !== r.bureau_id) return false;
  if (actor.roles.includes('perf_admin')) return true;
  return actor.roles.includes('reviewer') && actor.sectionId != null && actor.sectionId === r.department_section_id;
}

export function assertCanSee(actor: Actor, r: ReportScope | undefined): asserts r is ReportScope {
  assertReportReader(actor);
  if (!r || !canSeeReport(actor, r)) throw notFound();
}

/**
 * The roles that count on this report: department roles only on the user's own department's
 * reports, 归口 reviewer only for its section's departments, 绩效管理科 only in its bureau.
 */
export function effectiveRoles(actor: Actor, r: ReportScope): Role[] {
  if (actor.kind !== 'business') return [];
  return actor.roles.filter((role) => {
    if (DEPARTMENT_ROLES.includes(role)) return actor.departmentId === r.department_id;
    if (actor.bureauId !== r.bureau_id) return false;
    if (role === 'reviewer') return actor.sectionId != null && actor.sectionId === r.department_section_id;
    return role === 'perf_admin';
  });
}
