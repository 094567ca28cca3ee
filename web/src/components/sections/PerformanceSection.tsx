// 三、部门（单位）整体支出绩效自评情况: qualitative targets and results, the indicator table, 自评得分 and 评价等次.
import { Button } from 'antd';
import { memo } from 'react';
import { SECTION_LABELS } from '../../../../src/core/model/layout';
import type { Report } from '../../../../src/core/model/report';
import { defaultTemplateFor } from '../../../../src/core/templates/index';
import { useEditor } from '../editor/editor-context';
import { AreaField, Labeled, NumberField, SelectField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { IndicatorTable } from './IndicatorTable';
import { Section, SubTitle } from './Section';

export const PerformanceSection = memo(function PerformanceSection({ performance, templateId, year = null }: { performance: Report['performance']; templateId: string; year?: number | null }) {
  const ctx = useEditor();
  const editable = ctx.canEdit('performance.qualitative');
  const grades = defaultTemplateFor({ templateId }).gradeBands.map((b) => b.label);
  return (
    <Section id="sec-performance" title={SECTION_LABELS.performance}>
      <PathField path="performance.qualitative">
        <SubTitle
          extra={
            editable && (
              <Button size="small" onClick={() => ctx.update('performance.qualitative', (old) => [...((old as unknown[]) ?? []), { target: '', result: '' }])}>
                添加定性目标
              </Button>
            )
          }
        >
          整体支出绩效定性目标及实施计划完成情况
        </SubTitle>
        <div className="jx-pairs">
          <div className="jx-pairs-head">
            <span>预期目标</span>
            <span>实际完成</span>
          </div>
          {performance.qualitative.length === 0 && <div className="jx-empty-line">尚未填写定性目标。</div>}
          {performance.qualitative.map((q, i) => (
            <div key={i} className="jx-pair">
              <AreaField path={`performance.qualitative[${i}].target`} value={q.target} ariaLabel={`定性目标${i + 1}预期目标`} minRows={3} />
              <AreaField path={`performance.qualitative[${i}].result`} value={q.result} ariaLabel={`定性目标${i + 1}实际完成`} minRows={3} />
              {editable && (
                <Button size="small" type="text" danger onClick={() => ctx.update('performance.qualitative', (old) => (old as unknown[]).filter((_, j) => j !== i))}>
                  删除
                </Button>
              )}
            </div>
          ))}
        </div>
      </PathField>
      <IndicatorTable indicators={performance.indicators} year={year} />
      <div className="jx-form-grid" style={{ marginTop: 16 }}>
        <Labeled label="绩效自评综合得分" required>
          <NumberField path="performance.selfScore" value={performance.selfScore} decimals={2} max={100} suffix="分" ariaLabel="绩效自评综合得分" />
        </Labeled>
        <Labeled label="评价等次" required>
          <SelectField path="performance.grade" value={performance.grade || null} options={grades} allowFree ariaLabel="评价等次" />
        </Labeled>
      </div>
    </Section>
  );
});
