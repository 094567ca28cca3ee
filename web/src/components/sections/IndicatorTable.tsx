// 整体支出绩效定量目标: one row per 三级指标 with 一级/二级, 指标性质, 指标值, 单位, 完成值, 偏差原因.
// 指标值 and 完成值 also set their numeric parts (targetValue, actualValue) that the rules read.
import { Button, Input, Space, Tag } from 'antd';
import { memo, useCallback, useMemo, useState } from 'react';
import { matchPriorYear, type PriorMatch } from '../../../../src/core/library/prior-year';
import { quotedLibraryIds, targetText } from '../../../../src/core/library/quote';
import type { Indicator } from '../../../../src/core/model/report';
import { LEVEL1_OPTIONS, LEVEL2_OPTIONS, NATURE_OPTIONS, indicatorPatch, natureOf } from '../../lib/indicator-values';
import { useEditor } from '../editor/editor-context';
import { AreaField, SelectField, TextField } from '../editor/fields';
import { PathField } from '../editor/PathField';
import { ReturnNotes } from '../editor/ReturnNotes';
import { QuoteLibraryDialog } from '../library/QuoteLibraryDialog';
import { SubTitle } from './Section';


const blank = (): Indicator => ({
  level1: '产出目标',
  level2: '数量指标',
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
  const base = 'performance.indicators';
  const editable = ctx.canEdit(base);
  // stable, so that a row whose indicator did not change skips rendering (a report may have hundreds)
  const patch = useCallback((i: number, p: Partial<Indicator>) => ctx.update(`${base}[${i}]`, (old) => ({ ...(old as Indicator), ...p })), [ctx]);
  const remove = useCallback((i: number) => ctx.update(base, (old) => (old as Indicator[]).filter((_, j) => j !== i)), [ctx]);
  const [quoting, setQuoting] = useState(false);
  const quoted = useMemo(() => new Set(quotedLibraryIds(indicators)), [indicators]);
  // last year's row of each indicator (same library entry, else same category and name): shown beside this year's
  const prior = useMemo(() => (ctx.priorYear ? matchPriorYear(indicators, ctx.priorYear.indicators) : []), [indicators, ctx.priorYear]);
  const priorYearText = ctx.priorYear?.year != null ? `${ctx.priorYear.year}年` : '上年';

  return (
    <PathField path={base} className="jx-ind-wrap">
      <SubTitle
        extra={
          editable && (
            <Space size="small">
              <Button size="small" onClick={() => setQuoting(true)}>
                从指标库引用
              </Button>
              <Button size="small" onClick={() => ctx.update(base, (old) => [...((old as Indicator[]) ?? []), blank()])}>
                添加指标
              </Button>
            </Space>
          )
        }
      >
        整体支出绩效定量目标及实施计划完成情况
      </SubTitle>
      {editable && (
        <QuoteLibraryDialog open={quoting} year={year} quoted={quoted} onClose={() => setQuoting(false)} onQuote={(rows) => ctx.update(base, (old) => [...((old as Indicator[]) ?? []), ...rows])} />
      )}
      <div className="jx-table-scroll">
        <table className="jx-ind jx-ind-wide">
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
              <th>序号</th>
              <th>一级指标</th>
              <th>二级指标</th>
              <th>三级指标</th>
              <th>指标性质</th>
              <th>指标值</th>
              <th>单位</th>
              <th>完成值</th>
              <th>偏差原因分析及改进措施</th>
              {editable && <th aria-label="操作" />}
            </tr>
          </thead>
          <tbody>
            {indicators.length === 0 && (
              <tr>
                <td colSpan={editable ? 10 : 9} className="jx-empty-line">
                  尚未填写定量指标。
                </td>
              </tr>
            )}
            {indicators.map((ind, i) => (
              <IndicatorRow key={i} ind={ind} i={i} editable={editable} prior={prior[i]} priorYearText={priorYearText} patch={patch} remove={remove} />
            ))}
          </tbody>
        </table>
      </div>
      <ReturnNotes prefix={base} describe={(p) => p.replace(/^performance\.indicators\[(\d+)\]\.?/, (_, i: string) => `第${Number(i) + 1}项 `)} />
    </PathField>
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

interface RowProps {
  ind: Indicator;
  i: number;
  editable: boolean;
  /** last year's row of this indicator, if any */
  prior: PriorMatch | null | undefined;
  priorYearText: string;
  patch: (i: number, p: Partial<Indicator>) => void;
  remove: (i: number) => void;
}

/** One indicator's row: rendered again only when its indicator (or last year's beside it) changes. */
const IndicatorRow = memo(function IndicatorRow({ ind, i, editable, prior, priorYearText, patch, remove }: RowProps) {
  const p = `performance.indicators[${i}]`;
  return (
    <tr>
      <td className="jx-center">{i + 1}</td>
      <td>
        <SelectField path={`${p}.level1`} value={ind.level1 || null} options={LEVEL1_OPTIONS} allowFree cell ariaLabel={`第${i + 1}项一级指标`} />
      </td>
      <td>
        <SelectField path={`${p}.level2`} value={ind.level2 || null} options={LEVEL2_OPTIONS} allowFree cell ariaLabel={`第${i + 1}项二级指标`} />
      </td>
      <td>
        <AreaField path={`${p}.name`} value={ind.name} cell minRows={1} ariaLabel={`第${i + 1}项三级指标`} />
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
          ariaLabel={`第${i + 1}项指标性质`}
          onValue={(v) => patch(i, indicatorPatch('nature', v))}
        />
      </td>
      <td>
        <TargetCell index={i} ind={ind} onPatch={patch} />
        <PriorValue match={prior} field="target" year={priorYearText} />
      </td>
      <td>
        <TextField path={`${p}.unit`} value={ind.unit} cell ariaLabel={`第${i + 1}项单位`} />
      </td>
      <td>
        <ValueCell index={i} ind={ind} onPatch={patch} />
        <PriorValue match={prior} field="actual" year={priorYearText} />
      </td>
      <td>
        <AreaField path={`${p}.deviationReason`} value={ind.deviationReason} cell minRows={1} ariaLabel={`第${i + 1}项偏差原因`} />
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

/** 指标值: writes target and its numeric part together. */
function TargetCell({ index, ind, onPatch }: { index: number; ind: Indicator; onPatch: (i: number, p: Partial<Indicator>) => void }) {
  return <BoundText path={`performance.indicators[${index}].target`} also={[`performance.indicators[${index}].targetValue`]} value={ind.target} label={`第${index + 1}项指标值`} onText={(t) => onPatch(index, indicatorPatch('target', t))} />;
}

/** 完成值: writes actual and its numeric part together. */
function ValueCell({ index, ind, onPatch }: { index: number; ind: Indicator; onPatch: (i: number, p: Partial<Indicator>) => void }) {
  return <BoundText path={`performance.indicators[${index}].actual`} also={[`performance.indicators[${index}].actualValue`]} value={ind.actual} label={`第${index + 1}项完成值`} onText={(t) => onPatch(index, indicatorPatch('actual', t))} />;
}

function BoundText({ path, also, value, label, onText }: { path: string; also: string[]; value: string; label: string; onText: (t: string) => void }) {
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
        onChange={(e) => onText(e.target.value)}
      />
    </PathField>
  );
}
