// Label normalisation. Real reports spell the same label many ways: 预 算 编 码, 預(yù)算編碼, 部門（單位）名稱,
// "-度" for 年度. Labels are matched on a normal form; values are always taken from the raw text.
import { hasTraditional, toSimplifiedAligned } from './simplified';

const MAX_LABEL = 96;

function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}
function isPinyinLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xe0 && c <= 0x1ff) || c === 0x1e3f;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 10 || c === 13;
}

const FULL_WIDTH: Record<string, string> = { '（': '(', '）': ')', '：': ':', '，': ',', '；': ';', '．': '.', '－': '-' };

export interface Normalised {
  norm: string;
  /** map[i] = index in raw of norm character i */
  map: number[];
}

/** Length of a pinyin gloss "(píng)" starting at raw[i] right after a CJK character, or 0. */
function glossLength(raw: string, i: number): number {
  const open = raw[i];
  if (open !== '(' && open !== '（') return 0;
  let j = i + 1;
  while (j < raw.length && j - i < 12 && isPinyinLetter(raw.charCodeAt(j))) j++;
  const close = raw[j];
  return j > i + 1 && (close === ')' || close === '）') ? j - i + 1 : 0;
}

/** Normal form of the beginning of a text (its first MAX_LABEL characters) with a map back to raw. */
export function normalise(raw: string, withMap = false): Normalised {
  let norm = '';
  const map: number[] = [];
  let prevCjk = false;
  const end = Math.min(raw.length, MAX_LABEL * 2);
  for (let i = 0; i < end && norm.length < MAX_LABEL; i++) {
    const code = raw.charCodeAt(i);
    if (isSpace(code)) continue;
    if (prevCjk && (code === 40 || code === 0xff08)) {
      const g = glossLength(raw, i);
      if (g) {
        i += g - 1;
        continue;
      }
    }
    let ch = raw[i]!;
    ch = FULL_WIDTH[ch] ?? ch;
    norm += ch;
    if (withMap) map.push(i);
    prevCjk = isCjk(ch.charCodeAt(0));
  }
  // Converted as a whole, the way norm() converts (phrases included); position for position, so the map holds.
  if (hasTraditional(norm)) norm = toSimplifiedAligned(norm);
  // '年' printed as '-' ("-度主要工作内容", "上-结转", "20 16 -度"): only between CJK or before 度.
  if (norm.includes('-')) norm = norm.replace(/-(?=度)|(?<=[\u4e00-\u9fff])-(?=[\u4e00-\u9fff])/g, '年');
  return { norm, map };
}

// The same normal form by whole-string regular expressions: labels are normalised for every token of every
// imported report, and this is an order of magnitude faster than the character loop above.
const SPACES = /[\s\u3000\u00a0]+/g;
const HAS_SPACE = /[\s\u3000\u00a0]/;
/** A pinyin gloss in brackets, as web copies print after a character: 評(píng). */
export const PINYIN_GLOSS = '[(（][a-zA-Z\\u00e0-\\u01ff\\u1e3f]{1,10}[)）]';
const GLOSS = new RegExp(`(?<=[\\u3400-\\u9fff\\uf900-\\ufaff])${PINYIN_GLOSS}`, 'g');
/** Whether a text carries a pinyin gloss after a CJK character. */
export const HAS_GLOSS = new RegExp(GLOSS.source);
const FULL = /[（）：，；．－]/g;
const HAS_FULL = /[（）：，；．－]/;
const DASH_YEAR = /-(?=度)|(?<=[\u4e00-\u9fff])-(?=[\u4e00-\u9fff])/g;
const fullToHalf = (c: string) => FULL_WIDTH[c]!;

export function norm(raw: string): string {
  let s = raw.length > MAX_LABEL * 2 ? raw.slice(0, MAX_LABEL * 2) : raw;
  if (HAS_SPACE.test(s)) s = s.replace(SPACES, '');
  if (s.includes('(') || s.includes('（')) s = s.replace(GLOSS, '');
  if (HAS_FULL.test(s)) s = s.replace(FULL, fullToHalf);
  // cut before converting, as normalise() does, so that both convert the same characters
  if (s.length > MAX_LABEL) s = s.slice(0, MAX_LABEL);
  if (hasTraditional(s)) s = toSimplifiedAligned(s);
  if (s.includes('-')) s = s.replace(DASH_YEAR, '年');
  return s;
}

/**
 * If raw starts with a label matching `re` (anchored at ^ on the normal form), returns the raw text after
 * the label (leading colons and spaces removed); otherwise null.
 */
export function afterLabel(raw: string, re: RegExp): string | null {
  // Without spaces, brackets or traditional characters the normal form is the raw text character for
  // character (full-width punctuation and '-' map one to one), so positions need no map.
  if (!HAS_SPACE.test(raw) && !HAS_GLOSS.test(raw) && !hasTraditional(raw)) {
    const m = re.exec(norm(raw));
    if (!m || m.index !== 0) return null;
    return raw.slice(m[0].length).replace(/^[\s:：\u3000]+/, '').trim();
  }
  const { norm: n, map } = normalise(raw, true);
  const m = re.exec(n);
  if (!m || m.index !== 0) return null;
  if (m[0].length === 0) return raw;
  let rawEnd = map[m[0].length - 1]! + 1;
  // A pinyin gloss right after the label's last character belongs to the label: 實有人數(shù).
  rawEnd += glossLength(raw, rawEnd);
  return raw.slice(rawEnd).replace(/^[\s:：\u3000]+/, '').trim();
}
