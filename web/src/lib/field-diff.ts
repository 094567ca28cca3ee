// Field-level differences between two reports, for the merge dialog. Arrays of equal length are
// compared element by element; when rows were added or removed the whole list is one field, so a
// choice between "mine" and "theirs" never produces a half-merged table.
import { deepEqual, formatPath, getAt, setAt, type PathToken } from './paths';

export interface FieldDifference {
  path: string;
  a: unknown;
  b: unknown;
}

/** Provenance is not content a person edits or merges. */
const SKIP_KEYS = new Set(['sources']);

export function fieldDiff(a: unknown, b: unknown, tokens: PathToken[] = [], out: FieldDifference[] = []): FieldDifference[] {
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => fieldDiff(x, b[i], [...tokens, i], out));
    return out;
  }
  const objA = a != null && typeof a === 'object' && !Array.isArray(a);
  const objB = b != null && typeof b === 'object' && !Array.isArray(b);
  if (objA && objB) {
    const keys = [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])];
    for (const k of keys) {
      if (tokens.length === 0 && SKIP_KEYS.has(k)) continue;
      fieldDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...tokens, k], out);
    }
    return out;
  }
  if (!deepEqual(a, b)) out.push({ path: formatPath(tokens), a: a ?? null, b: b ?? null });
  return out;
}

export type MergeChoice = 'mine' | 'theirs';

export interface MergeRow {
  path: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  mineChanged: boolean;
  theirsChanged: boolean;
  /** both sides changed the field, to different values: the user must choose */
  conflict: boolean;
  /** the default: whoever changed it; null when both did */
  suggested: MergeChoice | null;
}

/** Every field where my copy and the server's copy differ, with who changed it since the common base. */
export function mergeRows(base: unknown, mine: unknown, theirs: unknown): MergeRow[] {
  return fieldDiff(theirs, mine).map(({ path }) => {
    const b = getAt(base, path);
    const m = getAt(mine, path);
    const t = getAt(theirs, path);
    const mineChanged = !deepEqual(b, m);
    const theirsChanged = !deepEqual(b, t);
    const conflict = mineChanged && theirsChanged;
    const suggested: MergeChoice | null = conflict ? null : mineChanged ? 'mine' : 'theirs';
    return { path, base: b ?? null, mine: m ?? null, theirs: t ?? null, mineChanged, theirsChanged, conflict, suggested };
  });
}

/** The server's copy with my values laid over it where I chose mine. */
export function applyMerge<T>(theirs: T, mine: unknown, rows: readonly MergeRow[], choices: Record<string, MergeChoice>): T {
  let out = theirs;
  for (const r of rows) if (choices[r.path] === 'mine') out = setAt(out, r.path, getAt(mine, r.path));
  return out;
}
