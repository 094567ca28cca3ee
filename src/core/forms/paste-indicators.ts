// A block pasted from Excel or WPS into the indicator grid (issue 11 §1), as paste.ts does for the finance
// tables: the cells land from the focused one on, in the columns the editor shows; 指标性质 is read as
// people write it (≥, >=, 不低于, 定性 …) and 指标值 / 完成值 keep their numeric part; rows beyond the grid
// become new indicators up to the form's limit; a header row copied along is skipped. Filled cells the
// paste changes are listed for a preview, and every cell that does not fit is named.
import type { Indicator } from '../model/report';
import { indicatorPatch, natureOf, readNature } from './indicator-values';
import type { PasteProblem } from './paste';

/** The grid's cells a preparer fills, by the indicator fields they write. */
export type IndicatorCell = 'level1' | 'level2' | 'name' | 'nature' | 'target' | 'unit' | 'actual' | 'reason';

export interface IndicatorPasteTarget {
  /** the editable columns in the order shown */
  columns: readonly IndicatorCell[];
  /** each column's heading (a pasted row that repeats them is the header, not an indicator) */
  labels: Readonly<Record<IndicatorCell, string>>;
  maxRows: number;
  /** a new row for a pasted line beyond the grid */
  blank(): Indicator;
}

export interface IndicatorPastePlan {
  rows: Indicator[];
  written: number;
  overwrites: Array<{ cell: string; from: string; to: string }>;
  added: number;
  problems: PasteProblem[];
  /** the pasted block began with the grid's header, which was skipped */
  header: boolean;
}

/** What a cell shows now. */
export function indicatorCellText(ind: Indicator, c: IndicatorCell): string {
  switch (c) {
    case 'nature':
      return natureOf(ind) ?? '';
    case 'reason':
      return ind.deviationReason;
    default:
      return ind[c];
  }
}

function written(c: IndicatorCell, value: string): Partial<Indicator> | null {
  switch (c) {
    case 'nature': {
      if (value === '') return indicatorPatch('nature', null);
      const n = readNature(value);
      if (n === null) return null;
      return n === '定量' ? { kind: '定量' } : indicatorPatch('nature', n);
    }
    case 'target':
    case 'actual':
      return indicatorPatch(c, value);
    case 'reason':
      return { deviationReason: value };
    default:
      return { [c]: value };
  }
}

/** Where `grid` lands when pasted at (`row`, `column` = index into target.columns). Pure: the caller previews and applies. */
export function planIndicatorPaste(rows: readonly Indicator[], target: IndicatorPasteTarget, at: { row: number; column: number }, grid: readonly string[][]): IndicatorPastePlan {
  const out = rows.map((r) => ({ ...r }));
  const problems: PasteProblem[] = [];
  const overwrites: IndicatorPastePlan['overwrites'] = [];
  const headings = new Set(target.columns.map((c) => target.labels[c]));
  const header = grid.length > 1 && grid[0]!.some((x) => x.trim()) && grid[0]!.every((x) => !x.trim() || headings.has(x.trim()));
  let count = 0;
  let added = 0;
  for (const [bi, cells] of grid.entries()) {
    if (header && bi === 0) continue;
    const ri = at.row + bi - (header ? 1 : 0);
    if (ri >= out.length) {
      if (cells.every((c) => c.trim() === '')) continue;
      if (out.length >= target.maxRows) {
        problems.push({ blockRow: bi + 1, blockColumn: 1, message: `绩效指标最多 ${target.maxRows} 项，粘贴内容第 ${bi + 1} 行起未粘贴` });
        break;
      }
      out.push(target.blank());
      added += 1;
    }
    const ind = out[ri]!;
    for (const [bj, raw] of cells.entries()) {
      const ci = at.column + bj;
      const place = { blockRow: bi + 1, blockColumn: bj + 1 };
      const value = raw.trim();
      if (ci >= target.columns.length) {
        if (value) problems.push({ ...place, message: `超出指标表的列（共 ${target.columns.length} 列），“${value}”未粘贴` });
        continue;
      }
      const c = target.columns[ci]!;
      const patch = written(c, value);
      const name = `第${ri + 1}项 ${target.labels[c]}`;
      if (!patch) {
        problems.push({ ...place, message: `${name}：“${value}”不是指标性质（可填 ≥、≤、=、>、<、定量或定性），未粘贴` });
        continue;
      }
      const before = indicatorCellText(ind, c);
      Object.assign(ind, patch);
      const after = indicatorCellText(ind, c);
      if (before === after) continue;
      if (before !== '' && ri < rows.length) overwrites.push({ cell: name, from: before, to: after || '（空）' });
      count += 1;
    }
  }
  return { rows: out, written: count, overwrites, added, problems, header };
}
