// A1 references: "B7" ⇄ row 7, column 2 (both 1-based), within Excel's own limits.

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface CellPos {
  row: number;
  col: number;
}

const REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses "B7" (or "$B$7"); undefined when malformed or outside the sheet. */
export function parseRef(ref: string): CellPos | undefined {
  const m = REF.exec(ref.trim());
  if (!m) return undefined;
  const col = columnNumber(m[1]!);
  const row = Number.parseInt(m[2]!, 10);
  return row >= 1 && row <= MAX_ROWS && col >= 1 && col <= MAX_COLS ? { row, col } : undefined;
}

/** Parses "A1:C3" (a single "B2" is a one-cell range), corners ordered. */
export function parseRange(range: string): { from: CellPos; to: CellPos } | undefined {
  const [a, b = a] = range.split(':');
  const p = a === undefined ? undefined : parseRef(a);
  const q = b === undefined ? undefined : parseRef(b);
  if (!p || !q) return undefined;
  return {
    from: { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col) },
    to: { row: Math.max(p.row, q.row), col: Math.max(p.col, q.col) },
  };
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function refOf(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}
