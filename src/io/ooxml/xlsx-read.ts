// XLSX → Doc, read with our own capped zip and XML layers (exceljs's unzip has no caps, so it never sees
// untrusted bytes). Each sheet becomes its name as a paragraph, then a table of its non-empty rows; a cell
// keeps its sheet position in loc ({sheet, ref: 'B7', row: 7, cell: 2}) and in col.
import type { Block, Cell, Doc, Row } from '../import/doc';
import { createBudget, type Budget } from './budget';
import { ooxmlError } from './errors';
import type { OoxmlLimits } from './limits';
import { readRels } from './opc';
import { readSharedStrings } from './xlsx-shared-strings';
import { readSheet, type MergeRange, type SheetData } from './xlsx-sheet';
import { readStyles } from './xlsx-styles';
import { refOf } from './xlsx-ref';
import { child, elements, parseXml } from './xml';
import type { ZipArchive } from './zip';

interface SheetRef {
  name: string;
  part: string;
}

export function readXlsx(zip: ZipArchive, mainPart: string, limits: OoxmlLimits): Doc {
  const root = parseXml(zip.readText(mainPart), mainPart, limits);
  const rels = readRels(zip, mainPart, limits);
  const dir = mainPart.slice(0, mainPart.lastIndexOf('/') + 1);
  const sheets: SheetRef[] = [];
  const sheetsEl = child(root, 'sheets');
  (sheetsEl ? elements(sheetsEl, 'sheet') : []).forEach((s, i) => {
    const rel = rels.find((r) => r.id === s.attrs.id);
    // Chart sheets and dialog sheets have no cells; external targets are never followed.
    if (rel && (rel.type !== 'worksheet' || rel.external)) return;
    const part = rel ? rel.target : `${dir}worksheets/sheet${i + 1}.xml`;
    if (zip.has(part)) sheets.push({ name: s.attrs.name ?? `Sheet${i + 1}`, part });
  });
  if (sheets.length === 0) throw ooxmlError('OOXML.MISSING_PART', '工作簿中没有工作表');

  const sstRel = rels.find((r) => r.type === 'sharedStrings' && !r.external);
  const sstPart = sstRel?.target ?? `${dir}sharedStrings.xml`;
  const sst = zip.has(sstPart) ? readSharedStrings(zip, sstPart, limits) : [];

  const stylesRel = rels.find((r) => r.type === 'styles' && !r.external);
  const styles = readStyles(zip, stylesRel?.target ?? `${dir}styles.xml`, limits);

  const budget = createBudget(limits);
  const blocks: Block[] = [];
  sheets.forEach((s, i) => {
    const data = readSheet(zip.readText(s.part), sst, s.part, limits, styles);
    blocks.push({ type: 'paragraph', text: budget.text(s.name), loc: { sheet: s.name } });
    blocks.push({ type: 'table', rows: sheetRows(data, s.name, budget, limits), loc: { sheet: s.name, table: i + 1 } });
  });
  return { format: 'xlsx', blocks };
}

/**
 * The rows that hold any text, each from the sheet's leftmost used column to its own last used column
 * (merged ranges included), so columns line up across rows as they do on screen. Inside a merged range
 * the top-left cell keeps the text and every other cell is an empty `merged` continuation.
 */
function sheetRows(data: SheetData, sheet: string, budget: Budget, limits: OoxmlLimits): Row[] {
  const used = [...data.rows.entries()]
    .filter(([, cols]) => [...cols.values()].some((c) => c.text !== ''))
    .map(([r]) => r)
    .sort((a, b) => a - b);
  if (used.length === 0) return [];
  let minCol = Infinity;
  for (const r of used) for (const [c, cell] of data.rows.get(r)!) if (cell.text !== '') minCol = Math.min(minCol, c);
  const mergesByRow = indexMerges(data.merges, used, limits);

  return used.map((r) => {
    const values = data.rows.get(r)!;
    const merges = (mergesByRow.get(r) ?? []).sort((a, b) => a.from.col - b.from.col);
    let last = 0;
    for (const [c, cell] of values) if (cell.text !== '') last = Math.max(last, c);
    for (const m of merges) last = Math.max(last, m.to.col);
    const cells: Cell[] = [];
    let k = 0;
    for (let col = minCol; col <= last; col++) {
      while (k < merges.length && merges[k]!.to.col < col) k++;
      const m = merges[k];
      const inside = m !== undefined && m.from.col <= col;
      const anchor = inside && m.from.row === r && m.from.col === col;
      budget.cell();
      const ref = refOf(r, col);
      const loc = { sheet, ref, row: r, cell: col };
      if (inside && !anchor) {
        cells.push({ text: '', loc, colSpan: 1, merged: true, col });
        continue;
      }
      const v = values.get(col);
      const cell: Cell = { text: budget.text(v?.text ?? ''), loc, colSpan: 1, col };
      if (v?.formula !== undefined) cell.formula = v.formula;
      cells.push(cell);
    }
    return { cells, loc: { sheet, row: r } };
  });
}

/** For each used row, the merged ranges crossing it; the pairs are counted so a few giant ranges cannot multiply. */
function indexMerges(merges: MergeRange[], usedRows: number[], limits: OoxmlLimits): Map<number, MergeRange[]> {
  const byRow = new Map<number, MergeRange[]>();
  let pairs = 0;
  for (const m of merges) {
    for (let i = lowerBound(usedRows, m.from.row); i < usedRows.length && usedRows[i]! <= m.to.row; i++) {
      if (++pairs > limits.maxCells) throw ooxmlError('OOXML.SHEET_TOO_LARGE', '合并区域过多');
      const r = usedRows[i]!;
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return byRow;
}

function lowerBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
