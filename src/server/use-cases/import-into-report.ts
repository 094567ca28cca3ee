// 导入到本草稿: a file read into a draft that exists, instead of a new report (issue 11 §3). `preview` says
// what 替换 and 合并 would change (core/workflow/import-into.ts) and writes nothing; `replace` or `merge`
// writes it as the next version — with If-Match, so a draft changed meanwhile is never overwritten — and the
// draft's source (file, time) follows. Only the department's preparer, only while the whole report is hers
// to edit (草稿 or 已退回 with a full scope); audited as report_import with the mode.
import { importChanges, importedDocument, type ImportChange, type ImportMode } from '../../core/workflow/import-into';
import { editScope } from '../../core/workflow/edit';
import type { ReportStatus } from '../../core/workflow/index';
import type { ImportDiagnostic } from '../../io/import/doc';
import { effectiveRoles } from '../auth/access';
import type { Actor } from '../auth/actor';
import { nowIso, type Deps } from '../deps';
import { AppError, forbidden } from '../errors';
import { upsertSource } from '../repositories/report-sources';
import { sealPersonal } from '../crypto/personal-data';
import { updateContent } from '../repositories/reports';
import { EncodedJson } from '../repositories/json';
import { insertVersion, setVersionDelta } from '../repositories/versions';
import { reverseDelta } from '../repositories/version-delta';
import { readImport } from './import-report';
import { syncReportUsage } from './library-usage';
import { preparerDepartment } from './new-report';
import { staleError } from './save-report';
import { assertWithinBounds, by, findOpenReport, inTransaction, loadVisibleReport, projection, templateOf } from './shared';

export interface ImportIntoResult {
  mode: ImportMode | 'preview';
  fileName: string;
  /** every field the file differs in; `merged` ones are what 合并 takes */
  changes: ImportChange[];
  diagnostics: ImportDiagnostic[];
  version: number;
  changed: number;
}

export async function importIntoReport(
  deps: Deps,
  o: { actor: Actor; id: string; bytes: Uint8Array; fileName: string; mode: ImportMode | 'preview'; ifMatch: number | null },
): Promise<ImportIntoResult> {
  const department = await preparerDepartment(deps, o.actor);
  const row = await loadVisibleReport(deps, o.actor, o.id);
  if (row.department_id !== department.id) throw forbidden('只能导入到本部门的报告');
  if (editScope(row.status as ReportStatus, effectiveRoles(o.actor, row)) !== '*')
    throw new AppError('INVALID_STATE', '报告已提交，不能再导入文件；退回后可在草稿中修改');
  if (o.mode !== 'preview' && o.ifMatch == null) throw new AppError('PRECONDITION_REQUIRED', '导入到草稿须带上所依据的版本（If-Match 请求头）');
  let read = await readImport(deps, { actor: o.actor, department, bytes: o.bytes, fileName: o.fileName });
  // a file not recognised as the draft's form is read once more onto it (the form's own labels)
  if (read.report.templateId !== row.document.templateId) {
    const template = await templateOf(deps, row.document);
    if (template) read = await readImport(deps, { actor: o.actor, department, bytes: o.bytes, fileName: o.fileName, template, again: true });
  }
  if (read.report.year !== row.year)
    throw new AppError('VALIDATION', `文件是${read.report.year}年度的报告，本草稿是${row.year ?? '未定'}年度，不能导入到本草稿；请导入为新草稿`);
  const changes = importChanges(row.document, read.report);
  const base = { fileName: o.fileName, changes, diagnostics: read.diagnostics };
  if (o.mode === 'preview') return { ...base, mode: 'preview', version: row.version, changed: 0 };

  const next = importedDocument(row.document, read.report, o.mode);
  await assertWithinBounds(deps, next, '导入后的报告');
  const changed = o.mode === 'replace' ? changes.length : changes.filter((c) => c.merged).length;
  const at = nowIso(deps.clock);
  return inTransaction(deps, async (trx, audit) => {
    const current = (await findOpenReport(deps, row.id, trx))!;
    if (current.version !== o.ifMatch) throw staleError(current);
    if (changed === 0) return { ...base, mode: o.mode, version: current.version, changed };
    // personal fields sealed at rest, as every save writes them (crypto/personal-data.ts)
    const sealed = sealPersonal(deps.crypto, next);
    const document = new EncodedJson(JSON.stringify(sealed));
    const won = await updateContent(trx, deps.db.dialect, row.id, current.version, { document, ...projection(next), updated_by: o.actor.id, updated_at: at });
    if (!won) throw staleError((await findOpenReport(deps, row.id, trx)) ?? current);
    const version = current.version + 1;
    await trx.updateTable('reports').set({ import_meta: JSON.stringify({ ...read.importMeta, mode: o.mode }) }).where('id', '=', row.id).execute();
    // the version before keeps the delta that rebuilds it (repositories/version-delta.ts), between stored forms
    const delta = reverseDelta(sealed, sealPersonal(deps.crypto, current.document));
    if (delta) await setVersionDelta(trx, { report_id: row.id, version: current.version, delta });
    await insertVersion(trx, { report_id: row.id, version, status: current.status, action: 'import', user_id: o.actor.id, created_at: at });
    await syncReportUsage(trx, current, current.document, next);
    await upsertSource(trx, { report_id: row.id, file_name: read.file.fileName, sha256: read.file.sha256, imported_by: o.actor.id, imported_at: at });
    await audit({ ...by(o.actor), event: 'report_import', objectType: 'report', objectId: row.id, detail: { ...read.auditDetail, mode: o.mode, version, changed } });
    return { ...base, mode: o.mode, version, changed };
  });
}
