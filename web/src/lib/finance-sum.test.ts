import { describe, expect, it } from 'vitest';
import { columnSum, summaryMismatch, tableDecimals, withSummary } from './finance-sum';

const rows = (...vals: Array<string | null>) => [{ kind: 'summary', total: null }, ...vals.map((v, i) => ({ kind: i === 0 ? 'main' : 'sub', total: v }))];

describe('summary row arithmetic', () => {
  it('is exact in 分', () => {
    expect(columnSum(rows('0.1', '0.2'), 'total', 1)).toBe('0.3');
    expect(columnSum(rows('87.2217', '0'), 'total', 4)).toBe('87.2217');
    expect(columnSum(rows('0.000001', '999999999999.999999'), 'total', 6)).toBe('1000000000000.000000');
    expect(columnSum(rows(null, null), 'total', 2)).toBeNull();
  });

  it('uses the table decimals and recomputes only the asked columns', () => {
    const t = [{ kind: 'summary', total: '2.5285', other: '9' }, { kind: 'main', total: '1.2', other: '1' }];
    expect(tableDecimals(t, ['total', 'other'])).toBe(4);
    const s = withSummary(t, ['total', 'other'], ['total']);
    expect(s[0]).toEqual({ kind: 'summary', total: '1.2000', other: '9' });
    expect(summaryMismatch(t, 'other')).toEqual({ stored: '9', computed: '1' });
    expect(summaryMismatch(s, 'total')).toBeNull();
  });
});
