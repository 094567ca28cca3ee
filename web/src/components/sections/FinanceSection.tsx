// 二、部门（单位）收支情况: the four tables.
import { Button } from 'antd';
import { memo } from 'react';
import { useEditor } from '../editor/editor-context';
import { FINANCE_TABLES, SECTION_LABELS } from '../../../../src/core/model/layout';
import type { Report } from '../../../../src/core/model/report';
import { FinanceTable, standardRows } from './FinanceTable';
import { Section } from './Section';

export const FinanceSection = memo(function FinanceSection({ finance }: { finance: Report['finance'] }) {
  const ctx = useEditor();
  const allEmpty = FINANCE_TABLES.every((t) => finance[t.key].length === 0);
  const fill = () => {
    for (const t of FINANCE_TABLES) ctx.update(`finance.${t.key}`, () => standardRows(t.columns));
  };
  return (
    <Section
      id="sec-finance"
      title={SECTION_LABELS.finance}
      extra={
        allEmpty &&
        ctx.canEdit('finance') && (
          <Button size="small" type="primary" ghost onClick={fill}>
            按模板生成四张表
          </Button>
        )
      }
    >
      <div className="jx-hint">金额单位为万元，按原表的小数位填写（如 87.2217）。“局机关及二级机构汇总”行由下方各行自动相加。</div>
      {FINANCE_TABLES.map((t) => (
        <FinanceTable key={t.key} table={t.key} rows={finance[t.key] as never} />
      ))}
    </Section>
  );
});
