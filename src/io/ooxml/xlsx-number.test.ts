import { describe, expect, it } from 'vitest';
import { normalizeNumber } from './xlsx-number';
import { shiftFormula } from './xlsx-formula';
import { columnLetters, parseRange, parseRef } from './xlsx-ref';

describe('normalizeNumber', () => {
  it('keeps what the file says when Excel would show the same', () => {
    for (const s of ['87.2217', '2.5285', '46.90', '0', '-1.89', '100', '0.0001', '123456789012345']) expect(normalizeNumber(s)).toBe(s);
  });
  it('rounds binary artefacts to the 15 significant digits Excel displays', () => {
    expect(normalizeNumber('0.30000000000000004')).toBe('0.3');
    expect(normalizeNumber('87.221699999999998')).toBe('87.2217');
    expect(normalizeNumber('1.0000000000000002')).toBe('1');
    expect(normalizeNumber('-85.329999999999998')).toBe('-85.33');
    expect(normalizeNumber('9.9999999999999999')).toBe('10');
    expect(normalizeNumber('0.99999999999999989')).toBe('1');
    expect(normalizeNumber('123456789012345678')).toBe('123456789012346000');
  });
  it('writes exponents out as Excel shows them', () => {
    expect(normalizeNumber('1E-3')).toBe('0.001');
    expect(normalizeNumber('8.7221699999999998E-2')).toBe('0.0872217');
    expect(normalizeNumber('1.5E+3')).toBe('1500');
    expect(normalizeNumber('1E+30')).toBe('1E+30');
    expect(normalizeNumber('2.5E-25')).toBe('2.5E-25');
  });
  it('leaves anything that is not a number alone', () => {
    for (const s of ['', 'abc', '1.2.3', '#N/A', '-', '.']) expect(normalizeNumber(s)).toBe(s);
  });
});

describe('A1 references and shared formulas', () => {
  it('parses references within Excel limits', () => {
    expect(parseRef('B7')).toEqual({ row: 7, col: 2 });
    expect(parseRef('$XFD$1048576')).toEqual({ row: 1048576, col: 16384 });
    expect(parseRef('XFE1')).toBeUndefined();
    expect(parseRef('A0')).toBeUndefined();
    expect(parseRange('C3:A1')).toEqual({ from: { row: 1, col: 1 }, to: { row: 3, col: 3 } });
    expect([1, 26, 27, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
  });
  it('moves relative references, keeps absolute ones, strings, sheet names and functions', () => {
    expect(shiftFormula('SUM(B2:B3)+$A$1+A$1+$A1', 2, 1)).toBe('SUM(C4:C5)+$A$1+B$1+$A3');
    expect(shiftFormula(`"B2"&'Q1 2020'!B2&LOG10(A1)`, 1, 0)).toBe(`"B2"&'Q1 2020'!B3&LOG10(A2)`);
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });
});
