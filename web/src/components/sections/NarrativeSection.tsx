// 五、评价报告综述（文字部分）: the narrative parts, each a heading and its text.
import { Button, Select } from 'antd';
import { memo } from 'react';
import { SECTION_LABELS } from '../../../../src/core/model/layout';
import type { NarrativeKey, Report } from '../../../../src/core/model/report';
import { useEditor } from '../editor/editor-context';
import { AreaField, TextField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { Section } from './Section';

export const NARRATIVE_HEADINGS: Record<NarrativeKey, string> = {
  overview: '一、部门（单位）概况',
  management: '二、部门（单位）整体支出管理及使用情况',
  organization: '三、部门（单位）专项组织实施情况',
  performance: '四、部门（单位）整体支出绩效情况',
  problems: '五、存在的主要问题',
  improvements: '六、改进措施和有关建议',
  other: '其他',
};

export const NarrativeSection = memo(function NarrativeSection({ narrative }: { narrative: Report['narrative'] }) {
  const ctx = useEditor();
  const editable = ctx.canEdit('narrative');
  const missing = (Object.keys(NARRATIVE_HEADINGS) as NarrativeKey[]).filter((k) => k !== 'other' && !narrative.some((n) => n.key === k));
  return (
    <Section
      id="sec-narrative"
      title={SECTION_LABELS.narrative}
      extra={
        editable && (
          <Select<NarrativeKey>
            size="small"
            placeholder="添加部分"
            style={{ width: 220 }}
            value={null as unknown as NarrativeKey}
            options={[...missing, 'other' as const].map((k) => ({ value: k, label: NARRATIVE_HEADINGS[k] }))}
            onChange={(k) => ctx.update('narrative', (old) => [...((old as unknown[]) ?? []), { key: k, heading: NARRATIVE_HEADINGS[k], text: '' }])}
          />
        )
      }
    >
      <PathField path="narrative">
        {narrative.length === 0 && (
          <div className="jx-empty-line">
            尚未填写综述。
            {editable && (
              <Button
                size="small"
                type="link"
                onClick={() =>
                  ctx.update('narrative', () =>
                    (Object.keys(NARRATIVE_HEADINGS) as NarrativeKey[]).filter((k) => k !== 'other').map((k) => ({ key: k, heading: NARRATIVE_HEADINGS[k], text: '' })),
                  )
                }
              >
                按模板添加全部六个部分
              </Button>
            )}
          </div>
        )}
        {narrative.map((n, i) => (
          <div key={i} className="jx-narrative-part">
            <div className="jx-narrative-head">
              <TextField path={`narrative[${i}].heading`} value={n.heading} ariaLabel={`综述第${i + 1}部分标题`} />
              {editable && (
                <Button size="small" type="text" danger onClick={() => ctx.update('narrative', (old) => (old as unknown[]).filter((_, j) => j !== i))}>
                  删除
                </Button>
              )}
            </div>
            <AreaField path={`narrative[${i}].text`} value={n.text} ariaLabel={n.heading || `综述第${i + 1}部分`} minRows={4} />
          </div>
        ))}
      </PathField>
    </Section>
  );
});
