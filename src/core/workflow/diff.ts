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

/** Leaf-by-leaf changes; an added or removed array element or object key is one change. */
export function diffValues(before: unknown, after: unknown, path = '', out: FieldChange[] = []): FieldChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}[${i}]`;
      if (i >= before.length) out.push({ path: p, before: null, after: after[i] });
      else if (i >= after.length) out.push({ path: p, before: before[i], after: null });
      else diffValues(before[i], after[i], p, out);
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) {
      const p = childPath(path, k);
      if (!(k in before)) out.push({ path: p, before: null, after: after[k] });
      else if (!(k in after)) out.push({ path: p, before: before[k], after: null });
      else diffValues(before[k], after[k], p, out);
    }
    return out;
  }
  if (!Object.is(before, after) && JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, before: before ?? null, after: after ?? null });
  return out;
}
