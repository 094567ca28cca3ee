// Work on a report document that grows with its size — digests for signatures, diffs between versions —
// done on the request thread for ordinary reports and in the heavy-work pool (heavy/pool.ts) for large ones.
import type { Report } from '../../core/model/report';
import { diffValues, type FieldChange } from '../../core/workflow/diff';
import { digestMatcher, reportDigest } from '../audit/canonical';
import type { Deps } from '../deps';
import { isLarge } from '../heavy/size';

/** The pool, when this document is beyond the small size the request thread handles itself. */
export function poolFor(deps: Deps, document: unknown): NonNullable<Deps['heavy']> | null {
  return deps.heavy && isLarge(document, deps.config.heavy.thresholdBytes) ? deps.heavy : null;
}

/** Which of the stored digests still match the document, and (when asked) its digest now. */
export async function digestsOf(deps: Deps, document: Report, stored: string[], current = false): Promise<{ matches: boolean[]; digest: string | null }> {
  const pool = poolFor(deps, document);
  if (pool) return pool.digests(document, stored, current);
  const match = digestMatcher(deps.crypto, document);
  return { matches: stored.map(match), digest: current ? reportDigest(deps.crypto, document) : null };
}

export async function diffDocuments(deps: Deps, a: Report, b: Report): Promise<FieldChange[]> {
  const pool = poolFor(deps, a) ?? poolFor(deps, b);
  return pool ? pool.diff(a, b) : diffValues(a, b);
}
