// Token text → its normal form and the label patterns it matches, cached across documents: the same few
// hundred labels recur in every report, so a batch import pays for each regular expression once.
import { REGISTRY } from './labels';
import { norm } from './normalize';

export interface Label {
  norm: string;
  roles: readonly RegExp[];
}

const NONE: readonly RegExp[] = Object.freeze([]);
const CACHE = new Map<string, Label>();
const MAX_CACHE = 50_000;
const MAX_CACHED_LENGTH = 64;

function classifyNorm(n: string): readonly RegExp[] {
  if (n === '') return NONE;
  let out: RegExp[] | null = null;
  for (const re of REGISTRY) {
    if (re.test(n)) (out ??= []).push(re);
  }
  return out ?? NONE;
}

export function label(text: string): Label {
  // Labels are short; for prose only its beginning can matter, so the cache holds that.
  const head = text.length > MAX_CACHED_LENGTH ? text.slice(0, MAX_CACHED_LENGTH) : text;
  let l = CACHE.get(head);
  if (l === undefined) {
    const n = norm(head);
    l = { norm: n, roles: classifyNorm(n) };
    if (CACHE.size >= MAX_CACHE) CACHE.clear();
    CACHE.set(head, l);
  }
  return l;
}
