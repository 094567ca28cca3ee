// 新增预算部门/单位: name, 预算编码 (unique in its bureau), 主管部门 (parent) and 归口科室, each checked to
// belong to the same bureau, so a department can never be reviewed by another bureau's section.
import type { DepartmentTable } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { nowIso, type Deps } from '../deps';
import { AppError } from '../errors';
import { findBureau, findDepartment, findDepartmentByCode, insertDepartment } from '../repositories/org';
import { assertCounterpartSection, assertOrgAdmin, auditActor, cleanBudgetCode, cleanName, departmentView, type DepartmentView, type OrgActor } from './org-shared';
import { inTransaction } from './shared';

export interface AddDepartmentOptions {
  actor: OrgActor;
  bureauId: string;
  name: string;
  budgetCode: string;
  parentId?: string | null;
  sectionId?: string | null;
}

export async function addDepartment(deps: Deps, o: AddDepartmentOptions): Promise<DepartmentView> {
  assertOrgAdmin(o.actor);
  const name = cleanName(o.name, '部门(单位)名称');
  const code = cleanBudgetCode(o.budgetCode);
  const row: DepartmentTable = {
    id: deps.random.uuid(), bureau_id: o.bureauId, name, budget_code: code,
    parent_id: o.parentId || null, section_id: o.sectionId || null, created_at: nowIso(deps.clock),
  };
  const duplicate = (holder?: string) => new AppError('CONFLICT', `预算编码“${code}”在该财政局下已被${holder ? `“${holder}”` : '其他部门'}使用`);
  try {
    await inTransaction(deps, async (trx, audit) => {
      const bureau = await findBureau(trx, o.bureauId);
      if (!bureau) throw new AppError('VALIDATION', '所属财政局不存在');
      if (bureau.disabled_at) throw new AppError('VALIDATION', `财政局“${bureau.name}”已停用`);
      if (row.section_id) await assertCounterpartSection(trx, row.bureau_id, row.section_id);
      if (row.parent_id) {
        const p = await findDepartment(trx, row.parent_id);
        if (!p || p.bureau_id !== row.bureau_id) throw new AppError('VALIDATION', '主管部门不存在或不属于该财政局');
      }
      const holder = await findDepartmentByCode(trx, row.bureau_id, code);
      if (holder) throw duplicate(holder.name);
      await insertDepartment(trx, row);
      await audit({
        ...auditActor(o.actor), event: 'org_department_add', objectType: 'department', objectId: row.id,
        detail: { bureauId: row.bureau_id, name, budgetCode: code, parentId: row.parent_id, sectionId: row.section_id },
      });
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicate() : err;
  }
  return departmentView(row);
}
