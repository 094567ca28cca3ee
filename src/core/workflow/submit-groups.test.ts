import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { checkReport } from '../check';
import { approveBlocking, laterRole, submitBlocking, submitGroups, waiverReasonProblem } from './submit-groups';

describe('the preparer’s submit, grouped', () => {
  const findings = checkReport(seedReport()).findings;
  const errors = findings.filter((f) => f.severity === 'error');

  it('leaves the seed’s missing 组长 and head signatures to those roles, and the rest to the preparer', () => {
    const g = submitGroups(findings);
    expect(g.later.map((l) => [l.role, l.finding.code])).toEqual([['leader', 'SIGN.LEADER_UNSIGNED'], ['head', 'SIGN.DEPARTMENT_UNSIGNED']]);
    expect(g.now.length + g.later.length).toBe(errors.length);
    expect(g.now.every((f) => f.severity === 'error' && !f.path.startsWith('signoffs.'))).toBe(true);
    // the seed's many same-kind errors come in a handful of kinds: one reason each
    expect(new Set(g.now.map((f) => f.code)).size).toBeLessThanOrEqual(6);
  });

  it('does not block the submit on what later roles complete, and blocks the head’s approval on it', () => {
    const waivers = submitGroups(findings).now.map((f) => ({ code: f.code, path: f.path, reason: '原表格式所限' }));
    expect(submitBlocking(findings, waivers)).toEqual([]);
    expect(approveBlocking(findings, waivers).map((f) => f.code)).toEqual(['SIGN.LEADER_UNSIGNED', 'SIGN.DEPARTMENT_UNSIGNED']);
    // the preparer may still explain one at her submit (the 组长 is away): then it does not block approval
    const leader = errors.find((f) => f.code === 'SIGN.LEADER_UNSIGNED')!;
    expect(approveBlocking(findings, [...waivers, { code: leader.code, path: leader.path, reason: '组长出差，回来补签' }]).map((f) => f.code)).toEqual(['SIGN.DEPARTMENT_UNSIGNED']);
  });

  it('tells the block of each later role', () => {
    expect(laterRole({ path: 'signoffs.department.opinion' })).toBe('head');
    expect(laterRole({ path: 'signoffs.finance.signer' })).toBe('reviewer');
    expect(laterRole({ path: 'signoffs.leader.date' })).toBe('leader');
    expect(laterRole({ path: 'evaluators' })).toBeNull();
    expect(laterRole({ path: 'signoffs.departmentX' })).toBeNull();
  });

  it('asks a reason to say something', () => {
    expect(waiverReasonProblem('')).toBeNull();
    expect(waiverReasonProblem('x')).toMatch(/至少写 4 个字/);
    expect(waiverReasonProblem('无')).toMatch(/至少/);
    expect(waiverReasonProblem('xxxxxx')).toMatch(/文字说明/);
    expect(waiverReasonProblem('1234.')).toMatch(/文字说明/);
    expect(waiverReasonProblem('口径不同')).toBeNull();
    expect(waiverReasonProblem('source differs from budget')).toBeNull();
  });
});
