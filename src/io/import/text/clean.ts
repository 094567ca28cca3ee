// Characters that carry nothing but break matching. Web pages leave zero-width spaces and HTML entities
// (&nbsp;) in copied text; a Chinese IME types full-width digits and letters (２０２１年, ＹＹＸ２９２). They are
// put right before any label or value is read, so "２０２１" is the year 2021 and "&nbsp;党群工作部" the name.

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const FULL_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const FULL_POINT = /(?<=\d)．(?=\d)/g;
const NEEDS_CLEAN = /[\u200b-\u200d\u2060\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

const toHalf = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/** Whether cleanChars would change anything in `s`: one scan decides for a whole document. */
export function needsClean(s: string): boolean {
  return NEEDS_CLEAN.test(s);
}

/** Zero-width characters removed, full-width digits and Latin letters made ASCII. */
export function cleanChars(s: string): string {
  if (!NEEDS_CLEAN.test(s)) return s;
  return s.replace(INVISIBLE, '').replace(FULL_ALNUM, toHalf).replace(FULL_POINT, '.');
}

const NAMED: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', hellip: '…', mdash: '—', ndash: '–',
  times: '×', divide: '÷', yen: '¥', deg: '°', plusmn: '±', le: '≤', ge: '≥', permil: '‰', bull: '•',
};
const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;

/** HTML character references left in text copied from a web page; unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    // A line break would shift every later line number the diagnostics cite; control characters and
    // surrogates would corrupt the text rather than restore it.
    if (code === 10 || code === 13) return ' ';
    if (code === 9 || (code >= 32 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff))) {
      return String.fromCodePoint(code);
    }
    return whole;
  });
}
