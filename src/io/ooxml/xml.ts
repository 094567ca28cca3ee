// A light tree over the safe event stream of xml-scan.ts, for parts read by structure (the DOCX body, the
// package's relationships and content types, the workbook). Elements are addressed by local name. What a
// reader never looks at (whole subtrees, attributes) can be left out while parsing: still checked, never built.
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import { scanXml, type ScanOptions, type XmlAttrs } from './xml-scan';

export { decodeEntities, localName, type ScanOptions, type XmlAttrs } from './xml-scan';

export interface XmlElement {
  /** Local name, the namespace prefix dropped. */
  name: string;
  /** Attributes by local name; a null-prototype object, so hostile names cannot reach Object.prototype. */
  attrs: XmlAttrs;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/**
 * Parses one part and returns its root element. `part` names the part in error messages; `options` leave
 * out of the tree what the caller never reads (skipped elements, unread attributes).
 */
export function parseXml(text: string, part: string, limits: OoxmlLimits, options: ScanOptions = {}): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let top: XmlElement | undefined;
  scanXml(
    text,
    part,
    limits,
    {
      open(name, attrs) {
        const el: XmlElement = { name, attrs, children: [] };
        if (top) {
          top.children.push(el);
          stack.push(top);
        } else root = el;
        top = el;
      },
      text(s) {
        top!.children.push(s);
      },
      close() {
        top = stack.pop();
      },
    },
    options,
  );
  if (!root) throw ooxmlError('OOXML.XML_INVALID', `${part} 为空`);
  return root;
}

// ---- navigation helpers (by local name) ----

export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** The first element of that name anywhere below, depth first. */
export function descendant(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) return c;
    const d = descendant(c, name);
    if (d) return d;
  }
  return undefined;
}

/** Concatenated character data directly inside the element. */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  return s;
}
