// 签署记录 of a visible report, each marked valid or not against the current content.
import { digestsOf } from './document-work';
import type { Actor } from '../auth/actor';
import type { Deps } from '../deps';
import { listSignatures as all } from '../repositories/reviews';
import { loadVisibleReport } from './shared';
import { signatureView, type SignatureView } from './signature-view';

export async function listSignatures(deps: Deps, o: { actor: Actor; id: string }): Promise<SignatureView[]> {
  const row = await loadVisibleReport(deps, o.actor, o.id);
  const sigs = await all(deps.db.kysely, row.id);
  const { matches } = await digestsOf(deps, row, sigs.map((s) => s.report_hash));
  return sigs.map((s, i) => signatureView(s, () => matches[i]!));
}
