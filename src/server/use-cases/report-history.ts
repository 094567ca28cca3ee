// 历史版本 and the field-level diff between any two of them.
import type { FieldChange } from '../../core/workflow/diff';
import { diffDocuments } from './document-work';
import type { Actor } from '../auth/actor';
import { notFound } from '../errors';
import type { Deps } from '../deps';
import { findVersionDocument, listVersions as all, type VersionSummary } from '../repositories/versions';
import { openPersonal } from '../crypto/personal-data';
import { loadVisibleReport } from './shared';

export async function listVersions(deps: Deps, o: { actor: Actor; id: string }): Promise<VersionSummary[]> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  return all(deps.db.kysely, row.id);
}

export async function diffVersions(deps: Deps, o: { actor: Actor; id: string; a: number; b: number }): Promise<{ a: number; b: number; changes: FieldChange[] }> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  const [before, after] = await Promise.all([findVersionDocument(deps.db.kysely, row.id, o.a), findVersionDocument(deps.db.kysely, row.id, o.b)]);
  if (!before || !after) throw notFound('版本');
  // sealed personal fields differ in every version (fresh IVs): compare what people wrote
  return { a: o.a, b: o.b, changes: await diffDocuments(deps, openPersonal(deps.crypto, before), openPersonal(deps.crypto, after)) };
}
