// 四、评价人员 and the sign-off blocks: 评价组组长, 部门（单位）意见, 财政部门归口业务科室意见, and 填报人.
import { Button } from 'antd';
import { memo, type ReactNode } from 'react';
import { SECTION_LABELS } from '../../../../src/core/model/layout';
import type { Report, Signoff } from '../../../../src/core/model/report';
import { useEditor } from '../editor/editor-context';
import { AreaField, DateField, Labeled, TextField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { Section, SubTitle } from './Section';

const BLOCKS: Array<{ key: keyof Report['signoffs']; title: string; signer: string; opinion: boolean }> = [
  { key: 'leader', title: '评价组组长', signer: '评价组组长（签字）', opinion: true },
  { key: 'department', title: '部门（单位）意见', signer: '部门（单位）负责人（签章）', opinion: true },
  { key: 'finance', title: '财政部门归口业务科室意见', signer: '财政部门归口业务科室负责人（签章）', opinion: true },
];

function SignoffBlock({ k, title, signer, value }: { k: string; title: string; signer: string; value: Signoff }) {
  const base = `signoffs.${k}`;
  return (
    <PathField path={base} className="jx-signoff">
      <div className="jx-signoff-title">{title}</div>
      <AreaField path={`${base}.opinion`} value={value.opinion} ariaLabel={`${title}意见`} placeholder="填写意见" minRows={2} />
      <div className="jx-signoff-line">
        <Labeled label={signer}>
          <TextField path={`${base}.signer`} value={value.signer} ariaLabel={`${title}签字`} />
        </Labeled>
        <Labeled label="日期">
          <DateField path={`${base}.date`} value={value.date} ariaLabel={`${title}日期`} />
        </Labeled>
      </div>
    </PathField>
  );
}

export const SignoffSection = memo(function SignoffSection({
  evaluators,
  signoffs,
  preparer,
  signatures,
}: {
  evaluators: Report['evaluators'];
  signoffs: Report['signoffs'];
  preparer: Report['preparer'];
  signatures?: ReactNode;
}) {
  const ctx = useEditor();
  const editable = ctx.canEdit('evaluators');
  return (
    <Section id="sec-signoffs" title={`${SECTION_LABELS.evaluators}及签署`}>
      <PathField path="evaluators">
        <SubTitle
          extra={
            editable && (
              <Button size="small" onClick={() => ctx.update('evaluators', (old) => [...((old as unknown[]) ?? []), { name: '', title: '', unit: '', signature: '' }])}>
                添加评价人员
              </Button>
            )
          }
        >
          评价人员
        </SubTitle>
        <table className="jx-ind jx-evaluators">
          <thead>
            <tr>
              <th>姓名</th>
              <th>职务/职称</th>
              <th>单位</th>
              <th>签字</th>
              {editable && <th style={{ width: 54 }} aria-label="操作" />}
            </tr>
          </thead>
          <tbody>
            {evaluators.length === 0 && (
              <tr>
                <td colSpan={editable ? 5 : 4} className="jx-empty-line">
                  尚未填写评价人员。
                </td>
              </tr>
            )}
            {evaluators.map((e, i) => (
              <tr key={i}>
                <td>
                  <TextField path={`evaluators[${i}].name`} value={e.name} cell ariaLabel={`评价人员${i + 1}姓名`} />
                </td>
                <td>
                  <TextField path={`evaluators[${i}].title`} value={e.title} cell ariaLabel={`评价人员${i + 1}职务`} />
                </td>
                <td>
                  <TextField path={`evaluators[${i}].unit`} value={e.unit} cell ariaLabel={`评价人员${i + 1}单位`} />
                </td>
                <td>
                  <TextField path={`evaluators[${i}].signature`} value={e.signature} cell ariaLabel={`评价人员${i + 1}签字`} />
                </td>
                {editable && (
                  <td className="jx-center">
                    <Button size="small" type="text" danger onClick={() => ctx.update('evaluators', (old) => (old as unknown[]).filter((_, j) => j !== i))}>
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
        {BLOCKS.map((b) => (
          <SignoffBlock key={b.key} k={b.key} title={b.title} signer={b.signer} value={signoffs[b.key]} />
        ))}
      </div>
      <div className="jx-form-grid" style={{ marginTop: 12 }}>
        <Labeled label="填报人（签名）">
          <TextField path="preparer.name" value={preparer.name} ariaLabel="填报人" />
        </Labeled>
        <Labeled label="联系电话">
          <TextField path="preparer.phone" value={preparer.phone} ariaLabel="填报人联系电话" />
        </Labeled>
      </div>
      {signatures}
    </Section>
  );
});
