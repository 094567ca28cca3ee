// One of the four 收支情况 tables. Columns come from core layout.ts; the 局机关及二级机构汇总 row is
// not typed in but summed from the institution rows as the user types (exactly, in 分).
import { Button, Popconfirm, Tooltip } from 'antd';
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import { FINANCE_TABLES, MAIN_ROW_LABEL, SUMMARY_ROW_LABEL, type ColumnDef } from '../../../../src/core/model/layout';
import type { FinanceTableKey } from '../../../../src/core/model/report';
import { summaryMismatch, withSummary, type AmountRow } from '../../lib/finance-sum';
import { useEditor } from '../editor/editor-context';
import { AmountField, TextField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { ReturnNotes } from '../editor/ReturnNotes';

type Row = AmountRow & { institution: string };

interface Props {
  table: FinanceTableKey;
  rows: readonly Row[];
}

/** The rows the official form prints: 汇总, 1、局机关, 2、二级机构1, 3、二级机构2. */
export function standardRows(columns: readonly ColumnDef[]): Row[] {
  return [blankRow('summary', SUMMARY_ROW_LABEL, columns), blankRow('main', MAIN_ROW_LABEL, columns), blankRow('sub', '二级机构1', columns), blankRow('sub', '二级机构2', columns)];
}

function blankRow(kind: 'summary' | 'main' | 'sub', institution: string, columns: readonly ColumnDef[]): Row {
  return { institution, kind, ...Object.fromEntries(columns.map((c) => [c.key, null])) } as Row;
}

/** Two header rows: a column under a parent (基本支出 → 人员支出) sits below a spanning cell. */
function headerRows(columns: readonly ColumnDef[]): [ReactNode[], ReactNode[]] {
  const top: ReactNode[] = [];
  const bottom: ReactNode[] = [];
  let i = 0;
  while (i < columns.length) {
    const c = columns[i]!;
    if (!c.parent) {
      top.push(<th key={c.key} rowSpan={2}>{c.label}</th>);
      i += 1;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j]!.parent === c.parent) j += 1;
    const group = columns.slice(i, j);
    const parentIsColumn = columns.some((x) => x.label === c.parent);
    top.push(<th key={`g-${c.key}`} colSpan={group.length}>{parentIsColumn ? '其中' : c.parent}</th>);
    for (const g of group) bottom.push(<th key={g.key}>{g.label}</th>);
    i += group.length;
  }
  return [top, bottom];
}

const NO_MISMATCHES: ReadonlyArray<ReturnType<typeof summaryMismatch>> = [];

interface RowProps {
  row: Row;
  i: number;
  /** the row's number on the form (1、局机关, 2、…); the summary row has none */
  number: number;
  base: string;
  columns: readonly ColumnDef[];
  editable: boolean;
  /** per column, where the summary row disagrees with the rows below it (the summary row only) */
  mismatches: ReadonlyArray<ReturnType<typeof summaryMismatch>>;
  setCell: (i: number, column: string, value: string | null) => void;
  removeRow: (i: number) => void;
}

/** One row: rendered again only when its own figures change (the summary row: when any does). */
const FinanceRow = memo(function FinanceRow({ row: r, i, number, base, columns, editable, mismatches, setCell, removeRow }: RowProps) {
  const summary = r.kind === 'summary';
  return (
    <tr className={summary ? 'jx-fin-summary' : undefined}>
      <th scope="row" className="jx-fin-name">
        {summary ? (
          <Tooltip title="汇总行由局机关及各二级机构行自动相加，不需要填写">
            <span>
              {SUMMARY_ROW_LABEL}
              <span className="jx-auto-tag">自动汇总</span>
            </span>
          </Tooltip>
        ) : r.kind === 'main' ? (
          `${number}、${r.institution || MAIN_ROW_LABEL}`
        ) : (
          <span className="jx-fin-sub">
            <span>{number}、</span>
            <TextField path={`${base}[${i}].institution`} value={r.institution} cell ariaLabel={`第${number}行机构名称`} />
          </span>
        )}
      </th>
      {columns.map((c, ci) => {
        const value = (r[c.key] as string | null) ?? null;
        const label = `${summary ? '汇总' : r.institution}·${c.label}`;
        if (summary) {
          const mm = mismatches[ci];
          return (
            <td key={c.key}>
              <AmountField path={`${base}[${i}].${c.key}`} value={value} readOnly ariaLabel={label} />
              {mm && <div className="jx-fin-mismatch">{mm.computed == null ? '明细未填写' : `明细合计 ${mm.computed}`}</div>}
            </td>
          );
        }
        return (
          <td key={c.key}>
            <AmountField path={`${base}[${i}].${c.key}`} value={value} ariaLabel={label} onValue={(v) => setCell(i, c.key, v)} />
          </td>
        );
      })}
      {editable && (
        <td className="jx-fin-op">
          {r.kind === 'sub' && (
            <Popconfirm title="删除这一行？" description="该行金额将从汇总行中减去。" okText="删除" cancelText="取消" onConfirm={() => removeRow(i)}>
              <Button size="small" type="text" danger aria-label={`删除${r.institution}`}>
                删除
              </Button>
            </Popconfirm>
          )}
        </td>
      )}
    </tr>
  );
});

