// Traditional → simplified characters through OpenCC's t2s conversion (opencc-js: its CJK compatibility,
// TSPhrases and TSCharacters tables), for recognising text only: labels, prose figures, place names and
// family words are matched on the simplified form; values are always taken from the text as printed.
import { ConverterFactory } from 'opencc-js/core';
import { allMatches } from '../../../core/matches';
import CJK_COMPATIBILITY from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TS_PHRASES from 'opencc-js/dict/TSPhrases';

const convert = ConverterFactory([CJK_COMPATIBILITY], [TS_PHRASES, TS_CHARACTERS]);

/**
 * Every UTF-16 unit of a character some entry of the tables changes (a character outside the BMP marks its
 * high surrogate): a text without one converts to itself. A table lookup per unit, because this is asked
 * of every token of every import; a character-class regex of these ~4,000 characters is ~20× slower.
 */
const CHANGED = new Uint8Array(0x10000);
for (const dict of [CJK_COMPATIBILITY, TS_CHARACTERS, TS_PHRASES]) {
  for (const entry of dict.split('|')) {
    const [from = '', to = ''] = entry.split(' ');
    const a = Array.from(from);
    const b = Array.from(to);
    a.forEach((c, i) => {
      if (c !== b[i]) CHANGED[c.charCodeAt(0)] = 1;
    });
  }
}

/** Whether OpenCC would (or, for a few rare characters, might) change anything in the text. */
export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (CHANGED[text.charCodeAt(i)] === 1) return true;
  return false;
}

// Label tokens repeat across documents (the same form, the same web portal): keep their conversions.
const MEMO = new Map<string, string>();

/** The text in simplified characters (phrases first, as OpenCC does: 乾淨 → 干净 but 乾隆 stays). */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  let out = MEMO.get(text);
  if (out === undefined) {
    out = convert(text);
    if (text.length <= 200) {
      if (MEMO.size >= 20_000) MEMO.clear();
      MEMO.set(text, out);
    }
  }
  return out;
}

/**
 * The simplified text with every UTF-16 position where it was, so an index found on it is an index into
 * the original: OpenCC's tables map a character or phrase to one of the same length, except for a few
 * rare characters outside the BMP, which are then kept as printed.
 */
export function toSimplifiedAligned(text: string): string {
  const out = toSimplified(text);
  if (out.length === text.length) return out;
  let aligned = '';
  for (const c of text) {
    const s = toSimplified(c);
    aligned += s.length === c.length ? s : c;
  }
  return aligned;
}

/** `raw.split(re)` with `re` matched on the simplified text: the pieces are cut from the printed text. */
export function splitPrinted(raw: string, re: RegExp): string[] {
  const simple = toSimplifiedAligned(raw);
  if (simple === raw) return raw.split(re);
  const out: string[] = [];
  let last = 0;
  for (const m of allMatches(new RegExp(re.source, `${re.flags.replace('g', '')}g`), simple)) {
    // as split does: an empty match at either end cuts nothing
    if (m[0] === '' && (m.index === 0 || m.index === raw.length)) continue;
    out.push(raw.slice(last, m.index));
    last = m.index + m[0].length;
  }
  out.push(raw.slice(last));
  return out;
}

/** `re.exec` on the simplified text; the match's index and length are those of the printed text. */
export function execPrinted(re: RegExp, raw: string): RegExpExecArray | null {
  return re.exec(toSimplifiedAligned(raw));
}
