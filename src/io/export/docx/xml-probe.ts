// Test helper: reads the parts of a DOCX the tests check (tables, merges, fonts, page setup) straight
// from word/document.xml. Regular expressions suffice because the writer is ours: no nested tables,
// no alternate content.
import { strFromU8, unzipSync } from 'fflate';

export interface XmlCell {
  text: string;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
}
export type XmlTable = XmlCell[][];

export function documentXml(docx: Uint8Array): string {
  return partXml(docx, 'word/document.xml');
}

export function partXml(docx: Uint8Array, name: string): string {
  const part = unzipSync(docx)[name];
  if (!part) throw new Error(`no ${name}`);
  return strFromU8(part);
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Paragraph texts joined with "\n", as the importer's Doc gives a cell's text. */
export function paragraphText(xml: string): string {
  const paras = xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
  return paras.map((p) => (p.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => unescape(t.replace(/<[^>]+>/g, ''))).join('')).join('\n');
}

export function tables(xml: string): XmlTable[] {
  return (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((tbl) =>
    (tbl.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((tr) =>
      (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) => {
        const span = /<w:gridSpan w:val="(\d+)"\/>/.exec(tc);
        const vm = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
        return {
          text: paragraphText(tc),
          gridSpan: span ? Number(span[1]) : 1,
          vMerge: vm ? (vm[1] === 'restart' ? 'restart' : 'continue') : null,
        };
      }),
    ),
  );
}

/** Grid column widths of each table, in twips. */
export function gridWidths(xml: string): number[][] {
  return (xml.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g) ?? []).map((g) =>
    [...g.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
  );
}

/** The paragraph style id of the first paragraph whose text is exactly `text`. */
export function styleOf(xml: string, text: string): string | null {
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    if (paragraphText(p) === text) return /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1] ?? null;
  }
  return null;
}

/** A paragraph style's definition in styles.xml. */
export function styleXml(styles: string, id: string): string | null {
  return new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? null;
}

/** The eastAsia font a paragraph with exactly this text is set in: its own run font, else its style's. */
export function eastAsiaFontOf(xml: string, styles: string, text: string): string | null {
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    if (paragraphText(p) !== text) continue;
    const own = /<w:r>[\s\S]*?w:eastAsia="([^"]+)"/.exec(p)?.[1];
    if (own) return own;
    const id = /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];
    return id ? (/w:eastAsia="([^"]+)"/.exec(styleXml(styles, id) ?? '')?.[1] ?? null) : null;
  }
  return null;
}

/** Body paragraphs outside tables, in order (cover lines, the 填报人 line). */
export function bodyParagraphs(xml: string): string[] {
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return paragraphText(body).split('\n');
}
