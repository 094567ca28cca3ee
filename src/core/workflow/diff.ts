// Field-level differences between two reports: what the history view shows, and what the server
// checks against a role's edit scope. Paths use the same syntax as findings: finance.income[0].total.
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

function childPath(base: string, key: string): string {
  if (IDENT.test(key)) return base ? `${base}.${key}` : key;
  return `${base}[${JSON.stringify(key)}]`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Leaf-by-leaf changes, object keys in sorted order; an added or removed array element or object key is
 * one change. A save diffs a whole report on every keystroke's autosave, so the walk builds a path only
 * for what it reports (the segments of the way down are kept on a stack) and skips shared subtrees.
 */
export function diffValues(before: unknown, after: unknown, path = '', out: FieldChange[] = []): FieldChange[] {
  const stack: Array<string | number> = [];
  const here = (): string => {
    let p = path;
    for (const s of stack) p = typeof s === 'number' ? `${p}[${s}]` : childPath(p, s);
    return p;
  };
  const walk = (a: unknown, b: unknown): void => {
    if (a === b) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        stack.push(i);
        if (i >= a.length) out.push({ path: here(), before: null, after: b[i] });
        else if (i >= b.length) out.push({ path: here(), before: a[i], after: null });
        else walk(a[i], b[i]);
        stack.pop();
      }
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const k of sortedKeys(a, b)) {
        stack.push(k);
        if (!(k in a)) out.push({ path: here(), before: null, after: b[k] });
        else if (!(k in b)) out.push({ path: here(), before: a[k], after: null });
        else walk(a[k], b[k]);
        stack.pop();
      }
      return;
    }
    if (!Object.is(a, b) && JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: here(), before: a ?? null, after: b ?? null });
  };
  walk(before, after);
  return out;
}

/** The union of both objects' keys, sorted; objects of one shape (table rows, indicators) share one sort. */
const sortedByShape = new Map<string, string[]>();
function sortedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const same = ka.length === kb.length && ka.every((k, i) => k === kb[i]);
  if (!same) return [...new Set([...ka, ...kb])].sort();
  const shape = ka.join('\u0000');
  let sorted = sortedByShape.get(shape);
  if (!sorted) {
    sorted = [...ka].sort();
    if (sortedByShape.size < 500) sortedByShape.set(shape, sorted);
  }
  return sorted;
}
