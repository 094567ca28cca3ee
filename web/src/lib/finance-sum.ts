// The 局机关及二级机构汇总 row, summed from the institution rows as the user types. Sums are exact:
// 万元 strings become integer 分 (core money.ts), are added as integers and printed back with the
// table's own decimals, so 0.1 + 0.2 is 0.3 and 87.2217 + 0 stays 87.2217.
import { decimalsOf, fenToWan, wanToFen } from '../../../src/core/money';

export type AmountRow = { kind: string } & Record<string, unknown>;

/** The decimals the table is written with: the most any of its amounts carries (at least those of the inputs). */
export function tableDecimals(rows: readonly AmountRow[], columns: readonly string[]): number {
  let d = 0;
  for (const r of rows) for (const c of columns) d = Math.max(d, decimalsOf(r[c] as string | null));
  return d;
}

/** Σ of one column over the institution rows, as a 万元 string; null when none of them is filled. */
export function columnSum(rows: readonly AmountRow[], column: string, decimals: number): string | null {
  let total = 0;
  let filled = 0;
  for (const r of rows) {
    if (r.kind === 'summary') continue;
    const fen = wanToFen(r[column] as string | null);
    if (fen == null) continue;
    total += fen;
    filled += 1;
  }
  return filled === 0 ? null : fenToWan(total, decimals);
}

/** The rows with the summary row's `columns` recomputed (all of the table's amount columns by default). */
export function withSummary<R extends AmountRow>(rows: readonly R[], amountColumns: readonly string[], columns: readonly string[] = amountColumns): R[] {
  const s = rows.findIndex((r) => r.kind === 'summary');
  if (s < 0) return rows.slice();
  const decimals = tableDecimals(rows, amountColumns);
  const summary = { ...rows[s]! } as Record<string, unknown>;
  for (const c of columns) summary[c] = columnSum(rows, c, decimals);
  const out = rows.slice();
  out[s] = summary as R;
  return out;
}

/** Whether the stored summary cell differs from the institution rows' sum (e.g. an imported inconsistency). */
export function summaryMismatch(rows: readonly AmountRow[], column: string): { stored: string | null; computed: string | null } | null {
  const s = rows.find((r) => r.kind === 'summary');
  if (!s || !rows.some((r) => r.kind !== 'summary')) return null;
  const stored = (s[column] as string | null) ?? null;
  const decimals = Math.max(decimalsOf(stored), tableDecimals(rows.filter((r) => r.kind !== 'summary'), [column]));
  const computed = columnSum(rows, column, decimals);
  const a = wanToFen(stored);
  const b = wanToFen(computed);
  return a === b ? null : { stored, computed };
}
