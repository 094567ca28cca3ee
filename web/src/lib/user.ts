// How an account is described in the header, and what it may open.
import { ROLE_LABEL, type Role } from '../../../src/core/workflow/index';
import type { User } from '../api/types';

const KIND_LABEL: Record<User['kind'], string> = {
  business: '业务用户',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
};

/** The audit log's actor role ("preparer,leader", "auditor") in words. */
export function auditRoleText(code: string): string {
  return code
    .split(',')
    .map((c) => ROLE_LABEL[c as Role] ?? KIND_LABEL[c as User['kind']] ?? c)
    .join('、');
}

export function roleText(user: User): string {
  if (user.kind !== 'business') return KIND_LABEL[user.kind];
  return user.roles.length ? user.roles.map((r) => ROLE_LABEL[r]).join('、') : '未分配角色';
}

export function isFinance(user: User): boolean {
  return user.roles.some((r) => r === 'reviewer' || r === 'perf_admin');
}

export function has(user: User | null | undefined, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

/** Reads report content: business users with a role (三员 never do). */
export function readsReports(user: User): boolean {
  return user.kind === 'business' && user.roles.length > 0;
}

export function seesDashboard(user: User): boolean {
  return has(user, 'perf_admin') || has(user, 'reviewer');
}

/** Where an account lands after logging in. */
export function homePath(user: User): string {
  if (user.kind === 'auditor') return '/audit';
  if (user.kind === 'sysadmin') return '/org';
  if (user.kind === 'secadmin') return '/accounts';
  if (!readsReports(user)) return '/audit';
  if (has(user, 'perf_admin')) return '/dashboard';
  return '/reports';
}

/** The unit line under the name: department, or the finance section, as far as the server tells. */
export function unitText(user: User, fallbackDepartment?: string | null): string {
  if (user.departmentName) return user.departmentName;
  if (user.sectionName) return user.bureauName ? `${user.bureauName} · ${user.sectionName}` : user.sectionName;
  if (user.departmentId && fallbackDepartment) return fallbackDepartment;
  if (isFinance(user) || user.kind !== 'business') return '财政局';
  return '';
}
