// The visible text of WordprocessingML content: what Word shows, not what the XML holds. Deleted
// revisions, field instructions, symbols and property blocks are left out; inserted revisions, field
// results, content controls and hyperlinks are kept; text boxes are collected separately so the caller
// can place them after the paragraph that anchors them.
import type { Budget } from './budget';
import { elements, type XmlElement } from './xml';

/** Complex-field state (w:fldChar begin/separate/end), which may span runs and paragraphs. */
export interface FieldState {
  /** One entry per open field: true while in its instruction part. */
  stack: boolean[];
}

export interface StoryContext {
  fields: FieldState;
  budget: Budget;
}

export interface ParagraphText {
  text: string;
  /** Paragraphs found in text boxes anchored in this paragraph, in order. */
  boxes: string[];
}

/** Elements whose whole subtree is never visible text. */
export const HIDDEN: ReadonlySet<string> = new Set([
  'pPr', 'rPr', 'sectPr', 'tblPr', 'trPr', 'tcPr', 'sdtPr', 'sdtEndPr', 'del', 'moveFrom', 'delText',
  'instrText', 'delInstrText', 'sym', 'rt', 'footnoteReference', 'endnoteReference', 'commentReference',
  'annotationRef', 'bookmarkStart', 'bookmarkEnd', 'proofErr', 'lastRenderedPageBreak', 'softHyphen',
]);

export function paragraphText(p: XmlElement, ctx: StoryContext): ParagraphText {
  const out: ParagraphText = { text: '', boxes: [] };
  walk(p, ctx, out);
  // An instruction left open at the end of a paragraph is malformed; stop hiding text after it.
  ctx.fields.stack = ctx.fields.stack.map(() => false);
  return out;
}

function walk(el: XmlElement, ctx: StoryContext, out: ParagraphText): void {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (HIDDEN.has(c.name)) continue;
    switch (c.name) {
      case 't':
        if (!inInstruction(ctx)) out.text += c.children.filter((x) => typeof x === 'string').join('');
        break;
      case 'tab':
      case 'ptab':
        if (!inInstruction(ctx)) out.text += '\t';
        break;
      case 'br':
      case 'cr':
        if (!inInstruction(ctx)) out.text += '\n';
        break;
      case 'noBreakHyphen':
        if (!inInstruction(ctx)) out.text += '-';
        break;
      case 'fldChar':
        fieldChar(c.attrs.fldCharType, ctx.fields);
        break;
      case 'AlternateContent':
        alternate(c, ctx, out);
        break;
      case 'drawing':
      case 'pict':
      case 'object':
        for (const box of findAll(c, 'txbxContent')) out.boxes.push(...storyLines(box, ctx));
        break;
      default:
        // Runs, hyperlinks, w:ins, w:moveTo, w:fldSimple (its runs are the result), w:sdt/w:sdtContent,
        // w:smartTag, w:customXml, w:ruby's base, w:dir/w:bdo: their text is visible.
        walk(c, ctx, out);
    }
  }
}

/** Word writes a DrawingML text box in mc:Choice and the same box as VML in mc:Fallback: read one. */
function alternate(el: XmlElement, ctx: StoryContext, out: ParagraphText): void {
  const pick = elements(el, 'Choice')[0] ?? elements(el, 'Fallback')[0];
  if (pick) walk(pick, ctx, out);
}

function fieldChar(type: string | undefined, f: FieldState): void {
  if (type === 'begin') f.stack.push(true);
  else if (type === 'separate' && f.stack.length) f.stack[f.stack.length - 1] = false;
  else if (type === 'end') f.stack.pop();
}

function inInstruction(ctx: StoryContext): boolean {
  return ctx.fields.stack.some((x) => x);
}

/** Text boxes nest anywhere under a drawing; collect each outermost txbxContent, honouring mc:Choice. */
function findAll(el: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) found.push(c);
    else if (c.name === 'AlternateContent') {
      const pick = elements(c, 'Choice')[0] ?? elements(c, 'Fallback')[0];
      if (pick) found.push(...findAll(pick, name));
    } else found.push(...findAll(c, name));
  }
  return found;
}

/**
 * The lines of a story that is not the body (a text box, a cell of a nested table): one per non-empty
 * paragraph, a nested table as one line per row with cells separated by tabs.
 */
export function storyLines(story: XmlElement, ctx: StoryContext): string[] {
  const lines: string[] = [];
  for (const c of story.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'p') {
      const t = paragraphText(c, ctx);
      if (t.text.trim() !== '') lines.push(t.text);
      lines.push(...t.boxes);
    } else if (c.name === 'tbl') {
      for (const row of tableRowsOf(c)) {
        lines.push(cellsOf(row).map((tc) => storyLines(tc, ctx).join(' ')).join('\t'));
      }
    } else if (c.name === 'sdt' || c.name === 'sdtContent' || c.name === 'customXml') {
      lines.push(...storyLines(c, ctx));
    }
  }
  return lines;
}

/** Rows of a table, looking through row-level content controls and custom XML wrappers. */
export function tableRowsOf(tbl: XmlElement): XmlElement[] {
  return unwrap(tbl, 'tr');
}

/** Cells of a row, looking through cell-level content controls and custom XML wrappers. */
export function cellsOf(tr: XmlElement): XmlElement[] {
  return unwrap(tr, 'tc');
}

function unwrap(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    else if (c.name === 'sdt' || c.name === 'sdtContent' || c.name === 'customXml') out.push(...unwrap(c, name));
  }
  return out;
}
