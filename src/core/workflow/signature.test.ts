// Signing is the one way a name and a date get into a 签字栏: a save that types them is refused, a
// restore keeps today's marks, and an evaluator's mark follows the row's name.
import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { canWrite } from './edit';
import { restoredContent } from './restore';
import { judgeSave } from './save-rules';
import { isSignatureMark, keepSignatureMarks, signatureMarkChanges, withSignature } from './signature';

const seed = seedReport();

describe('signature marks are written by signing only', () => {
  it('refuses a save that types the 组长 name and date into the block, naming the cells', () => {
    const typed = structuredClone(seed);
    typed.signoffs.leader = { ...typed.signoffs.leader, signer: '王焱', date: '2022-03-01' };
    const v = judgeSave(seed, typed, '*');
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.code).toBe('FIELD_FORBIDDEN');
    expect(v.code === 'FIELD_FORBIDDEN' && v.paths).toEqual(['signoffs.leader.signer', 'signoffs.leader.date']);
    expect(v.message).toMatch(/只能由签署人本人点击该栏的「签署」写入/);
    expect(v.message).toMatch(/评价组组长/);
  });

  it('lets the head write 部门意见 but not the head’s own name', () => {
    const opinion = structuredClone(seed);
    opinion.signoffs.department.opinion = '同意上报。';
    expect(judgeSave(seed, opinion, ['signoffs.department']).ok).toBe(true);
    const named = structuredClone(opinion);
    named.signoffs.department.signer = '李部长';
    expect(judgeSave(seed, named, ['signoffs.department'])).toMatchObject({ ok: false, code: 'FIELD_FORBIDDEN', paths: ['signoffs.department.signer'] });
  });

  it('accepts any other edit of a signed report, the marks as signing wrote them', () => {
    const signed = withSignature(seed, 'leader', '赵组长', '2022-03-02T08:00:00Z');
    const edited = structuredClone(signed);
    edited.overview.contact = '新的联系人';
    expect(judgeSave(signed, edited, '*').ok).toBe(true);
    const erased = structuredClone(signed);
    erased.signoffs.leader.signer = '';
    expect(signatureMarkChanges(signed, erased)).toEqual(['signoffs.leader.signer']);
  });

  it("keeps an evaluator's 签字 with the name when rows move, and clears it when the name changes", () => {
    const two = structuredClone(seed);
    two.evaluators = [
      { name: '王焱', title: '科员', unit: '党群工作部', signature: '' },
      { name: '李明', title: '主任', unit: '党群工作部', signature: '' },
    ];
    const signed = withSignature(two, 'evaluator', '王焱', '2022-03-02T08:00:00Z');
    expect(signed.evaluators[0]!.signature).toBe('王焱');
    const swapped = structuredClone(signed);
    swapped.evaluators.reverse();
    expect(signatureMarkChanges(signed, swapped)).toEqual([]);
    const renamed = structuredClone(signed);
    renamed.evaluators[0]!.name = '王淼';
    expect(signatureMarkChanges(signed, renamed)).toEqual(['evaluators[0].signature']);
    expect(keepSignatureMarks(signed, renamed).evaluators[0]!.signature).toBe('');
    const forged = structuredClone(two);
    forged.evaluators[1]!.signature = '李明';
    expect(judgeSave(two, forged, '*')).toMatchObject({ ok: false, paths: ['evaluators[1].signature'] });
  });

  it('greys the marks out for every scope (the editor and the server read the same rule)', () => {
    for (const p of ['signoffs.leader.signer', 'signoffs.department.date', 'signoffs.finance.signer', 'evaluators[3].signature']) {
      expect(isSignatureMark(p)).toBe(true);
      expect(canWrite('*', p)).toBe(false);
    }
    expect(canWrite('*', 'signoffs.leader.opinion')).toBe(true);
    expect(canWrite('*', 'evaluators[0].name')).toBe(true);
    expect(canWrite(['signoffs.finance'], 'signoffs.finance.opinion')).toBe(true);
  });

  it('restores an old version without bringing back its signers', () => {
    const old = withSignature(seed, 'leader', '旧组长', '2022-03-01T08:00:00Z');
    const now = structuredClone(seed);
    now.overview.contact = '后来改的';
    const out = restoredContent(now, old, '*');
    expect(out.overview.contact).toBe(seed.overview.contact);
    expect(out.signoffs.leader).toEqual(now.signoffs.leader);
  });
});
