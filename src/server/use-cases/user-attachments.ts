// Where a business account belongs must fit its roles: department roles need a department, a reviewer
// a 归口 section, 绩效管理科 a bureau. Checked on create and on every role change.
import { DEPARTMENT_ROLES, type Role } from '../../core/workflow/index';
import type { AccountKind, DB } from '../db/schema';
import { AppError } from '../errors';
import { findDepartment, findSection } from '../repositories/org';

export interface Attachments {
  bureauId: string | null;
  departmentId: string | null;
  sectionId: string | null;
}

/** Validates and completes the attachments (the bureau follows from the department or section). */
export async function resolveAttachments(db: DB, kind: AccountKind, roles: readonly Role[], a: Attachments): Promise<Attachments> {
  if (kind !== 'business' && roles.length > 0)
    throw new AppError('VALIDATION', '系统管理员、安全管理员、审计管理员（三员）不能同时拥有业务角色');
  let bureauId = a.bureauId;
  if (a.departmentId) {
    const d = await findDepartment(db, a.departmentId);
    if (!d) throw new AppError('VALIDATION', '所属部门不存在');
    bureauId ??= d.bureau_id;
    if (bureauId !== d.bureau_id) throw new AppError('VALIDATION', '所属部门不在该财政局下');
  }
  if (a.sectionId) {
    const s = await findSection(db, a.sectionId);
    if (!s) throw new AppError('VALIDATION', '所属科室不存在');
    bureauId ??= s.bureau_id;
    if (bureauId !== s.bureau_id) throw new AppError('VALIDATION', '所属科室不在该财政局下');
  }
  if (roles.some((r) => DEPARTMENT_ROLES.includes(r)) && !a.departmentId) throw new AppError('VALIDATION', '部门角色（填报人、评价组、负责人）须指定所属部门');
  if (roles.includes('reviewer') && !a.sectionId) throw new AppError('VALIDATION', '归口业务科室审核人须指定所属科室');
  if (roles.includes('perf_admin') && !bureauId) throw new AppError('VALIDATION', '绩效管理科用户须指定所属财政局');
  return { bureauId, departmentId: a.departmentId, sectionId: a.sectionId };
}
