// DOCX → Doc: the body of the main document part in order, paragraphs and tables, each with its place.
// Tables keep Word's grid: a cell's first grid column and span come from w:gridBefore and w:gridSpan,
// and the continuation cells of a vertical merge stay in the row as empty `merged` cells, so the mapper
// can line columns up the way the printed table does.
import type { Block, Cell, Doc, Row } from '../import/doc';
import { createBudget } from './budget';
import { cellsOf, HIDDEN, paragraphText, storyLines, tableRowsOf, type StoryContext } from './docx-text';
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import { child, parseXml, type ScanOptions, type XmlElement } from './xml';
import type { ZipArchive } from './zip';

/**
 * What the body is parsed with: only what this file and docx-text read is built. Skipped: what docx-text
 * hides, less the row and cell properties read below for the grid, plus the table grid (run and paragraph
 * properties alone are most of a document's elements). Attributes: w:val (grid and merges) and
 * w:fldCharType; Word's w:rsid* and w14:paraId on every paragraph and run are never stored.
 */
const BODY: ScanOptions = {
  skip: new Set([...[...HIDDEN].filter((n) => n !== 'trPr' && n !== 'tcPr'), 'tblGrid']),
  attributes: new Set(['val', 'fldCharType']),
};

export function readDocx(zip: ZipArchive, mainPart: string, limits: OoxmlLimits): Doc {
  const root = parseXml(zip.readText(mainPart), mainPart, limits, BODY);
  const body = child(root, 'body');
  if (!body) throw ooxmlError('OOXML.MISSING_PART', `${mainPart} 缺少正文`);
  return { format: 'docx', blocks: readBody(body, limits) };
}

/** The blocks of a w:body (or any block container). */
function readBody(body: XmlElement, limits: OoxmlLimits): Block[] {
  const ctx: StoryContext = { fields: { stack: [] }, budget: createBudget(limits) };
  const blocks: Block[] = [];
  const counters = { paragraph: 0, table: 0 };
  walkBlocks(body, ctx, blocks, counters);
  return blocks;
}

function walkBlocks(el: XmlElement, ctx: StoryContext, blocks: Block[], n: { paragraph: number; table: number }): void {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'p') {
      // Numbered by position among the body's paragraphs, empty ones included, so "paragraph 12" is
      // the twelfth paragraph a person counts in Word even though empty ones are not emitted.
      const loc = { paragraph: ++n.paragraph };
      const { text, boxes } = paragraphText(c, ctx);
      if (text.trim() !== '') blocks.push({ type: 'paragraph', text: ctx.budget.text(text), loc });
      for (const box of boxes) blocks.push({ type: 'paragraph', text: ctx.budget.text(box), loc });
    } else if (c.name === 'tbl') {
      const table = ++n.table;
      blocks.push({ type: 'table', rows: readTable(c, table, ctx), loc: { table } });
    } else if (c.name === 'sdt' || c.name === 'sdtContent' || c.name === 'customXml') {
      walkBlocks(c, ctx, blocks, n);
    } else if (c.name === 'AlternateContent') {
      const pick = child(c, 'Choice') ?? child(c, 'Fallback');
      if (pick) walkBlocks(pick, ctx, blocks, n);
    }
  }
}

function readTable(tbl: XmlElement, table: number, ctx: StoryContext): Row[] {
  const rows: Row[] = [];
  tableRowsOf(tbl).forEach((tr, ri) => {
    const row = ri + 1;
    const cells: Cell[] = [];
    // Grid columns are 1-based, like every other place in a Loc.
    const trPr = child(tr, 'trPr');
    let col = 1 + intVal(trPr && child(trPr, 'gridBefore'), 0);
    cellsOf(tr).forEach((tc, ci) => {
      const props = child(tc, 'tcPr');
      const span = Math.max(1, intVal(props && child(props, 'gridSpan'), 1));
      const hMerge = props && child(props, 'hMerge');
      const prev = cells[cells.length - 1];
      // Legacy horizontal merge (Word 97, some converters): the continuation widens the previous cell.
      if (hMerge && hMerge.attrs.val !== 'restart' && prev) {
        prev.colSpan = (prev.colSpan ?? 1) + span;
        col += span;
        return;
      }
      ctx.budget.cell();
      const loc = { table, row, cell: ci + 1 };
      const vMerge = props && child(props, 'vMerge');
      if (vMerge && vMerge.attrs.val !== 'restart') {
        cells.push({ text: '', loc, colSpan: span, merged: true, col });
      } else {
        const text = ctx.budget.text(storyLines(tc, ctx).join('\n'));
        cells.push({ text, loc, colSpan: span, col });
      }
      col += span;
    });
    rows.push({ cells, loc: { table, row } });
  });
  return rows;
}

/** w:val of an element as a small non-negative integer; Word caps grids at 63 columns, we at 16,384. */
function intVal(el: XmlElement | undefined, fallback: number): number {
  if (!el) return fallback;
  const v = Number.parseInt(el.attrs.val ?? '', 10);
  return Number.isFinite(v) && v >= 0 ? Math.min(v, 16_384) : fallback;
}
