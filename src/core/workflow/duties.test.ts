import { describe, expect, it } from 'vitest';
import { checkDuty, checkRoleSet, missingSignature, type DutyContext } from './duties';

const ctx = (over: Partial<DutyContext> = {}): DutyContext => ({ actorId: 'u', actorInDepartment: false, history: [], signatures: [], ...over });

describe('separation of duties (pure rules)', () => {
  it('refuses role sets that let one person approve their own work', () => {
    expect(checkRoleSet('business', ['preparer', 'head']).ok).toBe(false);
    expect(checkRoleSet('business', ['leader', 'reviewer']).ok).toBe(false);
    expect(checkRoleSet('business', ['head', 'perf_admin']).ok).toBe(false);
    expect(checkRoleSet('auditor', ['reviewer']).ok).toBe(false);
    expect(checkRoleSet('business', ['preparer', 'evaluator', 'leader']).ok).toBe(true);
    expect(checkRoleSet('business', ['evaluator', 'leader', 'head']).ok).toBe(true);
    expect(checkRoleSet('business', ['reviewer', 'perf_admin']).ok).toBe(true);
  });

  it('judges each step by the report’s history', () => {
    const submitted = ctx({ history: [{ action: 'create', userId: 'p' }, { action: 'submit', userId: 'u' }] });
    expect(checkDuty({ action: 'approve' }, submitted).ok).toBe(false);
    expect(checkDuty({ sign: 'head' }, submitted).ok).toBe(false);
    expect(checkDuty({ action: 'approve' }, { ...submitted, actorId: 'h' }).ok).toBe(true);
    // a later submit by someone else is what counts
    expect(checkDuty({ action: 'approve' }, ctx({ history: [{ action: 'submit', userId: 'u' }, { action: 'return', userId: 'h' }, { action: 'submit', userId: 'p' }] })).ok).toBe(true);
    const dept = ctx({ history: [{ action: 'approve', userId: 'u' }] });
    for (const step of [{ action: 'review' }, { action: 'accept' }, { action: 'publish' }, { sign: 'reviewer' }] as const) expect(checkDuty(step, dept).ok).toBe(false);
    expect(checkDuty({ action: 'accept' }, ctx({ actorInDepartment: true })).ok).toBe(false);
    expect(checkDuty({ action: 'accept' }, ctx({ signatures: [{ role: 'leader', userId: 'u', valid: false, opinion: '' }] })).ok).toBe(false);
    expect(checkDuty({ action: 'publish' }, ctx({ history: [{ action: 'accept', userId: 'u' }] })).ok).toBe(false);
    expect(checkDuty({ action: 'publish' }, ctx({ history: [{ action: 'accept', userId: 'r' }] })).ok).toBe(true);
    expect(checkDuty({ action: 'return' }, dept).ok).toBe(true);
  });

  it('asks for the signatures a step needs on the current content', () => {
    const form = (opinion: string) => ({ signoffs: { finance: { opinion } } });
    const head = { role: 'head' as const, userId: 'h', valid: true, opinion: '' };
    expect(missingSignature('approve', [], form(''))).toContain('负责人');
    expect(missingSignature('approve', [{ ...head, valid: false }], form(''))).toContain('负责人');
    expect(missingSignature('approve', [head], form(''))).toBeNull();
    // the 组长 signed, then the content changed: approving waits for the 组长 to sign again
    const leader = { role: 'leader' as const, userId: 'l', valid: false, opinion: '' };
    expect(missingSignature('approve', [leader, head], form(''))).toBe('评价组组长的签名在签署后报告内容有修改，已失效：请重新签署后再审核通过');
    expect(missingSignature('approve', [leader, head, { ...leader, valid: true }], form(''))).toBeNull();
    const rev = { role: 'reviewer' as const, userId: 'r', valid: true, opinion: '' };
    expect(missingSignature('accept', [], form('同意'))).toContain('签署');
    expect(missingSignature('accept', [rev], form(''))).toContain('意见');
    expect(missingSignature('accept', [rev], form('同意'))).toBeNull();
    expect(missingSignature('accept', [{ ...rev, opinion: '同意' }], form(''))).toBeNull();
    expect(missingSignature('review', [], form(''))).toBeNull();
  });
});
