// Text → Doc. Three flattenings of a Word report are met in practice:
//  - tab: each table cell is a line starting with TAB, a blank line ends a row, continuation lines
//    without TAB belong to the cell above (the seed);
//  - pipe: cells separated by "|", a line of pipes ends a row, a lone "|" closes a cell (web copies);
//  - plain: one paragraph per line, tables lost (other web copies); a line with " | " or tabs in it
//    still becomes a one-row table.
import type { Block, Cell, Doc, Row } from '../doc';
import { needsClean } from './clean';

export type TextStyle = 'tab' | 'pipe' | 'plain';

export function detectStyle(lines: readonly string[]): TextStyle {
  let tab = 0;
  let pipe = 0;
  let nonBlank = 0;
  // The first 400 lines show the flattening; the narrative after them is prose in every style.
  for (let i = 0; i < lines.length && i < 400; i++) {
    const l = lines[i]!;
    if (l.length === 0 || l.trim() === '') continue;
    nonBlank++;
    if (l.charCodeAt(0) === 9) tab++;
    else if (l.includes('|')) pipe++;
  }
  if (tab >= 5 && tab >= pipe) return 'tab';
  if (pipe >= 8 && pipe >= nonBlank * 0.15) return 'pipe';
  return 'plain';
}

export function textToDoc(text: string): Doc {
  const lines = text.split('\n');
  const style = detectStyle(lines);
  const blocks = style === 'tab' ? tabBlocks(lines) : style === 'pipe' ? pipeBlocks(lines) : plainBlocks(lines);
  // Cells are substrings of the text: when it has nothing to clean, none of them has.
  return needsClean(text) ? { format: 'text', blocks } : { format: 'text', blocks, plainChars: true };
}

class TableBuilder {
  rows: Row[] = [];
  constructor(private readonly blocks: Block[]) {}
  addRow(cells: Cell[]): void {
    if (cells.length) this.rows.push({ cells, loc: { line: cells[0]!.loc.line } });
  }
  flush(): void {
    if (this.rows.length) this.blocks.push({ type: 'table', rows: this.rows, loc: { line: this.rows[0]!.loc.line } });
    this.rows = [];
  }
  paragraph(text: string, line: number): void {
    this.flush();
    this.blocks.push({ type: 'paragraph', text, loc: { line } });
  }
}

function tabBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  const t = new TableBuilder(blocks);
  // Plain loop state rather than closures: this runs for every line of every seed-like report.
  let row: Cell[] | null = null;
  // The open cell: its lines are cellFrom (TAB dropped) … cellTo - 1; -1 when none is open.
  let cellFrom = -1;
  let cellTo = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const isTab = line.charCodeAt(0) === 9;
    if (isTab || line.trim() === '') {
      if (cellFrom >= 0) row!.push(tabCell(lines, cellFrom, cellTo));
      cellFrom = -1;
      if (isTab) {
        row ??= [];
        cellFrom = i;
        cellTo = i + 1;
      } else {
        if (row) t.addRow(row);
        row = null;
      }
    } else if (cellFrom >= 0) {
      cellTo = i + 1;
    } else {
      t.paragraph(line.trim(), i + 1);
    }
  }
  if (cellFrom >= 0) row!.push(tabCell(lines, cellFrom, cellTo));
  if (row) t.addRow(row);
  t.flush();
  return blocks;
}

/** A TAB cell from its first line (TAB dropped) and the continuation lines up to `to`. */
function tabCell(lines: readonly string[], from: number, to: number): Cell {
  let text = lines[from]!.slice(1);
  for (let j = from + 1; j < to; j++) text += '\n' + lines[j]!;
  return { text: text.trim(), loc: { line: from + 1 } };
}

const ROW_SEPARATOR = /^\s*\|{2,}\s*$/;

function pipeBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  const t = new TableBuilder(blocks);
  let row: Cell[] = [];
  // Lines of the cell being read, each with its line number; a cell may span lines.
  let buf: { text: string; line: number }[] = [];
  const closeCell = () => {
    // Before the first table, text lines are cover paragraphs: only the last one is the cell.
    if (row.length === 0 && t.rows.length === 0 && buf.length > 1) {
      let last = buf.length - 1;
      while (last > 0 && !buf[last]!.text.trim()) last--;
      for (const b of buf.slice(0, last)) if (b.text.trim()) t.paragraph(b.text.trim(), b.line);
      buf = buf.slice(last);
    }
    const text = buf.map((b) => b.text).join('\n').trim();
    row.push({ text, loc: { line: buf.find((b) => b.text.trim())?.line ?? buf[0]?.line ?? 0 } });
    buf = [];
  };
  const closeRow = () => {
    if (buf.some((b) => b.text.trim())) closeCell();
    buf = [];
    t.addRow(row);
    row = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (ROW_SEPARATOR.test(line)) {
      closeRow();
      continue;
    }
    if (!line.includes('|')) {
      if (line.trim() !== '' || buf.length) buf.push({ text: line, line: i + 1 });
      continue;
    }
    const parts = line.split('|');
    for (let p = 0; p < parts.length - 1; p++) {
      buf.push({ text: parts[p]!, line: i + 1 });
      closeCell();
    }
    const rest = parts[parts.length - 1]!;
    if (rest.trim()) buf.push({ text: rest, line: i + 1 });
  }
  // What follows the last table is narrative text, one paragraph per line.
  closeRowOrParagraphs();
  t.flush();
  return blocks;

  function closeRowOrParagraphs() {
    if (row.length) {
      t.addRow(row);
      row = [];
    }
    t.flush();
    for (const b of buf) if (b.text.trim()) t.paragraph(b.text.trim(), b.line);
    buf = [];
  }
}

function plainBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    // A line of bare pipes is a cell or row boundary of a web copy too short to be read as one.
    if (!text || /^\|+$/.test(text)) continue;
    // A row kept on one line: cells separated by " | " (web copies) or by tabs (Word's 纯文本 of a table).
    const sep = text.includes('\t') ? '\t' : /\S\s*\|\s*\S/.test(text) || /^\S.*\|\s*$/.test(text) ? '|' : null;
    if (sep) {
      const cells = text
        .split(sep)
        .map((c) => c.trim())
        .map((c): Cell => ({ text: c, loc: { line: i + 1 } }));
      while (cells.length && cells[cells.length - 1]!.text === '') cells.pop();
      if (cells.length > 1) {
        blocks.push({ type: 'table', rows: [{ cells, loc: { line: i + 1 } }], loc: { line: i + 1 } });
        continue;
      }
    }
    blocks.push({ type: 'paragraph', text, loc: { line: i + 1 } });
  }
  return blocks;
}
