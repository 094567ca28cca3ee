import { describe, expect, it } from 'vitest';
import { resolveLimits } from './limits';
import { decodeEntities, descendant, elements, parseXml, textOf } from './xml';

const limits = resolveLimits();
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('parseXml', () => {
  it('refuses every DTD form before parsing: billion laughs, XXE, external DTD, parameter entities', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><a>&lol2;</a>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>`;
    const external = `<?xml version="1.0"?><!DOCTYPE a SYSTEM "http://example.invalid/a.dtd"><a/>`;
    const lower = `<!doctype a><a/>`;
    const spaced = `<a/><!  ENTITY x "y">`;
    for (const x of [laughs, xxe, external, lower, spaced]) expect(code(() => parseXml(x, 't', limits))).toBe('OOXML.DTD_FORBIDDEN');
  });

  it('keeps values as strings: no number conversion, no trimming', () => {
    const root = parseXml('<c><v>87.2217</v><v>007</v><v>1e5</v><t xml:space="preserve">  甲 </t></c>', 't', limits);
    const texts = root.children.filter((c) => typeof c !== 'string').map((c) => textOf(c as never));
    expect(texts).toEqual(['87.2217', '007', '1e5', '  甲 ']);
  });

  it('decodes only the five XML entities and numeric references', () => {
    expect(decodeEntities('&amp;lt; &lt;&gt;&quot;&apos; &#x4E2D;&#25991; &nbsp; &#0; &#xD800;')).toBe('&lt; <>"\' 中文 &nbsp; \uFFFD \uFFFD');
    const root = parseXml('<a b="1 &amp; 2">&#x4E2D;&amp;&copy;</a>', 't', limits);
    expect(root.attrs.b).toBe('1 & 2');
    expect(textOf(root)).toBe('中&&copy;');
  });

  it('addresses elements by local name whatever the prefix, default namespace included', () => {
    for (const x of ['<w:document xmlns:w="u"><w:body><w:p/></w:body></w:document>', '<ns0:document xmlns:ns0="u"><ns0:body><ns0:p/></ns0:body></ns0:document>', '<document xmlns="u"><body><p/></body></document>']) {
      const root = parseXml(x, 't', limits);
      expect(root.name).toBe('document');
      expect(descendant(root, 'p')?.name).toBe('p');
    }
  });

  it('caps size and depth, and rejects garbage cleanly', () => {
    expect(code(() => parseXml('<a>' + 'x'.repeat(2000) + '</a>', 't', resolveLimits({ maxXmlChars: 1000 })))).toBe('OOXML.XML_TOO_LARGE');
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
    expect(code(() => parseXml(deep, 't', limits))).toBe('OOXML.XML_TOO_LARGE');
    expect(code(() => parseXml('', 't', limits))).toBe('OOXML.XML_INVALID');
    expect(['OOXML.XML_INVALID', 'no error']).toContain(code(() => parseXml('<a><b></a>', 't', limits)));
  });

  it('never touches Object.prototype, whatever the tag and attribute names', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).join();
    // Object.prototype's own machinery is refused outright as an element or attribute name: a clean error.
    for (const x of ['<__proto__><p/></__proto__>', '<a __proto__="x"/>', '<a constructor="y"/>', '<a><prototype polluted="1"/></a>']) {
      expect(code(() => parseXml(x, 't', limits))).toBe('OOXML.XML_INVALID');
    }
    const root = parseXml('<a xmlns:x="u" x:hasOwnProperty="1" toString="2"><valueOf/></a>', 't', limits);
    expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before);
    expect(Object.getPrototypeOf(root.attrs)).toBeNull();
    expect(root.attrs.hasOwnProperty).toBe('1');
  });

  it('refuses a declaration met while parsing, whatever its keyword, not only those the pre-scan knows', () => {
    for (const x of ['<a><![INCLUDE[x]]></a>', '<a><!X y></a>', '<a><!-x></a>']) expect(code(() => parseXml(x, 't', limits))).toBe('OOXML.DTD_FORBIDDEN');
  });

  it('refuses what Word would refuse: mismatched or unclosed tags, a second root, text outside it, unquoted attributes', () => {
    for (const x of ['<a><b></a>', '<a><b>', '<a></a', '<a/><b/>', 'x<a/>', '<a/>x', '<a/><![CDATA[x]]>', '<a b=1/>', '<a b/>', '<a><b/ ></a>', '<a>x</>y</a>', '<a>1 < 2</a>']) {
      expect(code(() => parseXml(x, 't', limits))).toBe('OOXML.XML_INVALID');
    }
    // htmlparser2 drops a close tag that names no open element before any handler sees it: kept, harmless.
    expect(parseXml('<a></b></a>', 't', limits).children).toEqual([]);
    expect(parseXml('<?xml version="1.0"?>\n<!-- c --><a/>\n', 't', limits).name).toBe('a');
  });

  it('keeps CDATA as written, skips comments and processing instructions, and normalises line ends as XML does', () => {
    const root = parseXml('<a><![CDATA[&amp;<x>]]>&amp;<!-- c --><?pi z?>\r\n|\r|&#13;</a>', 't', limits);
    expect(textOf(root)).toBe('&amp;<x>&\n|\n|\r');
  });

  it('decodes a million references in one part, each exactly as XML defines it', () => {
    expect(textOf(parseXml(`<t>${'&#x4E2D;'.repeat(1_000_000)}</t>`, 't', limits))).toBe('中'.repeat(1_000_000));
    const tricky = '&#X41;|&#x0000041;|&#x000041;|&#00000065;|&#1114111;|&#1114112;|&#xFFFFFF;|&amp|&AMP;|&#65|&&amp;|&#;';
    expect(decodeEntities(tricky)).toBe('&#X41;|&#x0000041;|A|&#00000065;|\u{10FFFF}|\uFFFD|\uFFFD|&amp|&AMP;|&#65|&&|&#;');
  });

  it('builds only what the caller reads: skipped subtrees and unread attributes, still checked', () => {
    const opts = { skip: new Set(['rPr']), attributes: new Set(['val']) };
    const root = parseXml('<w:r xmlns:w="u" w:rsidR="00A1"><w:rPr><w:b w:val="1"/></w:rPr><w:t w:val="v">甲</w:t></w:r>', 't', limits, opts);
    expect(Object.keys(root.attrs)).toEqual([]);
    expect(Object.getPrototypeOf(root.attrs)).toBeNull();
    expect(elements(root).map((e) => [e.name, { ...e.attrs }, textOf(e)])).toEqual([['t', { val: 'v' }, '甲']]);
    // Without options every attribute is kept, namespace declarations left out.
    expect({ ...parseXml('<w:r xmlns:w="u" xmlns="d" w:rsidR="00A1"/>', 't', limits).attrs }).toEqual({ rsidR: '00A1' });
    expect(code(() => parseXml('<a><rPr><b></rPr></a>', 't', limits, opts))).toBe('OOXML.XML_INVALID');
    expect(code(() => parseXml(`<a><rPr>${'<b>'.repeat(300)}${'</b>'.repeat(300)}</rPr></a>`, 't', limits, opts))).toBe('OOXML.XML_TOO_LARGE');
    expect(code(() => parseXml('<a><rPr><!X></rPr></a>', 't', limits, opts))).toBe('OOXML.DTD_FORBIDDEN');
  });
});
