// The one way this folder reads XML: a stream of open / text / close events from htmlparser2's Parser in
// XML mode, made safe and strict here. No DTD is ever processed: every markup declaration (<!DOCTYPE,
// <!ENTITY, …) is refused, once by a scan before parsing and again when the tokenizer meets one. Only the
// five XML entities and numeric character references are decoded, by xml-entities.ts: htmlparser2's own
// decoder is switched off, so its tokenizer skips through text and attribute values to the next < or quote
// instead of stopping at every &, and the rules stay in one small function of ours. Nothing is converted
// to a number or trimmed. Names are local names, so w:p, ns0:p and a default-namespace p read alike.
//
// htmlparser2 recovers from broken markup the way a browser does; a file Word would refuse is refused here
// instead: a close tag that does not match, an element left open, a second root, text outside the root,
// a bare < in text, attributes without quotes. (One recovery is invisible to a handler and so is kept: a
// close tag naming no open element is skipped.)
import { Parser, type Handler } from 'htmlparser2';
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import { decodeEntities } from './xml-entities';

export { decodeEntities } from './xml-entities';

/** Attributes by local name; a null-prototype object, so hostile names cannot reach Object.prototype. */
export type XmlAttrs = Record<string, string>;

export interface XmlSink {
  /** An element starts, with its attributes (those asked for; never namespace declarations). */
  open(name: string, attrs: XmlAttrs): void;
  /** Character data inside the root, decoded; one run of text may come in several pieces. */
  text(s: string): void;
  close(name: string): void;
}

/** What a reader never looks at, so it is checked but never reported or built. */
export interface ScanOptions {
  /** Local names of elements skipped with everything inside them. */
  skip?: ReadonlySet<string>;
  /** Local names of the attributes reported; all of them when absent. */
  attributes?: ReadonlySet<string>;
}

/** Any markup declaration: OOXML never needs one, and each is how DTD-based attacks start. */
const DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;
/** Shared by every element without attributes; frozen, since readers only ever read attributes. */
const NO_ATTRS: XmlAttrs = Object.freeze(Object.create(null) as XmlAttrs);

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Distinct names remembered per part: enough for any real schema, bounded against a file of random names. */
const NAME_CACHE_SIZE = 4096;

/**
 * Reads one part and sends its events to `sink`; throws ImportError (DTD_FORBIDDEN, XML_TOO_LARGE,
 * XML_INVALID) on anything refused, possibly after some events were sent. `part` names the part in errors.
 */
export function scanXml(text: string, part: string, limits: OoxmlLimits, sink: XmlSink, options: ScanOptions = {}): void {
  if (text.length > limits.maxXmlChars) throw ooxmlError('OOXML.XML_TOO_LARGE', part);
  if (DECLARATION.test(text)) throw ooxmlError('OOXML.DTD_FORBIDDEN', part);
  // XML's end-of-line handling, before parsing (so &#13; still yields a carriage return).
  const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const events = new SafeEvents(src, part, limits.maxXmlDepth, sink, options);
  const parser = new Parser(events, {
    xmlMode: true,
    decodeEntities: false,
    lowerCaseTags: false,
    lowerCaseAttributeNames: false,
    recognizeCDATA: true,
    recognizeSelfClosing: true,
  });
  events.parser = parser;
  parser.write(src);
  // Everything is tokenized now; what htmlparser2 would close implicitly at the end was left open.
  if (events.depth !== 0) throw events.invalid('元素未闭合');
  parser.end();
  if (!events.sawRoot) throw events.invalid('为空');
}

/** htmlparser2 handler → XmlSink, with the refusals. */
class SafeEvents implements Partial<Handler> {
  parser: Parser | undefined;
  depth = 0;
  sawRoot = false;
  private inCdata = false;
  /** Depth inside a skipped element (1 at the element itself); 0 when reporting. */
  private skipping = 0;
  /** The element whose open tag is being read: its attributes arrive one by one after its name. */
  private pendingName: string | undefined;
  private pendingAttrs: XmlAttrs = NO_ATTRS;
  private readonly skip: ReadonlySet<string> | undefined;
  private readonly wanted: ReadonlySet<string> | undefined;
  /**
   * Qualified → local names. Each element and attribute name from the parser is a fresh string; the cached
   * one is the same string every time, so set lookups and attribute-map keys need no rehashing or
   * internalising (storing a fresh key into an attribute map costs about as much as tokenizing it).
   */
  private readonly names = new Map<string, string>();

