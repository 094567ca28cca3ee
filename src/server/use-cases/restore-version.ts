// 恢复旧版本 as a new version: the old content goes through the same save as an edit — the version it is
// based on (412 when stale), the restorer's scope now (core/workflow/restore.ts keeps what they may not
// write), the input checks and bounds — and is recorded as a restore of that version in history and audit.
import { Report } from '../../core/model/report';
import { restoredContent } from '../../core/workflow/restore';
import type { Actor } from '../auth/actor';
import { openPersonal } from '../crypto/personal-data';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { findVersionDocument } from '../repositories/versions';
import { saveReport, scopeOf, staleError, type SaveResult } from './save-report';
import { loadVisibleReport } from './shared';

export async function restoreVersion(deps: Deps, o: { actor: Actor; id: string; version: number; ifMatch: number | null }): Promise<SaveResult> {
  if (o.ifMatch == null) throw new AppError('PRECONDITION_REQUIRED', '恢复须带上当前所依据的版本（If-Match 请求头）');
  const row = await loadVisibleReport(deps, o.actor, o.id);
  const scope = scopeOf(o.actor, row);
  if (row.version !== o.ifMatch) throw staleError(row);
  if (o.version === row.version) throw new AppError('VALIDATION', `第 ${o.version} 版就是当前版本，无需恢复`);
  const stored = await findVersionDocument(deps.db.kysely, row.id, o.version);
  if (!stored) throw notFound('版本');
  // an old version may predate fields added since: read it as today's schema fills them
  const old = Report.safeParse(openPersonal(deps.crypto, stored));
  if (!old.success) throw new AppError('VALIDATION', `第 ${o.version} 版的内容不能按当前报告格式读取，无法恢复`);
  const next = restoredContent(row.document, old.data, scope);
  // restoring an early, nearly empty version is what the user chose in the dialog: no second confirmation
  return saveReport(deps, { actor: o.actor, id: o.id, ifMatch: o.ifMatch, report: next, confirmClear: true, restoredFrom: o.version });
}
