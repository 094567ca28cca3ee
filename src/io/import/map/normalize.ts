// Label normalisation. Real reports spell the same label many ways: 预 算 编 码, 預(yù)算編碼, 部門（單位）名稱,
// "-度" for 年度. Labels are matched on a normal form; values are always taken from the raw text.
import { T2S } from './t2s';

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
    ch = FULL_WIDTH[ch] ?? T2S.get(ch) ?? ch;
    norm += ch;
    if (withMap) map.push(i);
    prevCjk = isCjk(ch.charCodeAt(0));
  }
  // '年' printed as '-' ("-度主要工作内容", "上-结转", "20 16 -度"): only between CJK or before 度.
  if (norm.includes('-')) norm = norm.replace(/-(?=度)|(?<=[\u4e00-\u9fff])-(?=[\u4e00-\u9fff])/g, '年');
  return { norm, map };
}

export function norm(raw: string): string {
  return normalise(raw).norm;
}

/**
 * If raw starts with a label matching `re` (anchored at ^ on the normal form), returns the raw text after
 * the label (leading colons and spaces removed); otherwise null.
 */
export function afterLabel(raw: string, re: RegExp): string | null {
  const { norm: n, map } = normalise(raw, true);
  const m = re.exec(n);
  if (!m || m.index !== 0) return null;
  if (m[0].length === 0) return raw;
  let rawEnd = map[m[0].length - 1]! + 1;
  // A pinyin gloss right after the label's last character belongs to the label: 實有人數(shù).
  rawEnd += glossLength(raw, rawEnd);
  return raw.slice(rawEnd).replace(/^[\s:：\u3000]+/, '').trim();
}