/** "局机关 · 公务用车运维费" for a cell path of this table. */
function cellName(rows: readonly Row[], path: string, columns: readonly ColumnDef[]): string {
  const m = /\[(\d+)\]\.(\w+)$/.exec(path);
  if (!m) return path;
  const r = rows[Number(m[1])];
  const col = columns.find((c) => c.key === m[2]);
  return `${r?.kind === 'summary' ? SUMMARY_ROW_LABEL : r?.institution ?? ''} · ${m[2] === 'institution' ? '机构名称' : col?.label ?? m[2]}`;
}

export const FinanceTable = memo(function FinanceTable({ table, rows }: Props) {
  const ctx = useEditor();
  const def = FINANCE_TABLES.find((t) => t.key === table)!;
  const base = `finance.${table}`;
  const columns = def.columns;
  const amountKeys = useMemo(() => columns.map((c) => c.key), [columns]);
  const editable = ctx.canEdit(base);
  const [top, bottom] = headerRows(columns);
  const hasBottom = bottom.length > 0;
  const mismatches = columns.map((c) => summaryMismatch(rows, c.key));

  // stable, so that a row whose figures did not change skips rendering (a bureau may have 100 二级机构)
  const setCell = useCallback(
    (i: number, column: string, value: string | null) =>
      ctx.update(base, (old) => {
        const next = [...(old as Row[])];
        next[i] = { ...next[i]!, [column]: value };
        return withSummary(next, amountKeys, [column]);
      }),
    [ctx, base, amountKeys],
  );
  const addSub = () =>
    ctx.update(base, (old) => {
      const list = old as Row[];
      const n = list.filter((r) => r.kind === 'sub').length + 1;
      return [...list, blankRow('sub', `二级机构${n}`, columns)];
    });
  const removeRow = useCallback(
    (i: number) =>
      ctx.update(base, (old) => {
        const list = old as Row[];
        const gone = list[i]!;
        const touched = amountKeys.filter((k) => gone[k] != null);
        return withSummary(list.filter((_, j) => j !== i), amountKeys, touched);
      }),
    [ctx, base, amountKeys],
  );
  const resum = () => ctx.update(base, (old) => withSummary(old as Row[], amountKeys));
  const addStandardRows = () => ctx.update(base, () => standardRows(columns));

  let number = 0;
  return (
    <PathField path={base} className="jx-fin-wrap">
      <div className="jx-fin-head">
        <span className="jx-fin-title">
          {def.title}
          <span className="jx-unit">（单位：万元）</span>
        </span>
        {editable && (
          <span className="jx-fin-tools">
            {mismatches.some(Boolean) && (
              <Tooltip title="汇总行与局机关及二级机构各行之和不一致（例如导入的原表只填了汇总行）。点击后按各行重新计算汇总行。">
                <Button size="small" onClick={resum}>
                  按明细重新汇总
                </Button>
              </Tooltip>
            )}
            {rows.length > 0 && (
              <Button size="small" onClick={addSub}>
                添加二级机构
              </Button>
            )}
          </span>
        )}
      </div>
      {rows.length === 0 ? (
        <div className="jx-empty-line">
          本表尚无数据行。
          {editable && (
            <Button size="small" type="link" onClick={addStandardRows}>
              按模板添加标准行（汇总、局机关、二级机构）
            </Button>
          )}
        </div>
      ) : (
        <div className="jx-table-scroll">
          <table className="jx-fin" data-table={table}>
            <thead>
              <tr>
                <th rowSpan={hasBottom ? 2 : 1} className="jx-fin-name">
                  机构名称
                </th>
                {top}
                {editable && <th rowSpan={hasBottom ? 2 : 1} className="jx-fin-op" aria-label="操作" />}
              </tr>
              {hasBottom && <tr>{bottom}</tr>}
            </thead>
            <tbody>
              {rows.map((r, i) => {
                if (r.kind !== 'summary') number += 1;
                return (
                  <FinanceRow
                    key={i} row={r} i={i} number={number} base={base} columns={columns} editable={editable}
                    mismatches={r.kind === 'summary' ? mismatches : NO_MISMATCHES} setCell={setCell} removeRow={removeRow}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ReturnNotes prefix={base} describe={(p) => cellName(rows, p, columns)} />
    </PathField>
  );
});
