import { describe, expect, it } from 'vitest';
import { addDays, bureauDate, daysLeft, daysLeftText, deadlineProblems, deadlineState } from './deadline';
import { applicableDue, hasReported, rosterState, rosterSummary, rosterTiming } from './roster';

const D = { selfEvalDue: '2026-06-15', financeReviewDue: '2026-07-15', publishBy: '2026-08-31' };

describe('deadline arithmetic', () => {
  it('counts days in the bureau’s time zone, not the server’s', () => {
    // 16:30 UTC on 14 June is 00:30 on 15 June in China: the due day has begun
    expect(bureauDate('2026-06-14T16:30:00Z')).toBe('2026-06-15');
    expect(daysLeft('2026-06-15', '2026-06-14T15:59:59Z')).toBe(1);
    expect(daysLeft('2026-06-15', '2026-06-14T16:00:00Z')).toBe(0);
    expect(daysLeft('2026-06-15', '2026-06-18T03:00:00Z')).toBe(-3);
    expect(daysLeftText(-3)).toBe('逾期 3 天');
    expect(daysLeftText(0)).toBe('今天截止');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(deadlineState(-1)).toBe('overdue');
    expect(deadlineState(7)).toBe('dueSoon');
    expect(deadlineState(8)).toBe('ok');
  });

  it('names missing, impossible and out-of-order dates in Chinese', () => {
    expect(deadlineProblems(D)).toEqual([]);
    expect(deadlineProblems({ ...D, financeReviewDue: '2026-02-30' })).toEqual(['财政审核截止日“2026-02-30”不是有效日期（格式 YYYY-MM-DD）']);
    expect(deadlineProblems({ selfEvalDue: '2026-06-15' })).toEqual(['请填写财政审核截止日', '请填写结果公开截止日']);
    expect(deadlineProblems({ ...D, publishBy: '2026-07-01' })).toEqual(['结果公开截止日（2026-07-01）不能早于财政审核截止日（2026-07-15）']);
  });
});

describe('roster states', () => {
  it('derives the board’s eight states from the report', () => {
    expect(rosterState(null)).toBe('not_started');
    expect(rosterState({ status: 'draft', version: 1, untouched: true })).toBe('not_started');
    expect(rosterState({ status: 'draft', version: 1, untouched: false })).toBe('filling');
    expect(rosterState({ status: 'draft', version: 4, untouched: false })).toBe('filling');
    for (const s of ['dept_review', 'submitted', 'finance_review', 'returned', 'accepted', 'published'] as const)
      expect(rosterState({ status: s, version: 3, untouched: false })).toBe(s);
  });

  it('measures each state against its own deadline; an extension moves only the department’s', () => {
    expect(applicableDue('filling', D, null)).toBe('2026-06-15');
    expect(applicableDue('returned', D, '2026-06-25')).toBe('2026-06-25');
    expect(applicableDue('finance_review', D, '2026-06-25')).toBe('2026-07-15');
    expect(applicableDue('accepted', D, null)).toBe('2026-08-31');
    expect(applicableDue('published', D, null)).toBeNull();
    const now = '2026-06-17T02:00:00Z';
    const late = rosterTiming({ departmentId: 'd1', report: null, extendedDue: null }, D, now);
    expect(late).toMatchObject({ state: 'not_started', due: '2026-06-15', daysLeft: -2, late: true, stage: 'department' });
    const extended = rosterTiming({ departmentId: 'd2', report: { status: 'draft', version: 2, untouched: false }, extendedDue: '2026-06-20' }, D, now);
    expect(extended).toMatchObject({ state: 'filling', daysLeft: 3, late: false });
    const withFinance = rosterTiming({ departmentId: 'd3', report: { status: 'submitted', version: 3, untouched: false }, extendedDue: null }, D, now);
    expect(withFinance).toMatchObject({ stage: 'finance', daysLeft: 28, late: false });
    expect(hasReported('submitted')).toBe(true);
    expect(hasReported('returned')).toBe(false);
    const sum = rosterSummary([late, extended, withFinance]);
    expect(sum.total).toBe(3);
    expect(sum.late).toBe(1);
    expect(sum.byState.find((s) => s.state === 'not_started')).toEqual({ state: 'not_started', label: '未开始', count: 1 });
  });
});
