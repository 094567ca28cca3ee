// 签署记录 of a visible report, each marked valid or not against the current content.
import { digestMatcher } from '../audit/canonical';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { listSignatures as all } from '../repositories/reviews';
import { loadVisibleReport } from './shared';
import { signatureView, type SignatureView } from './signature-view';

export async function listSignatures(deps: Deps, o: { actor: Actor; id: string }): Promise<SignatureView[]> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  const matches = digestMatcher(deps.crypto, row.document);
  return (await all(deps.db.kysely, row.id)).map((s) => signatureView(s, matches));
}
