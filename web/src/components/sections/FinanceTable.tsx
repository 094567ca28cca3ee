// One table of the form (收入, 支出, 三公经费, 固定资产): its header rows from the form's column tree, one row
// per institution. The 汇总 row is not typed in but summed from the institution rows as the user types
// (exactly, in 分).
import { App, Button, Popconfirm, Tooltip } from 'antd';
import { Fragment, memo, useCallback, useMemo, type ClipboardEvent, type KeyboardEvent } from 'react';
import { blankRows, table as tableOf, type TableShape } from '../../../../src/core/forms/index';
import { gridText, planPaste, type PasteRow, type PasteTarget } from '../../../../src/core/forms/paste';
import { gridPlace, onGridKeyDown } from '../../lib/grid-keys';
import { pastedBlock, usePastePlan } from '../editor/paste-preview';
import { summaryMismatch, withSummary, type AmountRow } from '../../lib/finance-sum';
import { useEditor } from '../editor/editor-context';
import { AmountField, TextField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { ReturnNotes } from '../editor/ReturnNotes';

type Row = AmountRow & { institution: string };

interface Props {
  table: string;
  rows: readonly Row[];
}

/** The rows a new table starts with: the form's blank rows (汇总, 局机关, 二级机构1, 二级机构2). */
export function standardRows(shape: TableShape): Row[] {
  return blankRows(shape.rows).map((r) => blankRow(r.kind, r.institution, shape));
}

function blankRow(kind: 'summary' | 'main' | 'sub', institution: string, shape: TableShape): Row {
  return { institution, kind, ...Object.fromEntries(shape.leaves.map((c) => [c.key, null])) } as Row;
}

/** A printed header, its line breaks kept. */
function headText(text: string) {
  return text.split('\n').map((l, i) => (
    <Fragment key={i}>
      {i > 0 && <br />}
      {l}
    </Fragment>
  ));
}

const NO_MISMATCHES: ReadonlyArray<ReturnType<typeof summaryMismatch>> = [];

interface RowProps {
  row: Row;
  i: number;
  /** the row's number on the form (1、局机关, 2、…); the summary row has none */
  number: number;
  base: string;
  shape: TableShape;
  /** the longest text a cell takes (the form's limits) */
  textLimit: number;
  editable: boolean;
  /** per column, where the summary row disagrees with the rows below it (the summary row only) */
  mismatches: ReadonlyArray<ReturnType<typeof summaryMismatch>>;
  setCell: (i: number, column: string, value: string | null) => void;
  removeRow: (i: number) => void;
}

/** One row: rendered again only when its own figures change (the summary row: when any does). */
const FinanceRow = memo(function FinanceRow({ row: r, i, number, base, shape, textLimit, editable, mismatches, setCell, removeRow }: RowProps) {
  const isSummary = r.kind === 'summary';
  const { summary, main, sub } = shape.rows;
  return (
    <tr className={isSummary ? 'jx-fin-summary' : undefined}>
      <th scope="row" className="jx-fin-name">
        {isSummary ? (
          <Tooltip title={`汇总行由${main.label}及各${sub.label}行自动相加，不需要填写`}>
            <span>
              {summary.label}
              <span className="jx-auto-tag">自动汇总</span>
            </span>
          </Tooltip>
        ) : r.kind === 'main' ? (
          `${number}、${r.institution || main.label}`
        ) : (
          <span className="jx-fin-sub">
            <span>{number}、</span>
            <TextField path={`${base}[${i}].institution`} value={r.institution} cell ariaLabel={`第${number}行${shape.rows.header}`} maxLength={textLimit} gridRow={i} gridCol={0} />
          </span>
        )}
      </th>
      {shape.leaves.map((c, ci) => {
        const value = (r[c.key] as string | null) ?? null;
        const label = `${isSummary ? '汇总' : r.institution}·${c.label}`;
        if (isSummary) {
          const mm = mismatches[ci];
          return (
            <td key={c.key}>
              <AmountField path={`${base}[${i}].${c.key}`} value={value} readOnly ariaLabel={label} gridRow={i} gridCol={ci + 1} />
              {mm && <div className="jx-fin-mismatch">{mm.computed == null ? '明细未填写' : `明细合计 ${mm.computed}`}</div>}
            </td>
          );
        }
        return (
          <td key={c.key}>
            <AmountField path={`${base}[${i}].${c.key}`} value={value} ariaLabel={label} onValue={(v) => setCell(i, c.key, v)} gridRow={i} gridCol={ci + 1} />
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

/** "局机关 · 公务用车运维费": a cell of this table in the form's words. */
function rowCellName(shape: TableShape, r: { kind: string; institution: string } | undefined, column: string): string {
  const name = r?.kind === 'summary' ? shape.rows.summary.label : r?.institution ?? '';
  return `${name} · ${column === 'institution' ? shape.rows.header : shape.byKey.get(column)?.label ?? column}`;
}

/** The same, for a cell path of this table. */
function cellName(rows: readonly Row[], path: string, shape: TableShape): string {
  const m = /\[(\d+)\]\.(\w+)$/.exec(path);
  return m ? rowCellName(shape, rows[Number(m[1])], m[2]!) : path;
}

/** The confirmation a paste needs when it overwrites filled cells: which, from what to what. */
export const FinanceTable = memo(function FinanceTable({ table, rows }: Props) {
  const ctx = useEditor();
  const { message } = App.useApp();
  const paste = usePastePlan();
  const shape = tableOf(ctx.form, table);
  const { def, leaves } = shape;
  const { summary, main, sub } = shape.rows;
  const base = def.path;
  const amountKeys = useMemo(() => leaves.map((c) => c.key), [leaves]);
  const editable = ctx.canEdit(base);
  const levels = shape.head.length;
  const mismatches = leaves.map((c) => summaryMismatch(rows, c.key));
  const full = rows.length >= (def.maxRows ?? ctx.form.limits.tableRows);

  // stable, so that a row whose figures did not change skips rendering (a bureau may have 100 二级机构)
  const setCell = useCallback(
    (i: number, column: string, value: string | null) =>
      ctx.update(base, (old) => {
        const next = [...(old as Row[])];
        next[i] = { ...next[i]!, [column]: value };
        return withSummary(next, amountKeys, [column]);
      }, `${base}[${i}].${column}`),
    [ctx, base, amountKeys],
  );
  const addSub = () =>
    ctx.update(base, (old) => {
      const list = old as Row[];
      const n = list.filter((r) => r.kind === 'sub').length + 1;
      return [...list, blankRow('sub', `${sub.label}${n}`, shape)];
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
  const target: PasteTarget = {
    columns: amountKeys,
    cellName: (r, c) => rowCellName(shape, r, c),
    maxRows: def.maxRows ?? ctx.form.limits.tableRows,
    subLabel: sub.label,
  };
  // a block from Excel/WPS lands from the focused cell on (core/forms/paste.ts); one value stays the input's
  const onPaste = (e: ClipboardEvent<HTMLTableElement>) => {
    const block = pastedBlock(e, editable);
    if (!block) return;
    const { at, grid } = block;
    const plan = planPaste(rows as unknown as PasteRow[], target, at, grid);
    paste({
      title: `粘贴到${def.name}`,
      plan,
      added: '新增 N 行',
      apply: (step) =>
        ctx.update(base, (old) => {
          const p = planPaste(old as PasteRow[], target, at, grid);
          return withSummary(p.rows as unknown as Row[], amountKeys, p.touched);
        }, step),
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const at = gridPlace(e.target);
    // Ctrl+D fills the cell from the one above, as in Excel
    if (at && editable && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'd' && at.col > 0 && at.row > 0) {
      e.preventDefault();
      const key = amountKeys[at.col - 1]!;
      if (rows[at.row]!.kind !== 'summary') setCell(at.row, key, (rows[at.row - 1]![key] as string | null) ?? null);
      return;
    }
    onGridKeyDown(e);
  };
  const copyOut = async () => {
    const text = gridText(rows as unknown as PasteRow[], amountKeys, [shape.rows.header, ...leaves.map((c) => c.label)]);
    try {
      await navigator.clipboard.writeText(text);
      message.success(`已复制${def.name}（${rows.length} 行），可粘贴到 Excel 或 WPS`);
    } catch {
      message.error('浏览器不允许写入剪贴板，请在表格中选中后用 Ctrl+C 复制');
    }
  };
  const resum = () => ctx.update(base, (old) => withSummary(old as Row[], amountKeys));
  const addStandardRows = () => ctx.update(base, () => standardRows(shape));

  let number = 0;
  return (
    <PathField path={base} className="jx-fin-wrap">
      <div className="jx-fin-head">
        <span className="jx-fin-title">
          {def.name}
          <span className="jx-unit">（单位：{def.unit}）</span>
        </span>
        <span className="jx-fin-tools">
          {rows.length > 0 && (
            <Tooltip title="复制为制表符分隔的文本，粘贴到 Excel 或 WPS 即成表格">
              <Button size="small" onClick={() => void copyOut()}>
                复制表格
              </Button>
            </Tooltip>
          )}
        </span>
        {editable && (
          <span className="jx-fin-tools">
            {mismatches.some(Boolean) && (
              <Tooltip title={`${summary.label}行与${main.label}及${sub.label}各行之和不一致（例如导入的原表只填了汇总行）。点击后按各行重新计算汇总行。`}>
                <Button size="small" onClick={resum}>
                  按明细重新汇总
                </Button>
              </Tooltip>
            )}
            {rows.length > 0 && (
              <Button size="small" onClick={addSub} disabled={full}>
                添加{sub.label}
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
              按模板添加标准行（{[summary.label, main.label, sub.label].join('、')}）
            </Button>
          )}
        </div>
      ) : (
        <div className="jx-table-scroll">
          <table className="jx-fin" data-table={table} onKeyDown={onKeyDown} onPaste={onPaste}>
            <thead>
              {shape.head.map((cells, k) => (
                <tr key={k}>
                  {k === 0 && (
                    <th rowSpan={levels} className="jx-fin-name">
                      {shape.rows.header}
                    </th>
                  )}
                  {cells.map((h, j) => (
                    <th key={j} colSpan={h.colSpan > 1 ? h.colSpan : undefined} rowSpan={h.rowSpan > 1 ? h.rowSpan : undefined}>
                      {headText(h.text)}
                    </th>
                  ))}
                  {k === 0 && editable && <th rowSpan={levels} className="jx-fin-op" aria-label="操作" />}
                </tr>
              ))}
            </thead>
            <tbody>
              {rows.map((r, i) => {
                if (r.kind !== 'summary') number += 1;
                return (
                  <FinanceRow
                    key={i} row={r} i={i} number={number} base={base} shape={shape} textLimit={ctx.form.limits.text} editable={editable}
                    mismatches={r.kind === 'summary' ? mismatches : NO_MISMATCHES} setCell={setCell} removeRow={removeRow}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editable && rows.length > 0 && (
        <div className="jx-grid-hint">可从 Excel、WPS 复制整块数据粘贴到任一单元格；方向键、回车在单元格间移动，Ctrl+D 按上一行填充。</div>
      )}
      <ReturnNotes prefix={base} describe={(p) => cellName(rows, p, shape)} />
    </PathField>
  );
});
