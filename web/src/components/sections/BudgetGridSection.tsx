// 年度预算申请（万元） of a 部门整体支出绩效自评表 (10号 附件2, the Hunan table): the printed grid's own layout
// (core: io/export/budget-grid.ts) with an input on each value cell — 年初 / 全年预算数 / 全年执行数, the 执行率
// line as written, and the parts of 按收入性质分 / 按支出性质分 on their tables' summary row.
import { memo } from 'react';
import { field, type SectionDef, table as tableOf } from '../../../../src/core/forms/index';
import type { Report } from '../../../../src/core/model/report';
import { getAt } from '../../../../src/core/paths';
import { templateFor } from '../../../../src/core/templates/index';
import { budgetGrid, executionWeightOf } from '../../../../src/io/export/budget-grid';
import type { GridCell } from '../../../../src/io/export/project-grid';
import { useEditor } from '../editor/editor-context';
import { AmountField, NumberField, TextField } from '../editor/fields';
import { standardRows } from './FinanceTable';
import { Section } from './Section';

const lines = (t: string) => t.split('\n').map((l, i) => <div key={i}>{l}</div>);

export const BudgetGridSection = memo(function BudgetGridSection({ section, report }: { section: SectionDef; report: Report }) {
  const ctx = useEditor();
  const template = templateFor(report);
  const g = budgetGrid(report, ctx.form, section, executionWeightOf(template));
  const computed = budgetGrid({ ...report, basics: { ...report.basics, executionRate: '' } }, ctx.form, section, executionWeightOf(template));
  // a part typed into a table that has no rows yet starts the form's blank rows
  const setPart = (path: string, v: string | null) => {
    const m = /^(finance\.(\w+))\[0\]\.(\w+)$/.exec(path)!;
    const shape = tableOf(ctx.form, m[2]!);
    ctx.update(m[1]!, (old) => {
      const rows = [...((old as Array<Record<string, unknown>> | undefined)?.length ? (old as Array<Record<string, unknown>>) : standardRows(shape))];
      rows[0] = { ...rows[0]!, [m[3]!]: v };
      return rows;
    }, path);
  };
  const input = (c: GridCell, aria: string) => {
    const path = c.path!;
    if (path.startsWith('finance.')) return <AmountField path={path} value={c.text || null} onValue={(v) => setPart(path, v)} ariaLabel={aria} />;
    const f = field(ctx.form, path);
    const raw = getAt(report, path);
    if (f.type === 'amount') return <AmountField path={path} value={(raw as string | null | undefined) ?? null} ariaLabel={aria} />;
    if (f.type === 'score') return <NumberField path={path} value={(raw as number | null | undefined) ?? null} decimals={2} max={100} ariaLabel={aria} cell />;
    const placeholder = computed.rows[1]?.find((x) => x.path === path)?.text ?? '';
    return <TextField path={path} value={(raw as string | undefined) ?? ''} ariaLabel={aria} placeholder={placeholder} cell />;
  };
  return (
    <Section id={`sec-${section.key}`} title={section.label}>
      <table className="jx-fin" data-table="budgetGrid" style={{ tableLayout: 'fixed' }}>
        {/* the printed form's column widths, so the parts' labels get the room they have on paper */}
        <colgroup>
          {g.widths.map((w, i) => (
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <tbody>
          {g.rows.map((row, r) => (
            <tr key={r}>
              {row.map((c, k) =>
                c.label ? (
                  <th key={k} colSpan={c.colSpan} scope={r === 0 ? 'col' : 'row'}>
                    {lines(c.text)}
                  </th>
                ) : (
                  <td key={k} colSpan={c.colSpan}>
                    {input(c, ariaOf(ctx.form, c, row, g.rows[0]!) ?? '')}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
});

/** What a screen reader says for a value cell: its column head on the 年度资金总额 row, its own label for a part. */
function ariaOf(form: ReturnType<typeof useEditor>['form'], c: GridCell, row: GridCell[], head: GridCell[]): string | null {
  const at = row.indexOf(c);
  if (c.path?.startsWith('basics.')) return field(form, c.path).label;
  if (row === head || at < 1) return null;
  const label = row[at - 1];
  if (label?.label && label.text) return label.text.replace(/^其中：/, '').replace(/：$/, '');
  return `${row[0]!.text}${head[at]?.text ?? ''}`;
}
