// diffValues walks a whole report on every save: the cases its fast paths (shared subtrees, objects of
// one shape, paths built only for changes) must not change.
import { describe, expect, it } from 'vitest';
import { diffValues } from './diff';

describe('diffValues', () => {
  it('reports changes in sorted key order, whatever order either object lists its keys in', () => {
    expect(diffValues({ b: 1, a: 2 }, { a: 3, b: 4 }).map((c) => c.path)).toEqual(['a', 'b']);
    expect(diffValues({ a: 2, b: 1 }, { b: 4, a: 3, c: 5 }).map((c) => c.path)).toEqual(['a', 'b', 'c']);
    expect(diffValues({ z: 1, y: 2 }, { z: 1, y: 3 }).map((c) => c.path)).toEqual(['y']);
  });

  it('names elements, odd keys and a prefix exactly as finding paths do', () => {
    expect(diffValues({ 'a b': [1, { '0': 2 }] }, { 'a b': [1, { '0': 3 }, 4] })).toEqual([
      { path: '["a b"][1]["0"]', before: 2, after: 3 },
      { path: '["a b"][2]', before: null, after: 4 },
    ]);
    expect(diffValues([1, 2, 3], [1], 'finance.income')).toEqual([
      { path: 'finance.income[1]', before: 2, after: null },
      { path: 'finance.income[2]', before: 3, after: null },
    ]);
  });

  it('tells added, removed and nulled keys apart only by before/after, and ignores equal values', () => {
    expect(diffValues({ a: null }, {})).toEqual([{ path: 'a', before: null, after: null }]);
    expect(diffValues({}, { a: 1 })).toEqual([{ path: 'a', before: null, after: 1 }]);
    expect(diffValues({ a: { b: [1] } }, { a: { b: [1] } })).toEqual([]);
    expect(diffValues({ a: 0, b: NaN }, { a: -0, b: NaN })).toEqual([]);
    const shared = { deep: { x: [1, 2] } };
    expect(diffValues({ s: shared, t: 1 }, { s: shared, t: 2 })).toEqual([{ path: 't', before: 1, after: 2 }]);
  });
});
