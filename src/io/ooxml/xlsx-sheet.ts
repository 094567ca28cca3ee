// One worksheet part → its cells (sparse, by position) and merged ranges. The sheet is usually the largest
// part of a workbook, so it is read as a stream of XML events and no tree of its cells is built. Values are
// the strings in the file: cached formula results, shared/inline strings, numbers normalised by
// xlsx-number.ts; formula text is kept beside the value.
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import { normalizeNumber } from './xlsx-number';
import { applyFormat, type NumberFormat } from './xlsx-styles';
import { parseRange, parseRef, MAX_ROWS, type CellPos } from './xlsx-ref';
import { shiftFormula } from './xlsx-formula';
import { StringItemReader } from './xlsx-string-item';
import { scanXml, type ScanOptions, type XmlSink, type XmlAttrs } from './xml-scan';

export interface SheetCell {
  text: string;
  formula?: string;
}

export interface MergeRange {
  from: CellPos;
  to: CellPos;
}

export interface SheetData {
  /** row → column → cell; only cells with a value or a formula. */
  rows: Map<number, Map<number, SheetCell>>;
  merges: MergeRange[];
}

/** One <c> as read: its attributes, and the text of its first <v>, <f> and <is>. */
interface RawCell {
  attrs: XmlAttrs;
  pos: CellPos;
  v?: string;
  f?: { attrs: XmlAttrs; text: string };
  is?: string;
}

type SharedFormulas = Map<string, { text: string; at: CellPos }>;

/** The attributes read below (row/c r, c/f t, f si, mergeCell ref); styles and the rest are never stored. */
const SHEET: ScanOptions = { attributes: new Set(['r', 't', 's', 'si', 'ref']) };

export function readSheet(text: string, sst: readonly string[], part: string, limits: OoxmlLimits, styles: readonly NumberFormat[] = []): SheetData {
  const rows = new Map<number, Map<number, SheetCell>>();
  const merges: MergeRange[] = [];
  const shared: SharedFormulas = new Map();
  let cellCount = 0;
  let rowNo = 0;
  let colNo = 0;
  // Depths: <worksheet> 1, <sheetData> and <mergeCells> 2, <row> 3 (or 2, leniently, without <sheetData>).
  let depth = 0;
  let inSheetData = false;
  let inMergeCells = false;
  let rowDepth = 0; // of the open <row>; 0 when none
  let cell: RawCell | undefined; // the open <c>, at rowDepth + 1
  let collecting: 'v' | 'f' | undefined; // the open <v> or <f> directly in it
  const inline = new StringItemReader(); // its <is>

  /** An element inside the open <c>: only the first <v>, <f> and <is> directly in it count. */
  const openInCell = (c: RawCell, name: string, attrs: XmlAttrs) => {
    if (inline.reading) return inline.open(name, depth);
    if (depth !== rowDepth + 2) return;
    if (name === 'v' && c.v === undefined) {
      collecting = 'v';
      c.v = '';
    } else if (name === 'f' && c.f === undefined) {
      collecting = 'f';
      c.f = { attrs, text: '' };
    } else if (name === 'is' && c.is === undefined) inline.start(depth);
  };

  const openCell = (attrs: XmlAttrs): RawCell => {
    // r is optional in the schema: without it a cell follows its left neighbour.
    const pos = attrs.r ? parseRef(attrs.r) : { row: rowNo, col: colNo + 1 };
    if (!pos) throw ooxmlError('OOXML.SHEET_TOO_LARGE', `${part} 单元格引用 ${String(attrs.r).slice(0, 20)}`);
    colNo = pos.col;
    return { attrs, pos };
  };

  const closeCell = (c: RawCell) => {
    const value = readCell(c, sst, shared, part, styles);
    if (!value) return;
    if (++cellCount > limits.maxCells) throw ooxmlError('OOXML.SHEET_TOO_LARGE', `${part} 单元格过多`);
    let row = rows.get(c.pos.row);
    if (!row) rows.set(c.pos.row, (row = new Map()));
    row.set(c.pos.col, value);
  };

  const sink: XmlSink = {
    open(name, attrs) {
      depth++;
      if (cell) openInCell(cell, name, attrs);
      else if (rowDepth !== 0) {
        if (depth === rowDepth + 1 && name === 'c') cell = openCell(attrs);
      } else if (name === 'row' && (depth === 2 || (depth === 3 && inSheetData))) {
        // r is optional too: without it a row follows the previous one.
        rowNo = attrs.r ? intIn(attrs.r, MAX_ROWS, part) : rowNo + 1;
        colNo = 0;
        rowDepth = depth;
      } else if (depth === 2) {
        inSheetData = name === 'sheetData';
        inMergeCells = name === 'mergeCells';
      } else if (depth === 3 && inMergeCells && name === 'mergeCell') {
        const range = parseRange(attrs.ref ?? '');
        if (!range) return;
        if (merges.length >= limits.maxCells) throw ooxmlError('OOXML.SHEET_TOO_LARGE', `${part} 合并区域过多`);
        merges.push(range);
      }
    },
    text(s) {
      if (!cell) return;
      if (inline.reading) inline.text(s, depth);
      else if (collecting === 'v' && depth === rowDepth + 2) cell.v += s;
      else if (collecting === 'f' && depth === rowDepth + 2) cell.f!.text += s;
    },
    close() {
      if (cell) {
        if (inline.reading) {
          const s = inline.close(depth);
          if (s !== undefined) cell.is = s;
        } else if (depth === rowDepth + 2) collecting = undefined;
        else if (depth === rowDepth + 1) {
          closeCell(cell);
          cell = undefined;
        }
      } else if (depth === rowDepth) rowDepth = 0;
      else if (depth === 2) inSheetData = inMergeCells = false;
      depth--;
    },
  };
  scanXml(text, part, limits, sink, SHEET);
  return { rows, merges };
}

