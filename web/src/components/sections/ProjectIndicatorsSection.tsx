// 绩效指标 of a 项目支出绩效自评表: the indicator grid in the form's columns, then the 总分 and 评价等次.
import { memo } from 'react';
import { field, type SectionDef } from '../../../../src/core/forms/index';
import type { Report } from '../../../../src/core/model/report';
import { templateFor } from '../../../../src/core/templates/index';
import { useEditor } from '../editor/editor-context';
import { FieldInput, fieldValue } from '../editor/FieldInput';
import { IndicatorTable } from './IndicatorTable';
import { Section } from './Section';

type Props = { section: SectionDef; report: Report };

export const ProjectIndicatorsSection = memo(function ProjectIndicatorsSection({ section, report }: Props) {
  const ctx = useEditor();
  const grades = templateFor(report).gradeBands.map((b) => b.label);
  return (
    <Section id={`sec-${section.key}`} title={section.label}>
      <IndicatorTable indicators={report.performance.indicators} year={report.year} />
      <div className="jx-form-grid" style={{ marginTop: 16 }}>
        {section.fields.map((p) => {
          const f = field(ctx.form, p);
          return <FieldInput key={p} field={f} value={fieldValue(report, f)} grades={grades} />;
        })}
      </div>
    </Section>
  );
});
