// Finding an indicator in the library by what a preparer types: the words of its name (or of its 二级, 分类
// and 解释), in any order, with some tolerance for wording ("满意率" finds "服务对象满意度"); and finding the
// library entry a report row already is, for a row typed by hand or imported without a libraryId.
import { categoryOf } from '../model/indicator-category';

type Searchable = { level1: string; level2: string; name: string; category: string; explanation?: string; usage?: { reports: number } };

/** Lower case, full-width folded, no spaces or punctuation: the form names are compared in. */
export function searchKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

/** Dice coefficient of the two texts' character bigrams: 1 for the same words, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  const x = bigrams(searchKey(a));
  const y = bigrams(searchKey(b));
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/** The share of the query's bigrams the text has: how much of what was typed it covers ("满意率" in 服务对象满意度: ½). */
function coverage(query: string, text: string): number {
  const q = bigrams(query);
  const t = bigrams(text);
  let common = 0;
  for (const g of q) if (t.has(g)) common++;
  return q.size ? common / q.size : 0;
}

export interface SearchOptions {
  /** what the preparer typed; words separated by spaces must all be found */
  q?: string;
  /** 指标分类, exactly */
  category?: string;
}

const FUZZY = 0.5;

/** The entries that match, best first: the name itself, then a name starting or containing the words, then other fields, then similar names; more used first. */
export function searchLibrary<T extends Searchable>(entries: readonly T[], o: SearchOptions = {}): T[] {
  const terms = (o.q ?? '').split(/\s+/).map(searchKey).filter(Boolean);
  const whole = terms.join('');
  const ranked: Array<{ e: T; rank: number }> = [];
  for (const e of entries) {
    if (o.category && e.category !== o.category) continue;
    const rank = terms.length ? rankOf(e, terms, whole) : 0;
    if (rank >= 0) ranked.push({ e, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || (b.e.usage?.reports ?? 0) - (a.e.usage?.reports ?? 0) || a.e.name.localeCompare(b.e.name, 'zh-Hans-CN'))
    .map((r) => r.e);
}

function rankOf(e: Searchable, terms: string[], whole: string): number {
  const name = searchKey(e.name);
  if (name === whole) return 0;
  if (name.startsWith(whole)) return 1;
  if (terms.every((t) => name.includes(t))) return 2;
  const rest = searchKey(`${e.level1} ${e.level2} ${e.category} ${e.explanation ?? ''}`);
  if (terms.every((t) => name.includes(t) || rest.includes(t))) return 3;
  return coverage(whole, name) >= FUZZY ? 4 : -1;
}

const MATCH = 0.6;

/**
 * The library entry a report row most likely is: the same 二级 category and a name at least 60% alike
 * (bigram Dice), the most alike first; null when none is that close.
 */
export function bestMatch<T extends Searchable>(row: { level1: string; level2: string; name: string }, entries: readonly T[]): { entry: T; score: number } | null {
  const category = categoryOf(row);
  let best: { entry: T; score: number } | null = null;
  for (const e of entries) {
    if (category !== 'other' && categoryOf(e) !== category) continue;
    const score = similarity(row.name, e.name);
    if (score >= MATCH && (!best || score > best.score)) best = { entry: e, score };
  }
  return best;
}
