// One figure per finance-table column: the 汇总 row's cell, or the sum of the institution rows when
// that cell is blank. Kept apart from metrics.ts because the 基础数据表 inputs follow other rules.
import { decimalsOf, fenToWan, wanToFen } from '../money';
import type { InstitutionKind } from '../model/report';

export interface Figure {
  fen: number;
  /** as a person should see it: the cell as written, or the computed sum */
  text: string;
  /** the column was blank everywhere in a table that is otherwise filled in, read as 0 */
  blank: boolean;
}

type AnyRow = { kind: InstitutionKind; institution: string };

function hasAnyAmount(row: AnyRow): boolean {
  for (const key in row) {
    if (key === 'kind' || key === 'institution') continue;
    if ((row as unknown as Record<string, unknown>)[key] != null) return true;
  }
  return false;
}

/**
 * blankAsZero: for component columns (上年结转, 在用固定资产) a blank cell in a table that carries other
 * figures means "none"; for totals it means the figure is missing, so it stays missing.
 */
export function columnFigure<R extends AnyRow>(
  rows: readonly R[],
  key: keyof R & string,
  blankAsZero: boolean,
): Figure | null {
  for (const row of rows) {
    if (row.kind !== 'summary') continue;
    const v = row[key] as unknown as string | null;
    const fen = wanToFen(v);
    if (fen != null) return { fen, text: v as string, blank: false };
    break;
  }
  let sum = 0;
  let seen = 0;
  let decimals = 0;
  for (const row of rows) {
    if (row.kind === 'summary') continue;
    const v = row[key] as unknown as string | null;
    const fen = wanToFen(v);
    if (fen == null) continue;
    sum += fen;
    seen++;
    decimals = Math.max(decimals, decimalsOf(v));
  }
  if (seen > 0) return { fen: sum, text: fenToWan(sum, decimals), blank: false };
  if (blankAsZero && rows.some(hasAnyAmount)) return { fen: 0, text: '0', blank: true };
  return null;
}

/** A 基础数据表 amount: present as written, or missing. */
export function basicFigure(v: string | null | undefined): Figure | null {
  const fen = wanToFen(v);
  return fen == null ? null : { fen, text: v as string, blank: false };
}
