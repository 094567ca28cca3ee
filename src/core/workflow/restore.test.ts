import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { diffValues } from './diff';
import { restoredContent } from './restore';

describe('restoredContent (恢复旧版本)', () => {
  const old = seedReport();
  const current = structuredClone(old);
  current.overview.contact = '后来改的';
  current.finance.income.pop();
  current.signoffs.finance = { opinion: '财政已审：请补充指标依据', signer: '审核人', date: '2022-05-01' };
  current.cover.budgetCode = '999999';

  it("gives the department the old version's whole content but keeps the identity fields and the finance opinion", () => {
    const out = restoredContent(current, old, '*');
    const changed = diffValues(current, out).map((c) => c.path);
    expect(out.overview.contact).toBe(old.overview.contact);
    expect(out.finance.income).toEqual(old.finance.income);
    expect(out.signoffs.finance).toEqual(current.signoffs.finance);
    expect(out.cover.budgetCode).toBe('999999');
    expect(changed.some((p) => p.startsWith('signoffs.finance') || p === 'cover.budgetCode')).toBe(false);
    expect(changed.length).toBeGreaterThan(1);
  });

  it('under a narrow scope brings back only that block', () => {
    const withOpinion = structuredClone(old);
    withOpinion.signoffs.department = { opinion: '同意上报', signer: '', date: null };
    const out = restoredContent(current, withOpinion, ['signoffs.department']);
    expect(diffValues(current, out).map((c) => c.path)).toEqual(['signoffs.department.opinion']);
  });

  it('does not alter its inputs', () => {
    const before = JSON.stringify(current);
    restoredContent(current, old, '*');
    expect(JSON.stringify(current)).toBe(before);
  });
});
