// 三、部门（单位）整体支出绩效自评情况: the qualitative targets and results, the indicator table, and the
// section's fields (绩效自评综合得分, 评价等次), all in the form's words.
import { Button } from 'antd';
import { memo } from 'react';
import { field, type SectionDef } from '../../../../src/core/forms/index';
import type { Report } from '../../../../src/core/model/report';
import { templateFor } from '../../../../src/core/templates/index';
import { useEditor } from '../editor/editor-context';
import { FieldInput } from '../editor/FieldInput';
import { AreaField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { IndicatorTable } from './IndicatorTable';
import { Section, SubTitle } from './Section';

type Props = { section: SectionDef; performance: Report['performance']; year?: number | null } & Pick<Report, 'templateId' | 'templateVersion'>;

export const PerformanceSection = memo(function PerformanceSection({ section, performance, templateId, templateVersion, year = null }: Props) {
  const ctx = useEditor();
  const q = ctx.form.indicators.qualitative;
  const editable = ctx.canEdit(q.path);
  const grades = templateFor({ templateId, templateVersion }).gradeBands.map((b) => b.label);
  const full = performance.qualitative.length >= ctx.form.limits.qualitative;
  return (
    <Section id={`sec-${section.key}`} title={section.label}>
      <PathField path={q.path}>
        <SubTitle
          extra={
            editable && (
              <Button size="small" disabled={full} onClick={() => ctx.update(q.path, (old) => [...((old as unknown[]) ?? []), { target: '', result: '' }])}>
                添加{q.short}
              </Button>
            )
          }
        >
          {q.label}
        </SubTitle>
        <div className="jx-pairs">
          <div className="jx-pairs-head">
            <span>{q.target}</span>
            <span>{q.result}</span>
          </div>
          {performance.qualitative.length === 0 && <div className="jx-empty-line">尚未填写{q.short}。</div>}
          {performance.qualitative.map((pair, i) => (
            <div key={i} className="jx-pair">
              <AreaField path={`${q.path}[${i}].target`} value={pair.target} ariaLabel={`${q.short}${i + 1}${q.target}`} minRows={3} maxLength={ctx.form.limits.longText} />
              <AreaField path={`${q.path}[${i}].result`} value={pair.result} ariaLabel={`${q.short}${i + 1}${q.result}`} minRows={3} maxLength={ctx.form.limits.longText} />
              {editable && (
                <Button size="small" type="text" danger onClick={() => ctx.update(q.path, (old) => (old as unknown[]).filter((_, j) => j !== i))}>
                  删除
                </Button>
              )}
            </div>
          ))}
        </div>
      </PathField>
      <IndicatorTable indicators={performance.indicators} year={year} />
      <div className="jx-form-grid" style={{ marginTop: 16 }}>
        {section.fields.map((p) => {
          const f = field(ctx.form, p);
          return <FieldInput key={p} field={f} value={p === 'performance.selfScore' ? performance.selfScore : performance.grade} grades={grades} />;
        })}
      </div>
    </Section>
  );
});
