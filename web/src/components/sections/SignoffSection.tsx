// 四、评价人员 and the sign-off blocks: the evaluators table, each block of the form (评价组组长,
// 部门（单位）意见, 财政部门归口业务科室意见) with its opinion, signer and date, and the 填报人 fields.
import { Button } from 'antd';
import { memo, type ReactNode } from 'react';
import { field, type SectionDef, type SignoffBlock as BlockDef } from '../../../../src/core/forms/index';
import type { Report, Signoff } from '../../../../src/core/model/report';
import { useEditor } from '../editor/editor-context';
import { AreaField, DateField, Labeled, TextField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { Section, SubTitle } from './Section';
import { SIGNATURE_BLOCK } from '../../../../src/core/workflow/signature';
import type { SignatureRole } from '../../../../src/core/workflow/index';
import { SignHere, useSigningContext } from '../workflow/signing';

const ROLE_OF_BLOCK: Record<string, SignatureRole> = Object.fromEntries(Object.entries(SIGNATURE_BLOCK).map(([role, key]) => [key, role as SignatureRole]));

function SignoffBlock({ block, value }: { block: BlockDef; value: Signoff }) {
  const ctx = useEditor();
  const base = `signoffs.${block.key}`;
  const title = block.opinion ?? block.signer;
  // the name and date are written by signing (core/workflow/signature.ts), never typed
  const role = ROLE_OF_BLOCK[block.key];
  return (
    <PathField path={base} className="jx-signoff">
      <div className="jx-signoff-title">{title}</div>
      <AreaField path={`${base}.opinion`} value={value.opinion} ariaLabel={`${title}${block.fields.opinion}`} placeholder={`填写${block.fields.opinion}`} minRows={2} maxLength={ctx.form.limits.longText} />
      <div className="jx-signoff-line">
        <Labeled label={`${block.signer}${block.mark}`}>
          <TextField path={`${base}.signer`} value={value.signer} ariaLabel={`${title}${block.fields.signer}`} maxLength={ctx.form.limits.text} />
        </Labeled>
        <Labeled label={block.fields.date}>
          <DateField path={`${base}.date`} value={value.date} ariaLabel={`${title}${block.fields.date}`} />
        </Labeled>
        {role && <SignHere role={role} label={block.signer} />}
      </div>
    </PathField>
  );
}

/** The sign button in an evaluator's own 签字 cell (signing writes the cell of the row bearing the signer's name). */
function EvaluatorSign({ name, signed, label }: { name: string; signed: boolean; label: string }) {
  const signing = useSigningContext();
  if (!signing || signed || !name.trim() || name.trim() !== signing.me.trim() || !signing.offered.includes('evaluator')) return null;
  return (
    <Button size="small" type="link" aria-label={`在${label}栏签署`} onClick={() => signing.ask('evaluator')}>
      签署
    </Button>
  );
}

export const SignoffSection = memo(function SignoffSection({
  section,
  evaluators,
  signoffs,
  preparer,
  signatures,
}: {
  section: SectionDef;
  evaluators: Report['evaluators'];
  signoffs: Report['signoffs'];
  preparer: Report['preparer'];
  signatures?: ReactNode;
}) {
  const ctx = useEditor();
  const ev = ctx.form.people.evaluators;
  const editable = ctx.canEdit(ev.path);
  const blank = Object.fromEntries(ev.columns.map((c) => [c.key, '']));
  const full = evaluators.length >= (ev.maxItems ?? ctx.form.limits.evaluators);
  const name = field(ctx.form, 'preparer.name');
  const phone = field(ctx.form, 'preparer.phone');
  return (
    <Section id={`sec-${section.key}`} title={`${section.label}及签署`}>
      <PathField path={ev.path}>
        <SubTitle
          extra={
            editable && (
              <Button size="small" disabled={full} onClick={() => ctx.update(ev.path, (old) => [...((old as unknown[]) ?? []), { ...blank }])}>
                添加{ev.label}
              </Button>
            )
          }
        >
          {ev.label}
        </SubTitle>
        <table className="jx-ind jx-evaluators">
          <thead>
            <tr>
              {ev.columns.map((c) => (
                <th key={c.key}>{c.label}</th>
              ))}
              {editable && <th style={{ width: 54 }} aria-label="操作" />}
            </tr>
          </thead>
          <tbody>
            {evaluators.length === 0 && (
              <tr>
                <td colSpan={editable ? ev.columns.length + 1 : ev.columns.length} className="jx-empty-line">
                  尚未填写{ev.label}。
                </td>
              </tr>
            )}
            {evaluators.map((e, i) => (
              <tr key={i}>
                {ev.columns.map((c) => (
                  <td key={c.key}>
                    <TextField path={`${ev.path}[${i}].${c.key}`} value={e[c.key as keyof typeof e] ?? ''} cell ariaLabel={`${ev.label}${i + 1}${c.label}`} maxLength={ctx.form.limits.text} />
                    {c.key === 'signature' && <EvaluatorSign name={e.name} signed={!!e.signature} label={`${ev.label}${i + 1}${c.label}`} />}
                  </td>
                ))}
                {editable && (
                  <td className="jx-center">
                    <Button size="small" type="text" danger onClick={() => ctx.update(ev.path, (old) => (old as unknown[]).filter((_, j) => j !== i))}>
                      删除
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </PathField>
      <div className="jx-signoffs">
        {ctx.form.people.blocks.map((b) => (
          <SignoffBlock key={b.key} block={b} value={signoffs[b.key]} />
        ))}
      </div>
      <div className="jx-form-grid" style={{ marginTop: 12 }}>
        <Labeled label={`${name.label}${name.mark ?? ''}`}>
          <TextField path={name.path} value={preparer.name} ariaLabel={name.label} maxLength={ctx.form.limits.text} />
        </Labeled>
        <Labeled label={phone.label}>
          <TextField path={phone.path} value={preparer.phone} ariaLabel={phone.short ?? phone.label} maxLength={phone.maxLength} />
        </Labeled>
      </div>
      {signatures}
    </Section>
  );
});