function readCell(c: RawCell, sst: readonly string[], shared: SharedFormulas, part: string, styles: readonly NumberFormat[]): SheetCell | undefined {
  const raw = c.v;
  let text = '';
  switch (c.attrs.t ?? 'n') {
    case 's': {
      if (raw === undefined) break;
      const i = Number(raw);
      if (!Number.isInteger(i) || i < 0 || i >= sst.length) throw ooxmlError('OOXML.CORRUPT', `${part} 共享字符串索引 ${raw.slice(0, 12)}`);
      text = sst[i]!;
      break;
    }
    case 'inlineStr':
      text = c.is ?? raw ?? '';
      break;
    case 'b':
      text = raw === undefined ? '' : raw.trim() === '1' ? 'TRUE' : 'FALSE';
      break;
    case 'n':
      text = raw === undefined ? '' : applyFormat(normalizeNumber(raw), c.attrs.s === undefined ? undefined : styles[Number(c.attrs.s)]);
      break;
    default: // str (formula string result), e (error like #DIV/0!), d (ISO date): the text as written
      text = raw ?? '';
  }
  const formula = formulaOf(c.f, c.pos, shared);
  if (text === '' && formula === undefined) return undefined;
  return formula === undefined ? { text } : { text, formula };
}

function formulaOf(f: RawCell['f'], pos: CellPos, shared: SharedFormulas): string | undefined {
  if (!f) return undefined;
  const { text } = f;
  if (f.attrs.t !== 'shared' || f.attrs.si === undefined) return text || undefined;
  if (text) {
    shared.set(f.attrs.si, { text, at: pos });
    return text;
  }
  const master = shared.get(f.attrs.si);
  return master ? shiftFormula(master.text, pos.row - master.at.row, pos.col - master.at.col) : undefined;
}

function intIn(s: string, max: number, part: string): number {
  const n = Number.parseInt(s, 10);
  if (!Number.isInteger(n) || n < 1 || n > max) throw ooxmlError('OOXML.SHEET_TOO_LARGE', `${part} 行号 ${s.slice(0, 12)}`);
  return n;
}
