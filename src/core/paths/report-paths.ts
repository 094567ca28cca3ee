// Report paths as findings, returns and diffs name them: finance.threePublic[1].total. The history diff
// may spell keys as ["finance"]["income"][0]; both read to the same tokens and print the same way.
export type PathToken = string | number;

const IDENT = /^[A-Za-z_$][\w$]*$/;
const TOKEN = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** Tokens of a path; "" is the whole report. Unreadable input yields what was read so far. */
export function parsePath(path: string): PathToken[] {
  const out: PathToken[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < path.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(path);
    if (!m || TOKEN.lastIndex === at) break;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

export function formatPath(tokens: readonly PathToken[]): string {
  let s = '';
  for (const t of tokens) {
    if (typeof t === 'number') s += `[${t}]`;
    else if (IDENT.test(t)) s += s ? `.${t}` : t;
    else s += `[${JSON.stringify(t)}]`;
  }
  return s;
}

export function normalizePath(path: string): string {
  return formatPath(parsePath(path));
}

/** The path and every ancestor, nearest first: a.b[1].c, a.b[1], a.b, a. */
export function selfAndAncestors(path: string): string[] {
  const tokens = parsePath(path);
  const out: string[] = [];
  for (let n = tokens.length; n > 0; n--) out.push(formatPath(tokens.slice(0, n)));
  return out;
}

/** Whether `path` is `prefix` or lies inside it. */
export function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

export function getAt(root: unknown, path: string | readonly PathToken[]): unknown {
  const tokens = typeof path === 'string' ? parsePath(path) : path;
  let cur: unknown = root;
  for (const t of tokens) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[t];
  }
  return cur;
}

/** A copy of `root` with the value at `path` replaced; objects and arrays on the way are copied, the rest shared. */
export function setAt<T>(root: T, path: string | readonly PathToken[], value: unknown): T {
  const tokens = typeof path === 'string' ? parsePath(path) : path;
  if (tokens.length === 0) return value as T;
  const [head, ...rest] = tokens as [PathToken, ...PathToken[]];
  const container = (root ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown> | unknown[];
  const child = (container as Record<string | number, unknown>)[head];
  const next = rest.length ? setAt(child, rest, value) : value;
  if (Array.isArray(container)) {
    const copy = container.slice();
    copy[head as number] = next;
    return copy as T;
  }
  return { ...container, [head]: next } as T;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a == null || b == null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
