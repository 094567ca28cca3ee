import { describe, expect, it } from 'vitest';
import { formatPath, getAt, isWithin, normalizePath, parsePath, selfAndAncestors, setAt } from './paths';

describe('report paths', () => {
  it('reads the findings syntax and the diff syntax to the same tokens', () => {
    expect(parsePath('finance.threePublic[1].total')).toEqual(['finance', 'threePublic', 1, 'total']);
    expect(parsePath('["finance"]["threePublic"][1]["total"]')).toEqual(['finance', 'threePublic', 1, 'total']);
    expect(normalizePath('["overview"]["actualStaff"]')).toBe('overview.actualStaff');
    expect(formatPath(['sources', 'finance.income[0].total'])).toBe('sources["finance.income[0].total"]');
    expect(parsePath(formatPath(['sources', 'finance.income[0].total']))).toEqual(['sources', 'finance.income[0].total']);
  });

  it('walks up to the nearest ancestor and tells inside from beside', () => {
    expect(selfAndAncestors('performance.indicators[3].actual')).toEqual(['performance.indicators[3].actual', 'performance.indicators[3]', 'performance.indicators', 'performance']);
    expect(isWithin('signoffs.department.opinion', 'signoffs.department')).toBe(true);
    expect(isWithin('signoffs.departmentX', 'signoffs.department')).toBe(false);
    expect(isWithin('finance.income[0]', 'finance.income')).toBe(true);
  });

  it('sets a value by copying only the objects on the way', () => {
    const r = { a: { b: [{ c: 1 }, { c: 2 }] }, d: { e: 1 } };
    const n = setAt(r, 'a.b[1].c', 5);
    expect(getAt(n, 'a.b[1].c')).toBe(5);
    expect(getAt(r, 'a.b[1].c')).toBe(2);
    expect(n.d).toBe(r.d);
    expect(n.a.b[0]).toBe(r.a.b[0]);
  });
});
