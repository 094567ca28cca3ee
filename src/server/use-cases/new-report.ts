// Inserting a fresh draft (blank or imported) as version 1, with its first history row and audit row.
import type { Report } from '../../core/model/report';
import type { Actor } from '../auth/actor';
import type { DepartmentTable } from '../db/schema';
import { AppError, forbidden } from '../errors';
import { nowIso, type Deps } from '../deps';
import { findDepartment } from '../repositories/org';
import { sealPersonal } from '../crypto/personal-data';
import { insertReport, type ReportRow } from '../repositories/reports';
import { insertSource } from '../repositories/report-sources';
import { insertVersion } from '../repositories/versions';
import { syncReportUsage } from './library-usage';
import { by, findOpenReport, inTransaction, projection } from './shared';

/** Only a 填报人 creates or imports reports, always for their own department. */
export async function preparerDepartment(deps: Deps, actor: Actor): Promise<DepartmentTable> {
  if (actor.kind !== 'business' || !actor.roles.includes('preparer') || !actor.departmentId)
    throw forbidden('只有部门填报人可以新建或导入报告');
  const d = await findDepartment(deps.db.kysely, actor.departmentId);
  if (!d) throw new AppError('FORBIDDEN', '账户所属部门不存在，请联系管理员');
  if (d.disabled_at) throw new AppError('FORBIDDEN', `部门“${d.name}”已停用，不能新建或导入报告；如有疑问请联系系统管理员`);
  return d;
}

export async function insertDraft(
  deps: Deps,
  o: { actor: Actor; department: DepartmentTable; report: Report; action: 'create' | 'import'; importMeta?: unknown; auditDetail: Record<string, unknown>; taskId?: string | null; carried?: unknown; source?: { fileName: string; sha256: string } },
): Promise<ReportRow> {
  const id = deps.random.uuid();
  const at = nowIso(deps.clock);
  const { actor, department, report } = o;
  const stored = sealPersonal(deps.crypto, report);
  await inTransaction(deps, async (trx, audit) => {
    await insertReport(trx, deps.db.dialect, {
      id, bureau_id: department.bureau_id, department_id: department.id, department_name: department.name,
      year: report.year, kind: report.kind, template_id: report.templateId, status: 'draft', version: 1, document: stored,
      ...projection(report), finance_since: null, import_meta: o.importMeta === undefined ? null : JSON.stringify(o.importMeta),
      created_by: actor.id, created_at: at, updated_by: actor.id, updated_at: at,
      task_id: o.taskId ?? null, carried: o.carried == null ? null : JSON.stringify(o.carried),
    });
    await insertVersion(trx, { report_id: id, version: 1, status: 'draft', action: o.action, user_id: actor.id, created_at: at });
    if (o.source) await insertSource(trx, { report_id: id, file_name: o.source.fileName, sha256: o.source.sha256, imported_by: actor.id, imported_at: at });
    await syncReportUsage(trx, { id, bureau_id: department.bureau_id, department_id: department.id }, null, report);
    await audit({ ...by(actor), event: o.action === 'create' ? 'report_create' : 'report_import', objectType: 'report', objectId: id, detail: { year: report.year, departmentId: department.id, ...(o.taskId ? { taskId: o.taskId } : {}), ...o.auditDetail } });
  });
  return (await findOpenReport(deps, id))!;
}
