// 保存报告: optimistic concurrency (security.md §5.3). The write names the version it was based on;
// UPDATE … WHERE version = ? makes a stale write change nothing (412 with the current version, so
// the UI can show both and merge). Field-level rules: only what the role may edit in this status, never
// the identity fields, never a near-empty overwrite without confirmation (core/workflow/save-rules.ts).
// A body too large for the request thread is judged in the heavy-work pool (saveLargeReport).
import type { Transaction } from 'kysely';
import type { Report } from '../../core/model/report';
import { inputProblemsMessage, reportInputProblems } from '../../core/input';
import type { ReportStatus } from '../../core/workflow/index';
import { canEverEdit, editScope, type EditScope } from '../../core/workflow/edit';
import { judgeSave, type SaveVerdict } from '../../core/workflow/save-rules';
import type { AuditEntry } from '../audit/chain';
import { effectiveRoles } from '../auth/access';
import type { Actor } from '../auth/actor';
import { sealPersonal } from '../crypto/personal-data';
import type { Database } from '../db/schema';
import { AppError, forbidden } from '../errors';
import { nowIso, type Deps } from '../deps';
import { EncodedJson } from '../repositories/json';
import { updateContent, type ReportRow } from '../repositories/reports';
import { insertVersion, setVersionDelta } from '../repositories/versions';
import { reverseDelta } from '../repositories/version-delta';
import { syncUsage } from '../repositories/library';
import { stored } from './document-work';
import { syncReportUsage } from './library-usage';
import { assertWithinBounds, by, findOpenReport, inTransaction, loadVisibleReport, projection } from './shared';

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

/** Dates, numbers and characters the schema's shapes let through (core/input.ts): 400, naming each place. */
export function assertValidInput(report: Report): void {
  const problems = reportInputProblems(report);
  if (problems.length > 0) throw new AppError('VALIDATION', inputProblemsMessage(problems), { fields: problems });
}

export function verdictError(v: Exclude<SaveVerdict, { ok: true }>): AppError {
  return v.code === 'CONFIRMATION_REQUIRED' ? new AppError(v.code, v.message, { loss: v.loss }) : new AppError(v.code, v.message, { paths: v.paths });
}

/** What the user may write on this report now, or the refusal: 403 never, 409 not in this status. */
export function scopeOf(actor: Actor, row: ReportRow): EditScope {
  const roles = effectiveRoles(actor, row);
  const scope = editScope(row.status as ReportStatus, roles);
  if (scope) return scope;
  if (!canEverEdit(roles)) throw forbidden('当前角色不能修改报告内容');
  throw new AppError('INVALID_STATE', '报告当前状态下不能修改');
}

const unchanged = (row: ReportRow): SaveResult => ({ id: row.id, status: row.status as ReportStatus, version: row.version, updatedAt: row.updated_at, changed: 0 });

interface Change {
  document: EncodedJson;
  changed: number;
  paths: string[];
  projection: ReturnType<typeof projection>;
  /** keeps library_usage in step (use-cases/library-usage.ts) */
  usage: (trx: Transaction<Database>) => Promise<void>;
  /** the base version's reverse delta from the new document, both as stored (repositories/version-delta.ts) */
  delta: string | null;
  /** 恢复旧版本: the version whose content this save brings back */
  restoredFrom?: number;
}

/** The write every save ends with: compare-and-set on the base version, the version row, the audit row. */
async function writeSave(deps: Deps, trx: Transaction<Database>, audit: (e: AuditEntry) => Promise<number>, actor: Actor, row: ReportRow, c: Change): Promise<SaveResult> {
  const at = nowIso(deps.clock);
  const won = await updateContent(trx, deps.db.dialect, row.id, row.version, { document: c.document, ...c.projection, updated_by: actor.id, updated_at: at });
  // another writer committed between our read and our write (PostgreSQL, or a large save read outside the
  // transaction): show the winner
  if (!won) throw staleError((await findOpenReport(deps, row.id, trx)) ?? row);
  const version = row.version + 1;
  // the base version keeps only what rebuilds it from this one: the document is written once
  if (c.delta) await setVersionDelta(trx, { report_id: row.id, version: row.version, delta: c.delta });
  const restore = c.restoredFrom !== undefined;
  await insertVersion(trx, { report_id: row.id, version, status: row.status, action: restore ? 'restore' : 'save', user_id: actor.id, created_at: at });
  await c.usage(trx);
  await audit({
    ...by(actor), event: restore ? 'report_restore' : 'report_save', objectType: 'report', objectId: row.id,
    detail: { version, changed: c.changed, paths: c.paths, ...(restore ? { restoredFrom: c.restoredFrom } : {}) },
  });
  return { id: row.id, status: row.status as ReportStatus, version, updatedAt: at, changed: c.changed };
}

