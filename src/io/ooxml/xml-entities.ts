// What XML itself defines and nothing else: the five entities (&amp; &lt; &gt; &quot; &apos;) and numeric
// character references (&#65; &#x41;). Anything else beginning with & stays as written (&nbsp; &copy;
// &#X41;), so no name can expand into more than it was. A reference yields at most two code units.
// A loop rather than a regex with a replacer: on a part made of references (a hostile one: up to millions
// of them within the size cap) that allocates a match per reference and is several times slower.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const end = referenceEnd(s, amp);
    if (end > 0) {
      out += s.slice(last, amp) + referenceValue(s, amp, end);
      last = end;
    }
    amp = s.indexOf('&', end > 0 ? end : amp + 1);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Index just past the ';' of the reference starting at `amp`, or 0 when there is none there. */
function referenceEnd(s: string, amp: number): number {
  let i = amp + 1;
  if (s.charCodeAt(i) === 0x23 /* # */) {
    const hex = s.charCodeAt(++i) === 0x78; /* x, lower case only, as XML has it */
    if (hex) i++;
    const start = i;
    const max = hex ? 6 : 7; // enough for U+10FFFF; longer ones stay as written
    while (i - start < max && (hex ? isHexDigit(s.charCodeAt(i)) : isDigit(s.charCodeAt(i)))) i++;
    return i > start && s.charCodeAt(i) === 0x3b /* ; */ ? i + 1 : 0;
  }
  const semi = s.indexOf(';', i);
  return semi > i && semi - i <= 4 && NAMED[s.slice(i, semi)] !== undefined ? semi + 1 : 0;
}

function referenceValue(s: string, amp: number, end: number): string {
  if (s.charCodeAt(amp + 1) !== 0x23) return NAMED[s.slice(amp + 1, end - 1)]!;
  const hex = s.charCodeAt(amp + 2) === 0x78;
  let cp = 0;
  for (let i = amp + (hex ? 3 : 2); i < end - 1; i++) {
    const c = s.charCodeAt(i);
    cp = cp * (hex ? 16 : 10) + (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57);
  }
  // NUL, surrogates and beyond Unicode are not characters: the replacement character instead.
  return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD';
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  const l = c | 0x20;
  return isDigit(c) || (l >= 0x61 && l <= 0x66);
}
