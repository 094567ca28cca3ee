import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import {
  ACTIONS,
  STATUSES,
  ROLES,
  STATUS_LABEL,
  ACTION_LABEL,
  availableActions,
  blockingFindings,
  checkSignature,
  checkTransition,
  type ReportStatus,
  type Role,
} from './index';
import { diffValues } from './diff';
import { editScope, outsideScope } from './edit';

describe('workflow state machine', () => {
  it('has a Chinese label for every status and action', () => {
    for (const s of STATUSES) expect(STATUS_LABEL[s]).toMatch(/\p{Script=Han}/u);
    for (const a of ACTIONS) expect(ACTION_LABEL[a]).toMatch(/\p{Script=Han}/u);
  });

  it('walks the happy path', () => {
    const path: Array<[ReportStatus, Role, (typeof ACTIONS)[number], ReportStatus]> = [
      ['draft', 'preparer', 'submit', 'dept_review'],
      ['dept_review', 'head', 'approve', 'submitted'],
      ['submitted', 'reviewer', 'review', 'finance_review'],
      ['finance_review', 'reviewer', 'accept', 'accepted'],
      ['accepted', 'perf_admin', 'publish', 'published'],
    ];
    for (const [from, role, action, to] of path) expect(checkTransition(from, action, [role])).toEqual({ ok: true, to, role });
  });

  it('separates a wrong role (403) from a wrong state (409)', () => {
    expect(checkTransition('draft', 'approve', ['preparer'])).toEqual({ ok: false, reason: 'role' });
    expect(checkTransition('draft', 'approve', ['head'])).toEqual({ ok: false, reason: 'state' });
    expect(checkTransition('draft', 'return', ['reviewer'])).toEqual({ ok: false, reason: 'state' });
    expect(checkTransition('dept_review', 'return', ['head'])).toMatchObject({ ok: true, to: 'returned' });
    expect(checkTransition('returned', 'submit', ['preparer'])).toMatchObject({ ok: true, to: 'dept_review' });
  });

  it('never reaches accepted without submitted, or published without accepted (random walks)', () => {
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let walk = 0; walk < 500; walk++) {
      let s: ReportStatus = 'draft';
      const seen = new Set<ReportStatus>([s]);
      for (let step = 0; step < 20; step++) {
        const role = ROLES[rnd(ROLES.length)]!;
        const action = ACTIONS[rnd(ACTIONS.length)]!;
        const r = checkTransition(s, action, [role]);
        if (!r.ok) continue;
        if (r.to === 'accepted') expect(seen.has('submitted')).toBe(true);
        if (r.to === 'published') expect(seen.has('accepted')).toBe(true);
        s = r.to;
        seen.add(s);
      }
    }
  });

  it('offers only the actions a role may take', () => {
    expect(availableActions('submitted', ['reviewer'])).toEqual(['return', 'review', 'accept']);
    expect(availableActions('draft', ['head'])).toEqual([]);
  });

  it('blocks on unwaived error findings only', () => {
    const f = (code: string, path: string, severity: Finding['severity'] = 'error'): Finding => ({
      code,
      rule: 'A1',
      severity,
      path,
      message: '测试',
    });
    const findings = [f('FIN.SUM', 'finance.income[0].total'), f('X', 'a', 'warning'), f('Q.1', 'overview.phone')];
    expect(blockingFindings(findings, []).map((x) => x.code)).toEqual(['FIN.SUM', 'Q.1']);
    expect(blockingFindings(findings, [{ code: 'FIN.SUM', path: 'finance.income[0].total', reason: '口径不同' }])).toHaveLength(1);
    expect(blockingFindings(findings, [{ code: 'FIN.SUM', path: 'finance.income[0].total', reason: '  ' }])).toHaveLength(2);
  });

  it('checks who signs when', () => {
    expect(checkSignature('dept_review', 'head', ['head'])).toEqual({ ok: true });
    expect(checkSignature('draft', 'head', ['head'])).toEqual({ ok: false, reason: 'state' });
    expect(checkSignature('draft', 'head', ['preparer'])).toEqual({ ok: false, reason: 'role' });
  });

  it('limits field-level writes by status and role', () => {
    expect(editScope('draft', ['preparer'])).toBe('*');
    expect(editScope('dept_review', ['preparer'])).toBeNull();
    const head = editScope('dept_review', ['head'])!;
    expect(outsideScope(head, ['signoffs.department.opinion'])).toEqual([]);
    expect(outsideScope(head, ['signoffs.department.opinion', 'finance.income[0].total'])).toEqual(['finance.income[0].total']);
    expect(outsideScope(editScope('finance_review', ['reviewer'])!, ['signoffs.finance.signer'])).toEqual([]);
    expect(editScope('accepted', ['reviewer', 'perf_admin'])).toBeNull();
  });
});


describe('field-level diff', () => {
  it('names each changed leaf by its report path', () => {
    const a = { cover: { title: 'A' }, finance: { income: [{ total: '1' }, { total: '2' }] }, sources: {} };
    const b = { cover: { title: 'B' }, finance: { income: [{ total: '1' }, { total: '3' }, { total: '4' }] }, sources: { 'x.y[0]': { line: 3 } } };
    expect(diffValues(a, b)).toEqual([
      { path: 'cover.title', before: 'A', after: 'B' },
      { path: 'finance.income[1].total', before: '2', after: '3' },
      { path: 'finance.income[2]', before: null, after: { total: '4' } },
      { path: 'sources["x.y[0]"]', before: null, after: { line: 3 } },
    ]);
    expect(diffValues(a, structuredClone(a))).toEqual([]);
  });
});
