// A section of the form's tables (二、部门（单位）收支情况), each table as the form draws it.
import { Button } from 'antd';
import { memo } from 'react';
import { type SectionDef, table } from '../../../../src/core/forms/index';
import type { Report } from '../../../../src/core/model/report';
import { getAt } from '../../lib/paths';
import { useEditor } from '../editor/editor-context';
import { FinanceTable, standardRows } from './FinanceTable';
import { Section } from './Section';

const COUNT = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

export const FinanceSection = memo(function FinanceSection({ section, finance }: { section: SectionDef; finance: Report['finance'] }) {
  const ctx = useEditor();
  const shapes = section.tables.map((k) => table(ctx.form, k));
  const rowsOf = (path: string) => (getAt({ finance }, path) as never[] | undefined) ?? [];
  const allEmpty = shapes.every((t) => rowsOf(t.def.path).length === 0);
  const fill = () => {
    for (const t of shapes) ctx.update(t.def.path, () => standardRows(t));
  };
  const rows = shapes[0]?.rows;
  return (
    <Section
      id={`sec-${section.key}`}
      title={section.label}
      extra={
        allEmpty &&
        ctx.canEdit(section.roots[0]!) && (
          <Button size="small" type="primary" ghost onClick={fill}>
            按模板生成{COUNT[shapes.length] ?? shapes.length}张表
          </Button>
        )
      }
    >
      {rows && (
        <div className="jx-hint">
          金额单位为{shapes[0]!.def.unit}，按原表的小数位填写（如 87.2217）。“{rows.summary.label}”行由下方各行自动相加。
        </div>
      )}
      {shapes.map((t) => (
        <FinanceTable key={t.def.key} table={t.def.key} rows={rowsOf(t.def.path)} />
      ))}
    </Section>
  );
});
