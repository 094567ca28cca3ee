import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyReport } from '../model/report';
import { getTemplate, loadTemplate } from '../templates/index';
import { claimSheet, factScore } from './claims';
import { scoreReport } from './engine';

const ceshi = loadTemplate(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'templates', 'ceshi-overall.json'), 'utf8')));

describe('the team\'s 评分表', () => {
  it('adds the lines as the rules read their facts, and gives the total and grade once every line is in', () => {
    const r = emptyReport();
    r.scoreSheet = [
      { itemId: 'input.staff', score: 10, note: '' },
      { itemId: 'input.systems', score: null, note: '', checks: [true, true] },
      { itemId: 'process.compliance', score: null, note: '', violations: 5 },
    ];
    const open = claimSheet(r, ceshi);
    expect(open).toMatchObject({ claimed: 20, claimedWeight: 40, openWeight: 60, unknownWeight: 0, complete: false, total: null, grade: null });
    r.scoreSheet.push({ itemId: 'process.payment', score: null, note: '本年度无专项资金', notApplicable: true }, { itemId: 'outcome.goals', score: 38, note: '', level: '达成' });
    const done = claimSheet(r, ceshi);
    expect(done).toMatchObject({ claimed: 78, complete: true, total: 78, grade: '合格' });
    // the engine agrees line by line where it computes from the same facts
    const card = scoreReport(r, ceshi);
    expect(card.items.find((i) => i.id === 'input.systems')?.score).toBe(10);
    expect(card.items.find((i) => i.id === 'process.compliance')?.score).toBe(0);
    expect(card.items.find((i) => i.id === 'process.payment')).toMatchObject({ status: 'notApplicable', score: 20 });
  });

  it('never completes a sheet with template placeholders, and names claims of items the template lacks', () => {
    const r = emptyReport();
    r.scoreSheet = [{ itemId: 'no-such-item', score: 3, note: '' }];
    const s = claimSheet(r, getTemplate('yueyang-overall'));
    expect(s).toMatchObject({ complete: false, claimed: 0, unknownWeight: 64, openWeight: 36, foreign: [0] });
  });

  it('factScore: checks and violations give the line its score, 扣完为止', () => {
    const rule = { type: 'violationDeduct' as const, pointsPerViolation: 5 };
    expect(factScore(rule, 20, { itemId: 'x', score: null, note: '', violations: 3 })).toBe(5);
    expect(factScore(rule, 20, { itemId: 'x', score: null, note: '', violations: 9 })).toBe(0);
    expect(factScore({ type: 'checklist', items: [{ text: '甲', points: 1.5 }, { text: '乙', points: 1 }] }, 2.5, { itemId: 'x', score: null, note: '', checks: [true, false] })).toBe(1.5);
    expect(factScore({ type: 'manual' }, 10, { itemId: 'x', score: 7, note: '' })).toBeNull();
  });
});
