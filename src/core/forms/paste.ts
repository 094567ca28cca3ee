// A block pasted from Excel or WPS into one of the form's finance tables (issue 11 §1). The clipboard holds
// tab-separated cells and newline-separated rows (a cell with a tab, a newline or a quote comes quoted).
// The block lands from the focused cell on: amounts read as people write them (thousands separators,
// full-width digits, "万元"; a cell written in 元 is moved four places to 万元), the 汇总 row is skipped (it
// is summed), rows beyond the table become new 二级机构 rows up to the form's limit. Every cell that does
// not fit is named — where in the pasted block, and where in the table — and nothing else is lost.
import { readAmount, yuanToWan } from '../money';

/** Rows of cells as Excel/WPS put them on the clipboard ("a\tb\r\nc\td\r\n", quoted cells with "" for "). */
export function parseGrid(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i += 1;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** True when the text is a block (more than one cell), not a value typed or pasted into one cell. */
export function isBlock(text: string): boolean {
  const g = parseGrid(text);
  return g.length > 1 || (g[0]?.length ?? 0) > 1;
}

export type PastedAmount = { kind: 'blank' } | { kind: 'amount'; value: string } | { kind: 'invalid' };

/** One pasted cell of a 万元 column: "1,234.56", "１２.５", "87.2217万元", "872,217.00元" (→ 87.2217), "-" (blank). */
export function readPastedAmount(raw: string): PastedAmount {
  const t = raw.trim();
  if (/(?<!万)元$/.test(t)) {
    const wan = yuanToWan(t.normalize('NFKC').replace(/元$/, ''));
    return wan == null ? { kind: 'invalid' } : { kind: 'amount', value: wan };
  }
  const p = readAmount(t);
  return p.kind === 'invalid' ? { kind: 'invalid' } : p;
}

export interface PasteRow {
  kind: string;
  institution: string;
  [column: string]: unknown;
}

export interface PasteTarget {
  /** the table's amount columns, in the order they are shown */
  columns: readonly string[];
  /** a cell's name in the form's words ("局机关 · 财政拨款") */
  cellName(row: PasteRow | undefined, column: string): string;
  /** the most rows the table takes, and the label a new row is given ("二级机构" → 二级机构3) */
  maxRows: number;
  subLabel: string;
}

export interface PasteProblem {
  /** 1-based place in the pasted block */
  blockRow: number;
  blockColumn: number;
  message: string;
}

export interface PastePlan {
  rows: PasteRow[];
  /** amount columns written (the summary row sums these again) */
  touched: string[];
  written: number;
  /** filled cells whose value the paste changes: the preview asks before these are overwritten */
  overwrites: Array<{ cell: string; from: string; to: string }>;
  added: number;
  problems: PasteProblem[];
}

/**
 * Where `grid` lands when pasted at (`row`, `column`), `column` counting the name column as 0 and the
 * amount columns from 1. A pure plan: the caller previews it and applies `rows`.
 */
export function planPaste(rows: readonly PasteRow[], target: PasteTarget, at: { row: number; column: number }, grid: readonly string[][]): PastePlan {
  const out = rows.map((r) => ({ ...r }));
  const touched = new Set<string>();
  const problems: PasteProblem[] = [];
  const overwrites: PastePlan['overwrites'] = [];
  let written = 0;
  let added = 0;
  const width = target.columns.length + 1;
  const subs = () => out.filter((r) => r.kind === 'sub').length;

  for (const [bi, cells] of grid.entries()) {
    const ri = at.row + bi;
    if (ri >= out.length) {
      if (cells.every((c) => c.trim() === '')) continue;
      if (out.length >= target.maxRows) {
        problems.push({ blockRow: bi + 1, blockColumn: 1, message: `本表最多 ${target.maxRows} 行，粘贴内容第 ${bi + 1} 行起未粘贴` });
        break;
      }
      const blank: PasteRow = { kind: 'sub', institution: `${target.subLabel}${subs() + 1}` };
      for (const c of target.columns) blank[c] = null;
      out.push(blank);
      added += 1;
    }
    const r = out[ri]!;
    for (const [bj, raw] of cells.entries()) {
      const ci = at.column + bj;
      const place = { blockRow: bi + 1, blockColumn: bj + 1 };
      if (ci >= width) {
        if (raw.trim() !== '') problems.push({ ...place, message: `超出本表的列（共 ${target.columns.length} 列金额），“${raw.trim()}”未粘贴` });
        continue;
      }
      if (ci === 0) {
        const name = raw.trim();
        // the 汇总 and 局机关 rows keep the form's names; a 二级机构 takes the pasted one
        if (r.kind === 'sub' && name !== '' && name !== r.institution) {
          r.institution = name;
          written += 1;
        }
        continue;
      }
      const column = target.columns[ci - 1]!;
      if (r.kind === 'summary') continue; // summed from the rows below, never typed
      const p = readPastedAmount(raw);
      if (p.kind === 'invalid') {
        problems.push({ ...place, message: `${target.cellName(r, column)}：“${raw.trim()}”不是金额，未粘贴` });
        continue;
      }
      const value = p.kind === 'blank' ? null : p.value;
      const old = (r[column] as string | null | undefined) ?? null;
      if (value === old) continue;
      if (old != null) overwrites.push({ cell: target.cellName(r, column), from: old, to: value ?? '（空）' });
      r[column] = value;
      touched.add(column);
      written += 1;
    }
  }
  return { rows: out, touched: [...touched], written, overwrites, added, problems };
}

/** The rows as a block for the clipboard: the name column and the amounts, as Excel reads them back. */
export function gridText(rows: readonly PasteRow[], columns: readonly string[], header?: readonly string[]): string {
  const quote = (s: string) => (/[\t\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = rows.map((r) => [r.institution, ...columns.map((c) => (r[c] as string | null) ?? '')].map(quote).join('\t'));
  return [...(header ? [header.map(quote).join('\t')] : []), ...lines].join('\r\n');
}