  constructor(
    private readonly src: string,
    private readonly part: string,
    private readonly maxDepth: number,
    private readonly sink: XmlSink,
    options: ScanOptions,
  ) {
    this.skip = options.skip;
    this.wanted = options.attributes;
  }

  invalid(detail: string) {
    return ooxmlError('OOXML.XML_INVALID', `${this.part} ${detail}`);
  }

  onopentagname(qname: string): void {
    this.flush();
    if (++this.depth > this.maxDepth) throw ooxmlError('OOXML.XML_TOO_LARGE', `${this.part} 嵌套超过 ${this.maxDepth} 层`);
    if (this.depth === 1) {
      if (this.sawRoot) throw this.invalid('有多个根元素');
      this.sawRoot = true;
    }
    const name = this.local(qname);
    if (this.skipping > 0 || this.skip?.has(name)) this.skipping++;
    else this.pendingName = name;
    this.pendingAttrs = NO_ATTRS;
  }

  onattribute(qname: string, value: string, quote?: string | null): void {
    if (quote !== '"' && quote !== "'") throw this.invalid('属性值缺少引号');
    if (this.pendingName === undefined || qname === 'xmlns' || qname.startsWith('xmlns:')) return;
    const name = this.local(qname);
    if (this.wanted && !this.wanted.has(name)) return;
    if (this.pendingAttrs === NO_ATTRS) this.pendingAttrs = Object.create(null) as XmlAttrs;
    // Same local name twice (w:val and val): the last wins, as it always has here.
    this.pendingAttrs[name] = decodeEntities(value);
  }

  ontext(data: string): void {
    this.flush();
    if (this.depth === 0) {
      if (/\S/.test(data)) throw this.invalid('根元素之外有文字');
      return;
    }
    if (this.inCdata) {
      if (this.skipping === 0) this.sink.text(data);
      return;
    }
    // A bare < in text is htmlparser2 keeping markup it could not read (`</>`, `< b`) as text.
    if (data.includes('<')) throw this.invalid('文字中有未转义的 <');
    if (this.skipping === 0) this.sink.text(decodeEntities(data));
  }

  onclosetag(qname: string, isImplied: boolean): void {
    // htmlparser2 reports a self-closing tag as an implied close, and also the elements it closes itself
    // when a close tag skips them (<a><b></a>): only the former is well-formed.
    if (isImplied && !this.endsSelfClosing()) throw this.invalid(`元素 ${localName(qname).slice(0, 40)} 未正确闭合`);
    this.flush();
    this.depth--;
    if (this.skipping > 0) this.skipping--;
    else this.sink.close(this.local(qname));
  }

  oncdatastart(): void {
    this.flush();
    this.inCdata = true;
  }

  oncdataend(): void {
    this.inCdata = false;
  }

  onprocessinginstruction(name: string): void {
    // `<!…>` other than a comment or CDATA reaches here as "!NAME": a declaration, whatever its keyword.
    if (name.startsWith('!')) throw ooxmlError('OOXML.DTD_FORBIDDEN', this.part);
  }

  /** The last event ended with "/>" (the parser's endIndex is the index of its ">"). */
  private endsSelfClosing(): boolean {
    const end = this.parser!.endIndex;
    return this.src.charCodeAt(end) === 0x3e && this.src.charCodeAt(end - 1) === 0x2f;
  }

  private flush(): void {
    if (this.pendingName === undefined) return;
    const name = this.pendingName;
    this.pendingName = undefined;
    this.sink.open(name, this.pendingAttrs);
  }

  /** The local name, checked, from the cache when it can be. */
  private local(qname: string): string {
    let name = this.names.get(qname);
    if (name === undefined) {
      name = checkedName(localName(qname), this);
      if (this.names.size < NAME_CACHE_SIZE) this.names.set(qname, name);
    }
    return name;
  }
}

/**
 * Object.prototype's own machinery is never an OOXML name: refused outright as any element name and any
 * attribute name that could be stored, a second lock beside the null-prototype attribute maps. (toString,
 * valueOf and the like are harmless there and stay readable.)
 */
function checkedName(name: string, events: SafeEvents): string {
  if (name === '__proto__' || name === 'prototype' || name === 'constructor') throw events.invalid(`非法名称 ${name}`);
  return name;
}
