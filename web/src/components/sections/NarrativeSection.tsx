// 五、评价报告综述（文字部分）: the narrative parts, each a heading and its text; new parts start with the
// headings the form gives them.
import { Button, Select } from 'antd';
import { memo } from 'react';
import type { SectionDef } from '../../../../src/core/forms/index';
import type { NarrativeKey, Report } from '../../../../src/core/model/report';
import { useEditor } from '../editor/editor-context';
import { AreaField, TextField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { Section } from './Section';

export const NarrativeSection = memo(function NarrativeSection({ section, narrative }: { section: SectionDef; narrative: Report['narrative'] }) {
  const ctx = useEditor();
  const editable = ctx.canEdit('narrative');
  const parts = ctx.form.narrative;
  const heading = (k: NarrativeKey) => parts.find((p) => p.key === k)?.heading ?? '';
  const missing = parts.filter((p) => p.key !== 'other' && !narrative.some((n) => n.key === p.key)).map((p) => p.key);
  const full = narrative.length >= ctx.form.limits.narrativeParts;
  const standard = parts.filter((p) => p.key !== 'other');
  return (
    <Section
      id={`sec-${section.key}`}
      title={section.label}
      extra={
        editable && (
          <Select<NarrativeKey>
            size="small"
            placeholder="添加部分"
            style={{ width: 220 }}
            disabled={full}
            value={null as unknown as NarrativeKey}
            options={[...missing, 'other' as const].map((k) => ({ value: k, label: heading(k) }))}
            onChange={(k) => ctx.update('narrative', (old) => [...((old as unknown[]) ?? []), { key: k, heading: heading(k), text: '' }])}
          />
        )
      }
    >
      <PathField path="narrative">
        {narrative.length === 0 && (
          <div className="jx-empty-line">
            尚未填写综述。
            {editable && (
              <Button size="small" type="link" onClick={() => ctx.update('narrative', () => standard.map((p) => ({ key: p.key, heading: p.heading, text: '' })))}>
                按模板添加全部{standard.length}个部分
              </Button>
            )}
          </div>
        )}
        {narrative.map((n, i) => (
          <div key={i} className="jx-narrative-part">
            <div className="jx-narrative-head">
              <TextField path={`narrative[${i}].heading`} value={n.heading} ariaLabel={`综述第${i + 1}部分标题`} maxLength={ctx.form.limits.text} />
              {editable && (
                <Button size="small" type="text" danger onClick={() => ctx.update('narrative', (old) => (old as unknown[]).filter((_, j) => j !== i))}>
                  删除
                </Button>
              )}
            </div>
            <AreaField path={`narrative[${i}].text`} value={n.text} ariaLabel={n.heading || `综述第${i + 1}部分`} minRows={4} maxLength={ctx.form.limits.narrativeText} />
          </div>
        ))}
      </PathField>
    </Section>
  );
});
