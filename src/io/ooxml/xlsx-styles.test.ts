// Cells read as Excel shows them: decimals of the number format, dates, percentages.
import { describe, expect, it } from 'vitest';
import { applyFormat, classifyFormat, roundDecimal, serialToDate } from './xlsx-styles';

describe('number formats', () => {
  it('classifies format codes', () => {
    expect(classifyFormat('#,##0.0000')).toEqual({ kind: 'fixed', decimals: 4 });
    expect(classifyFormat('0')).toEqual({ kind: 'fixed', decimals: 0 });
    expect(classifyFormat('0.0%')).toEqual({ kind: 'percent', decimals: 1 });
    expect(classifyFormat('yyyy"年"m"月"d"日"')).toEqual({ kind: 'date' });
    expect(classifyFormat('General')).toEqual({ kind: 'general' });
    expect(classifyFormat('@')).toEqual({ kind: 'general' });
    expect(classifyFormat('#,##0.00;[Red]-#,##0.00')).toEqual({ kind: 'fixed', decimals: 2 });
    expect(classifyFormat('"￥"#,##0.00')).toEqual({ kind: 'fixed', decimals: 2 });
  });
  it('rounds decimal strings half away from zero without floats', () => {
    expect(roundDecimal('46.9', 2)).toBe('46.90');
    expect(roundDecimal('87.2217', 4)).toBe('87.2217');
    expect(roundDecimal('1.8917', 2)).toBe('1.89');
    expect(roundDecimal('0.005', 2)).toBe('0.01');
    expect(roundDecimal('9.999', 2)).toBe('10.00');
    expect(roundDecimal('-0.004', 2)).toBe('0.00');
    expect(roundDecimal('-2.345', 2)).toBe('-2.35');
    expect(roundDecimal('12', 0)).toBe('12');
  });
  it('shows dates and percentages', () => {
    expect(serialToDate('44733')).toBe('2022-06-21');
    expect(applyFormat('44733', { kind: 'date' })).toBe('2022-06-21');
    expect(applyFormat('0.956', { kind: 'percent', decimals: 1 })).toBe('95.6%');
    expect(applyFormat('1', { kind: 'percent', decimals: 0 })).toBe('100%');
    expect(applyFormat('46.9', { kind: 'fixed', decimals: 2 })).toBe('46.90');
    expect(applyFormat('abc', { kind: 'fixed', decimals: 2 })).toBe('abc');
  });
});
