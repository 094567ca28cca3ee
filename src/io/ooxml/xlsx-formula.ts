// Shared formulas: Excel writes the text once (on the first cell of the range) and the other cells only
// point at it, meaning "the same formula, its relative references moved by my offset". This rebuilds the
// text for such a cell so every formula cell carries its own formula.
import { columnLetters, columnNumber, MAX_COLS, MAX_ROWS } from './xlsx-ref';

// String literals ("a""b") and quoted sheet names ('Q1 2020') pass through untouched.
const LITERAL = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
// A cell reference not part of a longer name, and not a function call (LOG10( is a function).
const CELL = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(])/g;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula
    .split(LITERAL)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(CELL, (m, cAbs: string, letters: string, rAbs: string, digits: string) => {
      const col = columnNumber(letters) + (cAbs ? 0 : dCol);
      const row = Number.parseInt(digits, 10) + (rAbs ? 0 : dRow);
      if (columnNumber(letters) > MAX_COLS) return m; // not a reference after all (a name like TAXES1)
      if (col < 1 || col > MAX_COLS || row < 1 || row > MAX_ROWS) return '#REF!';
      return `${cAbs}${columnLetters(col)}${rAbs}${row}`;
    })))
    .join('');
}
