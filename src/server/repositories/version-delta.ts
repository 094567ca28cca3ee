// How report_versions stores history without a second full copy of each document: the report row holds
// the current document, and each older version holds the few edits that turn the next version back into
// it (a reverse delta). A save writes its document once, plus a delta of a few hundred bytes; reading an
// old version starts from the current document (or the nearest full snapshot) and walks back.
//
// The delta is exact for JSON documents: a set at a path, an array cut to a length, a key deleted. It is
// its own format rather than core/workflow/diff's FieldChange list, which cannot tell "set to null" from
// "removed". An undefined value counts as absent (JSON.stringify drops it too).

type Segment = string | number;

/** One edit: `v` sets the value at `p`, `n` cuts the array at `p` to that length, `d` deletes the key `p`. */
export type DeltaOp = { p: Segment[]; v: unknown } | { p: Segment[]; n: number } | { p: Segment[]; d: 1 };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The edits that turn `from` into `to` (both JSON values). Unchanged subtrees cost nothing. */
export function documentDelta(from: unknown, to: unknown): DeltaOp[] {
  const ops: DeltaOp[] = [];
  // the way down, copied only into the ops that are emitted
  const path: Segment[] = [];
  const walk = (a: unknown, b: unknown): void => {
    if (a === b) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      const common = Math.min(a.length, b.length);
      for (let i = 0; i < common; i++) {
        path.push(i);
        walk(a[i], b[i]);
        path.pop();
      }
      for (let i = common; i < b.length; i++) ops.push({ p: [...path, i], v: b[i] ?? null });
      if (b.length < a.length) ops.push({ p: [...path], n: b.length });
      return;
    }
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const k in a) if (a[k] !== undefined && b[k] === undefined) ops.push({ p: [...path, k], d: 1 });
      for (const k in b) {
        const bv = b[k];
        if (bv === undefined) continue;
        if (a[k] === undefined) ops.push({ p: [...path, k], v: bv });
        else {
          path.push(k);
          walk(a[k], bv);
          path.pop();
        }
      }
      return;
    }
    ops.push({ p: [...path], v: b ?? null });
  };
  walk(from, to);
  return ops;
}

/** Applies `ops` to `doc` in place and returns the result (a set at the root replaces it). */
export function applyDelta<T>(doc: T, ops: readonly DeltaOp[]): T {
  let root: unknown = doc;
  for (const op of ops) {
    if (op.p.length === 0) {
      if ('v' in op) root = op.v;
      else if ('n' in op && Array.isArray(root)) root.length = op.n;
      continue;
    }
    let parent = root as Record<Segment, unknown>;
    for (let i = 0; i < op.p.length - 1; i++) parent = parent[op.p[i]!] as Record<Segment, unknown>;
    const last = op.p[op.p.length - 1]!;
    if ('v' in op) parent[last] = op.v;
    else if ('n' in op) (parent[last] as unknown[]).length = op.n;
    else delete parent[last];
  }
  return root as T;
}

/**
 * The stored delta that rebuilds `before` from `after` (a save's base version from the new document, both as
 * stored: personal fields sealed), or null when they are equal.
 */
export function reverseDelta(after: unknown, before: unknown): string | null {
  const ops = documentDelta(after, before);
  return ops.length ? JSON.stringify(ops) : null;
}
