// Work on a report document that grows with its size — checks, exports, digests for signatures, diffs —
// done on the request thread for ordinary reports and in the heavy-work pool (heavy/pool.ts) for large
// ones. A large report goes to the pool as the text it is stored as (sealed personal fields and all), so
// the request thread neither parses nor serialises it.
import type { Report } from '../../core/model/report';
import { diffValues, type FieldChange } from '../../core/workflow/diff';
import { digestMatcher, reportDigest } from '../audit/canonical';
import type { Deps } from '../deps';
import type { DocumentInput } from '../heavy/pool';
import { isLarge, utf8Bytes } from '../heavy/size';
import type { ReportRow } from '../repositories/reports';

type Documented = Pick<ReportRow, 'document' | 'documentText'>;

/** The pool, when this document is beyond the small size the request thread handles itself. */
export function poolFor(deps: Deps, row: Documented | { document: Report }): NonNullable<Deps['heavy']> | null {
  if (!deps.heavy) return null;
  const text = 'documentText' in row ? row.documentText : null;
  return (text != null ? utf8Bytes(text) > deps.config.heavy.thresholdBytes : isLarge(row.document, deps.config.heavy.thresholdBytes)) ? deps.heavy : null;
}

/** What the pool is sent: the stored text when there is one, else the document (serialised there). */
export function stored(row: Documented | { document: Report }): DocumentInput {
  return 'documentText' in row && row.documentText != null ? { sealedText: row.documentText } : { report: row.document };
}

/** Which of the stored digests still match the document, its digest now, and the 归口科室意见 in it. */
export async function digestsOf(deps: Deps, row: Documented, hashes: string[], current = false): Promise<{ matches: boolean[]; digest: string | null; financeOpinion: string }> {
  const pool = poolFor(deps, row);
  if (pool) return pool.digests(stored(row), hashes, current);
  const match = digestMatcher(deps.crypto, row.document);
  return { matches: hashes.map(match), digest: current ? reportDigest(deps.crypto, row.document) : null, financeOpinion: row.document.signoffs.finance.opinion };
}

export async function diffDocuments(deps: Deps, a: Report, b: Report): Promise<FieldChange[]> {
  const pool = poolFor(deps, { document: a }) ?? poolFor(deps, { document: b });
  return pool ? pool.diff(a, b) : diffValues(a, b);
}