export async function saveReport(
  deps: Deps,
  o: { actor: Actor; id: string; ifMatch: number | null; report: Report; confirmClear?: boolean; restoredFrom?: number },
): Promise<SaveResult> {
  if (o.ifMatch == null) throw new AppError('PRECONDITION_REQUIRED', '保存须带上所依据的版本（If-Match 请求头）');
  // Already normalised by the route's body schema (SaveBody: defaults filled, unknown keys dropped, no mass
  // assignment); parsing a second time cost ~10% of a save. Other callers pass Report.parse output too.
  const next = o.report;
  assertValidInput(next);
  await assertWithinBounds(deps, next, '报告');
  // Everything that only reads (the stored version, the scope check, the diff) happens before the write
  // transaction: on SQLite that transaction holds the database's one write lock, for every process. The
  // UPDATE is conditional on the version read here, so a write that lost a race changes nothing (412).
  const row = await loadVisibleReport(deps, o.actor, o.id);
  // who may edit and whether the state allows it come before the version: a 412 would invite a merge
  // that no merge can make acceptable
  const scope = scopeOf(o.actor, row);
  if (row.version !== o.ifMatch) throw staleError(row);
  const verdict = judgeSave(row.document, next, scope, { confirmClear: o.confirmClear });
  if (!verdict.ok) throw verdictError(verdict);
  const { changes } = verdict;
  if (changes.length === 0) return unchanged(row);
  const sealed = sealPersonal(deps.crypto, next);
  const document = new EncodedJson(JSON.stringify(sealed));
  const usage = (t: Transaction<Database>) => syncReportUsage(t, row, row.document, next);
  const delta = reverseDelta(sealed, sealPersonal(deps.crypto, row.document));
  const change = { document, changed: changes.length, paths: changes.slice(0, 20).map((c) => c.path), projection: projection(next), usage, delta, restoredFrom: o.restoredFrom };
  return inTransaction(deps, (trx, audit) => writeSave(deps, trx, audit, o.actor, row, change));
}

/**
 * A save whose body was too large to parse on the request thread (http/large-json.ts): the heavy-work pool
 * parses, validates and judges it against the version read here, outside any transaction (a transaction
 * held across the worker would stall every other writer); the write is then the same compare-and-set on
 * that version, so a concurrent save in between gives 412, never a lost update.
 */
export async function saveLargeReport(deps: Deps, o: { actor: Actor; id: string; ifMatch: number; bodyText: string }): Promise<SaveResult> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  const scope = scopeOf(o.actor, row);
  if (row.version !== o.ifMatch) throw staleError(row);
  if (!deps.heavy) throw new AppError('WORK_BUSY', '服务器暂时无法处理这么大的报告，请稍后再试');
  const prepared = await deps.heavy.prepareSave({ current: stored(row), bodyText: o.bodyText, scope, confirmClear: false });
  if ('unchanged' in prepared) return unchanged(row);
  const u = prepared.usage;
  const usage = async (t: Transaction<Database>) => {
    if (u) await syncUsage(t, { id: row.id, bureau_id: row.bureau_id, department_id: row.department_id, year: u.year }, u.ids);
  };
  const change = { document: new EncodedJson(prepared.storedText), changed: prepared.changed, paths: prepared.paths, projection: prepared.projection, usage, delta: prepared.delta };
  return inTransaction(deps, (trx, audit) => writeSave(deps, trx, audit, o.actor, row, change));
}
