// The mapper's working state: the Doc flattened to a token stream (each paragraph and each table cell one
// token, in reading order, with its row), the report being filled, provenance, and which tokens were used.
import type { Report, SourceRef } from '../../../core/model/report';
import { blankReport } from '../../../core/model/empty';
import type { Doc, ImportDiagnostic, Loc } from '../doc';
import { cleanChars } from '../text/clean';
import { splitFieldLine } from './field-line';
import { REGISTRY } from './labels';

const REGISTERED: ReadonlySet<RegExp> = new Set(REGISTRY);
const NUMBER = /^-?[\d,]*\.?\d+$/;
const NO_LABEL: Label = { norm: '', roles: [] };
import { type Label, label } from './classify';

export interface Token {
  index: number;
  text: string;
  /** normal form of the first line, for label matching */
  norm: string;
  /** the registered label patterns (labels.ts REGISTRY) the normal form matches */
  roles: readonly RegExp[];
  loc: Loc;
  /** table row id (unique across the doc), or -1 for a paragraph */
  row: number;
  /** cell index in its row, 0 for paragraphs */
  col: number;
  /** index of the Doc block (paragraph or table) it belongs to */
  block: number;
}

export class MapContext {
  readonly tokens: Token[] = [];
  readonly used: Uint8Array;
  readonly report: Report = blankReport();
  readonly diagnostics: ImportDiagnostic[] = [];
  /** rows: row id → token indexes */
  readonly rows = new Map<number, number[]>();
  /** registered label pattern → indexes of the tokens matching it, ascending */
  private readonly byRole = new Map<RegExp, number[]>();
  private block = 0;
  private readonly plainChars: boolean;

  constructor(readonly doc: Doc) {
    this.plainChars = doc.plainChars === true;
    // A report's hundreds of source paths would take an ordinary object through a hidden class per key
    // before V8 gives up and makes it a dictionary; a prototype-less object is a dictionary from the start
    // (same keys, same order, same JSON).
    this.report.sources = Object.create(null) as Report['sources'];
    // Plain loops, not forEach callbacks: this runs for every block, row and cell of every import.
    let rowId = 0;
    const blocks = doc.blocks;
    for (let block = 0; block < blocks.length; block++) {
      const b = blocks[block]!;
      this.block = block;
      if (b.type === 'paragraph') {
        const cells = splitFieldLine(b.text);
        if (!cells) {
          this.push(b.text, b.loc, -1, 0);
          continue;
        }
        const id = rowId++;
        const idx: number[] = [];
        for (let ci = 0; ci < cells.length; ci++) idx.push(this.push(cells[ci]!, b.loc, id, ci));
        this.rows.set(id, idx);
        continue;
      }
      for (const r of b.rows) {
        const id = rowId++;
        const idx: number[] = [];
        // A merged continuation cell has text "" and is pushed like any other cell.
        for (let ci = 0; ci < r.cells.length; ci++) idx.push(this.push(r.cells[ci]!.text, r.cells[ci]!.loc, id, ci));
        this.rows.set(id, idx);
      }
    }
    this.used = new Uint8Array(this.tokens.length);
  }

  private push(raw: string, loc: Loc, row: number, col: number): number {
    const index = this.tokens.length;
    const text = this.plainChars ? raw : cleanChars(raw);
    const nl = text.indexOf('\n');
    const first = nl < 0 ? text : text.slice(0, nl);
    // Labels broken across lines inside a cell ("年度主要\n工作内容") are matched on the whole cell when short.
    const head = text.length <= 40 ? text : first;
    // Empty cells and plain numbers are never labels: skip the lookup for them.
    const l = head === '' || NUMBER.test(head) ? NO_LABEL : label(head);
    this.tokens.push({ index, text, norm: l.norm, roles: l.roles, loc, row, col, block: this.block });
    for (const re of l.roles) {
      const list = this.byRole.get(re);
      if (list) list.push(index);
      else this.byRole.set(re, [index]);
    }
    return index;
  }

  use(i: number): void {
    if (i >= 0 && i < this.used.length) this.used[i] = 1;
  }

  isUsed(i: number): boolean {
    return this.used[i] === 1;
  }

  /** Cells of the row a token is in (or just the token for a paragraph). */
  rowOf(i: number): Token[] {
    const t = this.tokens[i]!;
    if (t.row < 0) return [t];
    return this.rows.get(t.row)!.map((j) => this.tokens[j]!);
  }

  /** Index of the next non-empty token after i (skipping empties), or -1. */
  nextNonEmpty(i: number, limit = this.tokens.length): number {
    for (let j = i + 1; j < limit; j++) if (this.tokens[j]!.text.trim() !== '') return j;
    return -1;
  }

  /** Index of the closest non-empty token before i, or -1. */
  nextNonEmptyBefore(i: number): number {
    for (let j = i - 1; j >= 0; j--) if (this.tokens[j]!.text.trim() !== '') return j;
    return -1;
  }

  /** Takes tokens out of every search and marks them used (derived content, not the report's). */
  exclude(indexes: readonly number[]): void {
    const out = new Set(indexes);
    for (const i of indexes) this.use(i);
    for (const [re, list] of this.byRole) this.byRole.set(re, list.filter((i) => !out.has(i)));
  }

  /** Whether token i matches a pattern; registered patterns are a lookup. */
  is(re: RegExp, i: number): boolean {
    const t = this.tokens[i]!;
    return t.roles.includes(re) || (!REGISTERED.has(re) && re.test(t.norm));
  }

  /** First token at or after `from` (and before `to`) whose normal form matches. */
  find(re: RegExp, from = 0, to = this.tokens.length): number {
    if (!REGISTERED.has(re)) {
      for (let i = from; i < to; i++) if (re.test(this.tokens[i]!.norm)) return i;
      return -1;
    }
    const list = this.byRole.get(re);
    if (!list) return -1;
    // binary search for the first index ≥ from
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    const i = list[lo];
    return i !== undefined && i < to ? i : -1;
  }

  source(path: string, loc: Loc | undefined): void {
    if (loc) this.report.sources[path] = loc as SourceRef;
  }

  diag(d: ImportDiagnostic): void {
    this.diagnostics.push(d);
  }
}
