// The form's indicator grid (整体支出绩效定量目标): one row per 三级指标, its columns as the form names them.
// 指标值 and 完成值 also set their numeric parts (targetValue, actualValue) that the rules read.
import { Button, Input, Space, Tag } from 'antd';
import { memo, useCallback, useMemo, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { FormDescriptor } from '../../../../src/core/forms/index';
import { matchPriorYear, type PriorMatch } from '../../../../src/core/library/prior-year';
import { quotedLibraryIds, targetText } from '../../../../src/core/library/quote';
import type { Indicator } from '../../../../src/core/model/report';
import { NATURE_OPTIONS, indicatorPatch, natureOf } from '../../../../src/core/forms/indicator-values';
import { indicatorCellText, planIndicatorPaste, type IndicatorCell, type IndicatorPasteTarget } from '../../../../src/core/forms/paste-indicators';
import { gridPlace, onGridKeyDown } from '../../lib/grid-keys';
import { pastedBlock, usePastePlan } from '../editor/paste-preview';
import { useEditor } from '../editor/editor-context';
import { AreaField, SelectField, TextField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { ReturnNotes } from '../editor/ReturnNotes';
import { QuoteLibraryDialog } from '../library/QuoteLibraryDialog';
import { SubTitle } from './Section';

/** A new row: the first 一级 and 二级 the form offers. */
const blank = (form: FormDescriptor): Indicator => ({
  level1: form.indicators.level1[0]!.label,
  level2: form.indicators.level2[0]!.label,
  name: '',
  kind: '定量',
  operator: '≥',
  target: '',
  targetValue: null,
  unit: '',
  actual: '',
  actualValue: null,
  weight: null,
  score: null,
  deviationReason: '',
  libraryId: null,
});

export const IndicatorTable = memo(function IndicatorTable({ indicators, year = null }: { indicators: readonly Indicator[]; year?: number | null }) {
  const ctx = useEditor();
  const grid = ctx.form.indicators;
  const base = grid.path;
  const editable = ctx.canEdit(base);
  const cols = useMemo<GridColumns>(() => {
    const col = (key: string) => grid.columns.find((c) => c.key === key)?.label ?? key;
    return {
      label: Object.fromEntries(GRID_KEYS.map((k) => [k, col(k)])) as GridColumns['label'],
      level1Options: grid.level1.map((c) => c.label),
      level2Options: grid.level2.map((c) => c.label),
      text: ctx.form.limits.indicatorText,
    };
  }, [grid, ctx.form]);
  const full = indicators.length >= (grid.maxItems ?? ctx.form.limits.indicators);
  // stable, so that a row whose indicator did not change skips rendering (a report may have hundreds)
  const patch = useCallback((i: number, p: Partial<Indicator>) => ctx.update(`${base}[${i}]`, (old) => ({ ...(old as Indicator), ...p })), [ctx, base]);
  const remove = useCallback((i: number) => ctx.update(base, (old) => (old as Indicator[]).filter((_, j) => j !== i)), [ctx, base]);
  const [quoting, setQuoting] = useState(false);
  const quoted = useMemo(() => new Set(quotedLibraryIds(indicators)), [indicators]);
  // last year's row of each indicator (same library entry, else same category and name): shown beside this year's
  const prior = useMemo(() => (ctx.priorYear ? matchPriorYear(indicators, ctx.priorYear.indicators) : []), [indicators, ctx.priorYear]);
  const priorYearText = ctx.priorYear?.year != null ? `${ctx.priorYear.year}年` : '上年';
  const paste = usePastePlan();
  const target: IndicatorPasteTarget = { columns: GRID_KEYS, labels: cols.label, maxRows: grid.maxItems ?? ctx.form.limits.indicators, blank: () => blank(ctx.form) };
  // a block from Excel/WPS lands from the focused cell on (core/forms/paste-indicators.ts)
  const onPaste = (e: ClipboardEvent<HTMLTableElement>) => {
    const pasted = pastedBlock(e, editable);
    if (!pasted) return;
    const { at: place, grid: block } = pasted;
    paste({
      title: `粘贴到${grid.short}`,
      plan: planIndicatorPaste(indicators, target, place, block),
      added: '新增 N 项指标',
      apply: (step) => ctx.update(base, (old) => planIndicatorPaste((old as Indicator[]) ?? [], target, place, block).rows, step),
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const at = gridPlace(e.target);
    // Ctrl+D fills the cell from the one above, as in Excel
    if (at && editable && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'd' && at.row > 0) {
      e.preventDefault();
      const key = GRID_KEYS[at.col]!;
      const above = indicatorCellText(indicators[at.row - 1]!, key);
      ctx.update(base, (old) => planIndicatorPaste(old as Indicator[], target, { row: at.row, column: at.col }, [[above]]).rows, `${base}[${at.row}].${key}`);
      return;
    }
    onGridKeyDown(e);
  };

  return (
    <PathField path={base} className="jx-ind-wrap">
      <SubTitle
        extra={
          editable && (
            <Space size="small">
              <Button size="small" onClick={() => setQuoting(true)}>
                从指标库引用
              </Button>
              <Button size="small" disabled={full} onClick={() => ctx.update(base, (old) => [...((old as Indicator[]) ?? []), blank(ctx.form)])}>
                添加指标
              </Button>
            </Space>
          )
        }
      >
        {grid.label}
      </SubTitle>
      {editable && (
        <QuoteLibraryDialog open={quoting} year={year} quoted={quoted} onClose={() => setQuoting(false)} onQuote={(rows) => ctx.update(base, (old) => [...((old as Indicator[]) ?? []), ...rows])} />
      )}
      <div className="jx-table-scroll">
        <table className="jx-ind jx-ind-wide" onKeyDown={onKeyDown} onPaste={onPaste}>
          <colgroup>
            <col style={{ width: 40 }} />
            <col style={{ width: 108 }} />
            <col style={{ width: 112 }} />
            <col />
            <col style={{ width: 84 }} />
            <col style={{ width: 96 }} />
            <col style={{ width: 64 }} />
            <col style={{ width: 104 }} />
            <col style={{ width: 180 }} />
            {editable && <col style={{ width: 50 }} />}
          </colgroup>
          <thead>
            <tr>
              <th>{grid.qualitative.serial}</th>
              {GRID_KEYS.map((k) => (
                <th key={k}>{cols.label[k]}</th>
              ))}
              {editable && <th aria-label="操作" />}
            </tr>
          </thead>
          <tbody>
            {indicators.length === 0 && (
              <tr>
                <td colSpan={editable ? 10 : 9} className="jx-empty-line">
                  尚未填写{grid.short}。
                </td>
              </tr>
            )}
            {indicators.map((ind, i) => (
              <IndicatorRow key={i} ind={ind} i={i} base={base} cols={cols} editable={editable} prior={prior[i]} priorYearText={priorYearText} patch={patch} remove={remove} />
            ))}
          </tbody>
        </table>
      </div>
      <ReturnNotes prefix={base} describe={(p) => p.replace(/^performance\.indicators\[(\d+)\]\.?/, (_, i: string) => `第${Number(i) + 1}项 `)} />
    </PathField>
  );
});

/** The grid's columns in the form's order, after 序号 (their place is the cell's data-grid-col). */
const GRID_KEYS: readonly IndicatorCell[] = ['level1', 'level2', 'name', 'nature', 'target', 'unit', 'actual', 'reason'];
const col = (key: IndicatorCell) => GRID_KEYS.indexOf(key);

/** What every row of the grid prints beside its values: the form's column names and options, the text limit. */
interface GridColumns {
  label: Record<IndicatorCell, string>;
  level1Options: string[];
  level2Options: string[];
  text: number;
}

interface RowProps {
  ind: Indicator;
  i: number;
  base: string;
  cols: GridColumns;
  editable: boolean;
  /** last year's row of this indicator, if any */
  prior: PriorMatch | null | undefined;
  priorYearText: string;
  patch: (i: number, p: Partial<Indicator>) => void;
  remove: (i: number) => void;
}

/** One indicator's row: rendered again only when its indicator (or last year's beside it) changes. */
const IndicatorRow = memo(function IndicatorRow({ ind, i, base, cols, editable, prior, priorYearText, patch, remove }: RowProps) {
  const p = `${base}[${i}]`;
  return (
    <tr>
      <td className="jx-center">{i + 1}</td>
      <td>
        <SelectField path={`${p}.level1`} value={ind.level1 || null} options={cols.level1Options} allowFree cell ariaLabel={`第${i + 1}项${cols.label.level1}`} gridRow={i} gridCol={col('level1')} />
      </td>
      <td>
        <SelectField path={`${p}.level2`} value={ind.level2 || null} options={cols.level2Options} allowFree cell ariaLabel={`第${i + 1}项${cols.label.level2}`} gridRow={i} gridCol={col('level2')} />
      </td>
      <td>
        <AreaField path={`${p}.name`} value={ind.name} cell minRows={1} ariaLabel={`第${i + 1}项${cols.label.name}`} maxLength={cols.text} gridRow={i} gridCol={col('name')} />
        {ind.libraryId && <Tag className="jx-lib-tag" title="引自指标库：下一年度可据此对照本年数值">指标库</Tag>}
      </td>
      <td>
        <SelectField
          path={`${p}.kind`}
          also={[`${p}.operator`]}
          value={natureOf(ind)}
          options={NATURE_OPTIONS}
          cell
          placeholder="选择"
          ariaLabel={`第${i + 1}项${cols.label.nature}`}
          gridRow={i}
          gridCol={col('nature')}
          onValue={(v) => patch(i, indicatorPatch('nature', v))}
        />
      </td>
      <td>
        <TargetCell index={i} ind={ind} onPatch={patch} label={cols.label.target} />
        <PriorValue match={prior} field="target" year={priorYearText} />
      </td>
      <td>
        <TextField path={`${p}.unit`} value={ind.unit} cell ariaLabel={`第${i + 1}项${cols.label.unit}`} maxLength={40} gridRow={i} gridCol={col('unit')} />
      </td>
      <td>
        <ValueCell index={i} ind={ind} onPatch={patch} label={cols.label.actual} />
        <PriorValue match={prior} field="actual" year={priorYearText} />
      </td>
      <td>
        <AreaField path={`${p}.deviationReason`} value={ind.deviationReason} cell minRows={1} ariaLabel={`第${i + 1}项${cols.label.reason}`} maxLength={cols.text} gridRow={i} gridCol={col('reason')} />
      </td>
      {editable && (
        <td className="jx-center">
          <Button size="small" type="text" danger aria-label={`删除第${i + 1}项指标`} onClick={() => remove(i)}>
            删除
          </Button>
        </td>
      )}
    </tr>
  );
});

/** Last year's 指标值 or 完成值 of the same indicator, under this year's. */
function PriorValue({ match, field, year }: { match: PriorMatch | null | undefined; field: 'target' | 'actual'; year: string }) {
  if (!match) return null;
  const text = field === 'target' ? targetText(match.indicator) : match.indicator.actual;
  return (
    <div className="jx-prior" data-testid="prior-value">
      {year}：{text || '（空）'}
    </div>
  );
}

type CellProps = { index: number; ind: Indicator; label: string; onPatch: (i: number, p: Partial<Indicator>) => void };

/** 指标值: writes target and its numeric part together. */
function TargetCell({ index, ind, label, onPatch }: CellProps) {
  return <BoundText path={`performance.indicators[${index}].target`} also={[`performance.indicators[${index}].targetValue`]} value={ind.target} label={`第${index + 1}项${label}`} row={index} col={col('target')} onText={(t) => onPatch(index, indicatorPatch('target', t))} />;
}

/** 完成值: writes actual and its numeric part together. */
function ValueCell({ index, ind, label, onPatch }: CellProps) {
  return <BoundText path={`performance.indicators[${index}].actual`} also={[`performance.indicators[${index}].actualValue`]} value={ind.actual} label={`第${index + 1}项${label}`} row={index} col={col('actual')} onText={(t) => onPatch(index, indicatorPatch('actual', t))} />;
}

function BoundText({ path, also, value, label, row, col: column, onText }: { path: string; also: string[]; value: string; label: string; row: number; col: number; onText: (t: string) => void }) {
  const ctx = useEditor();
  const editable = ctx.canEdit(path);
  return (
    <PathField path={path} also={also} cell>
      <Input.TextArea
        value={value}
        autoSize={{ minRows: 1, maxRows: 8 }}
        readOnly={!editable}
        variant={editable ? 'outlined' : 'borderless'}
        aria-label={label}
        data-grid-row={row}
        data-grid-col={column}
        onChange={(e) => onText(e.target.value)}
      />
    </PathField>
  );
}
