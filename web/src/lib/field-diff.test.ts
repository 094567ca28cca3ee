import { describe, expect, it } from 'vitest';
import { applyMerge, fieldDiff, mergeRows } from './field-diff';

describe('field-level merge', () => {
  const base = { overview: { contact: 'a', phone: '1' }, rows: [{ x: 1 }, { x: 2 }], sources: { 'p.q': { line: 1 } } };

  it('lists leaf differences, treats a resized list as one field and skips provenance', () => {
    const other = { overview: { contact: 'b', phone: '1' }, rows: [{ x: 1 }], sources: { 'p.q': { line: 9 } } };
    expect(fieldDiff(base, other).map((d) => d.path)).toEqual(['overview.contact', 'rows']);
  });

  it('preselects whoever changed a field and leaves a field both changed to the user', () => {
    const mine = { ...base, overview: { contact: 'mine', phone: '1' }, rows: [{ x: 1 }, { x: 3 }] };
    const theirs = { ...base, overview: { contact: 'a', phone: '2' }, rows: [{ x: 1 }, { x: 4 }] };
    const rows = mergeRows(base, mine, theirs);
    const by = Object.fromEntries(rows.map((r) => [r.path, r]));
    expect(by['overview.contact']!.suggested).toBe('mine');
    expect(by['overview.phone']!.suggested).toBe('theirs');
    expect(by['rows[1].x']!.conflict).toBe(true);
    const merged = applyMerge(theirs, mine, rows, { 'overview.contact': 'mine', 'overview.phone': 'theirs', 'rows[1].x': 'theirs' });
    expect(merged).toEqual({ ...base, overview: { contact: 'mine', phone: '2' }, rows: [{ x: 1 }, { x: 4 }] });
  });
});
