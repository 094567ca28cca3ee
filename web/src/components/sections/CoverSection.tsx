// 封面: department, budget code, 评价方式, 评价机构, 报告日期.
import { memo } from 'react';
import type { Cover } from '../../../../src/core/model/report';
import { SECTION_LABELS } from '../../../../src/core/model/layout';
import { DateField, Labeled, TextField } from '../editor/fields';
import { Section } from './Section';

export const CoverSection = memo(function CoverSection({ cover }: { cover: Cover }) {
  return (
    <Section id="sec-cover" title={SECTION_LABELS.cover}>
      <div className="jx-form-grid">
        <Labeled label="报告标题" span={2}>
          <TextField path="cover.title" value={cover.title} ariaLabel="报告标题" placeholder="如：2021年度部门整体支出绩效评价自评报告" />
        </Labeled>
        <Labeled label="部门（单位）名称" required>
          <TextField path="cover.departmentName" value={cover.departmentName} ariaLabel="部门（单位）名称" />
        </Labeled>
        <Labeled label="预算编码" required>
          <TextField path="cover.budgetCode" value={cover.budgetCode} ariaLabel="预算编码" placeholder="如：999236" />
        </Labeled>
        <Labeled label="评价方式">
          <TextField path="cover.evaluationMethod" value={cover.evaluationMethod} ariaLabel="评价方式" placeholder="部门（单位）绩效自评" />
        </Labeled>
        <Labeled label="评价机构">
          <TextField path="cover.evaluator" value={cover.evaluator} ariaLabel="评价机构" placeholder="部门（单位）评价组" />
        </Labeled>
        <Labeled label="报告日期" required>
          <DateField path="cover.reportDate" value={cover.reportDate} ariaLabel="报告日期" />
        </Labeled>
      </div>
    </Section>
  );
});
