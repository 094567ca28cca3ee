// 保存报告: optimistic concurrency (security.md §5.3). The write names the version it was based on;
// UPDATE … WHERE version = ? makes a stale write change nothing (412 with the current version, so
// the UI can show both and merge). Field-level rules: only what the role may edit in this status.
import type { Report } from '../../core/model/report';
import type { ReportStatus } from '../../core/workflow/index';
import { diffValues } from '../../core/workflow/diff';
import { canEverEdit, editScope, outsideScope } from '../../core/workflow/edit';
import { assertCanSee, effectiveRoles } from '../auth/access';
import type { Actor } from '../auth/actor';
import { AppError, forbidden } from '../errors';
import { nowIso, type Deps } from '../deps';
import { findReport, findSaveHead, updateContent, type ReportRow, type SaveHead } from '../repositories/reports';
import { EncodedJson } from '../repositories/json';
import { insertVersion, keepVersionDelta } from '../repositories/versions';
import { by, checkKey, inTransaction, loadVisibleReport, projection } from './shared';
import { syncReportUsage } from './library-usage';

export interface SaveResult {
  id: string;
  status: ReportStatus;
  version: number;
  updatedAt: string;
  changed: number;
}

export function staleError(row: Pick<ReportRow, 'version' | 'status' | 'document' | 'updated_at' | 'updated_by'>): AppError {
  return new AppError('VERSION_CONFLICT', `报告已被他人修改（当前为第 ${row.version} 版），请查看差异并合并后再保存`, {
    current: { version: row.version, status: row.status, report: row.document, updatedAt: row.updated_at, updatedBy: row.updated_by },
  });
}

export async function saveReport(
  deps: Deps,
  o: { actor: Actor; id: string; ifMatch: number | null; report: Report },
): Promise<SaveResult> {
  if (o.ifMatch == null) throw new AppError('PRECONDITION_REQUIRED', '保存须带上所依据的版本（If-Match 请求头）');
  // Already normalised by the route's body schema (SaveBody: defaults filled, unknown keys dropped, no mass
  // assignment); parsing a second time cost ~10% of a save. Other callers pass Report.parse output too.
  const next = o.report;
  const at = nowIso(deps.clock);
  // Everything that only reads (the stored version, the scope check, the diff) happens before the write
  // transaction: on SQLite that transaction holds the database's one write lock, for every process.
  // The UPDATE is conditional on the version read here, so a write that lost a race changes nothing.
  const row = await loadForSave(deps, o.actor, o.id, o.ifMatch);
  if (row.version !== o.ifMatch) throw staleError(row);
  const roles = effectiveRoles(o.actor, row);
  const scope = editScope(row.status as ReportStatus, roles);
  if (!scope) {
    if (!canEverEdit(roles)) throw forbidden('当前角色不能修改报告内容');
    throw new AppError('INVALID_STATE', '报告当前状态下不能修改');
  }
  const changes = diffValues(row.document, next);
  const outside = outsideScope(scope, changes.map((c) => c.path));
  if (outside.length > 0)
    throw new AppError('FIELD_FORBIDDEN', `当前状态下您只能修改${scopeLabel(scope)}，不能修改：${outside.slice(0, 5).join('、')}`, { paths: outside });
  if (changes.length === 0) return { id: row.id, status: row.status as ReportStatus, version: row.version, updatedAt: row.updated_at, changed: 0 };
  const document = new EncodedJson(JSON.stringify(next));
  const version = row.version + 1;
  const result = await inTransaction(deps, async (trx, audit) => {
    const won = await updateContent(trx, deps.db.dialect, row.id, row.version, { document, ...projection(next), updated_by: o.actor.id, updated_at: at });
    // someone else's write (or transition) committed since the read: show the winner
    if (!won) throw staleError((await findReport(trx, row.id)) ?? row);
    await keepVersionDelta(trx, row.id, row.version, next, row.document);
    await insertVersion(trx, { report_id: row.id, version, status: row.status, action: 'save', user_id: o.actor.id, created_at: at });
    await syncReportUsage(trx, row, row.document, next);
    await audit({ ...by(o.actor), event: 'report_save', objectType: 'report', objectId: row.id, detail: { version, changed: changes.length, paths: changes.slice(0, 20).map((c) => c.path) } });
    return { id: row.id, status: row.status as ReportStatus, version, updatedAt: at, changed: changes.length };
  });
  deps.documentCache?.set(checkKey(row.id, result.version), next);
  return result;
}

/**
 * The stored report a save starts from. Autosave sends version after version of one report: when the
 * version asked for is the one this server last wrote, its document comes from documentCache and only
 * the head row (access, status, version) from the database.
 */
async function loadForSave(deps: Deps, actor: Actor, id: string, version: number): Promise<SaveHead & { document: Report }> {
  const cached = deps.documentCache?.get(checkKey(id, version));
  if (cached) {
    const head = await findSaveHead(deps.db.kysely, id);
    assertCanSee(actor, head);
    if (head.version === version) return { ...head, document: cached };
  }
  return loadVisibleReport(deps, actor, id);
}

function scopeLabel(scope: readonly string[] | '*'): string {
  if (scope === '*') return '全部内容';
  const names: Record<string, string> = { 'signoffs.department': '部门(单位)意见', 'signoffs.finance': '财政部门归口业务科室意见' };
  return scope.map((s) => names[s] ?? s).join('、');
}
