// 历史版本 and the field-level diff between any two of them.
import { editingSessions } from '../../core/workflow/editing-sessions';
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

/**
 * The versions as the history lists them (issue 11 §3): one per editing session — a person's autosaves with
 * no pause over 10 minutes, the newest standing for the session and the others under `autosaves` — and one
 * for every create, import, submit, sign, transition and restore; oldest first. Each folded save stays a
 * stored version (the audit log's report_save entries point at it), to compare or restore.
 */
export async function listVersionSessions(deps: Deps, o: { actor: Actor; id: string }): Promise<Array<VersionSummary & { autosaves: VersionSummary[] }>> {
  return editingSessions(await listVersions(deps, o))
    .reverse()
    .map((s) => ({ ...s.head, autosaves: s.folded }));
}

export async function diffVersions(deps: Deps, o: { actor: Actor; id: string; a: number; b: number }): Promise<{ a: number; b: number; changes: FieldChange[] }> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  const [before, after] = await Promise.all([findVersionDocument(deps.db.kysely, row.id, o.a), findVersionDocument(deps.db.kysely, row.id, o.b)]);
  if (!before || !after) throw notFound('版本');
  // sealed personal fields differ in every version (fresh IVs): compare what people wrote
  return { a: o.a, b: o.b, changes: await diffDocuments(deps, openPersonal(deps.crypto, before), openPersonal(deps.crypto, after)) };
}
