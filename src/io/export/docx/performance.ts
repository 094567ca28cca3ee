// 三、部门（单位）整体支出绩效自评情况: the qualitative targets beside what was done, the quantitative
// indicators with 一级/二级 merged down their rows, then 绩效自评综合得分 and 评价等次.
import type { Table } from 'docx';
import type { Indicator, Report } from '../../../core/model/report';
import { listParas, S } from './style';
import { type CellSpec, formTable, grid, type RowSpec, titleRow } from './table';

// A | 一级 | 二级 | 绩效目标 (two grid columns) | 完成情况. The 绩效目标 split lets 预期目标 and 实际完成
// above share the width evenly.
const COLUMNS = grid([1300, 1500, 1100, 1172, 2472, 1300]);
const GRID = COLUMNS.length;

/** The template's explanation under each 一级 heading, printed as the form has it. */
const LEVEL1_NOTE: Record<string, string> = {
  产出目标: '（部门工作实绩，包含上级部门和市委市政府布置的重点工作、实事任务等，根据部门实际进行调整细化）',
  效益目标: '（预期实现的效益）',
};

export function level1Label(level1: string): string {
  const note = LEVEL1_NOTE[level1];
  return note ? `${level1}\n${note}` : level1;
}

/**
 * The 绩效目标 cell: the indicator as written, with its 指标值 appended when the name does not already
 * say it (the template has no column of its own for the target value).
 */
export function indicatorTargetText(ind: Indicator): string {
  const target = ind.target.trim();
  return target && !ind.name.includes(target) ? `${ind.name}（目标值：${target}）` : ind.name;
}

/** 完成情况, with the 偏差原因 under it when there is one (the form has no column for it). */
export function indicatorResultText(ind: Indicator): string {
  const reason = ind.deviationReason.trim();
  return reason ? `${ind.actual}\n偏差原因：${reason}` : ind.actual;
}

/** Lengths of runs of equal keys: ['a','a','b'] → [2, 1] starting at indices [0, 2]. */
function runs<T>(items: readonly T[], key: (t: T) => string): Map<number, number> {
  const starts = new Map<number, number>();
  let i = 0;
  while (i < items.length) {
    let j = i + 1;
    while (j < items.length && key(items[j]!) === key(items[i]!)) j++;
    starts.set(i, j - i);
    i = j;
  }
  return starts;
}

const text = (content: string, colSpan = 1): CellSpec => ({ content, colSpan, style: S.cellText, valign: 'top' });

function indicatorRows(indicators: readonly Indicator[]): RowSpec[] {
  if (indicators.length === 0) return [{ cells: [text(''), text(''), text('', 2), text('')], minHeightPt: 20 }];
  const level1Runs = runs(indicators, (i) => i.level1);
  // 二级 merges never cross a 一级 boundary
  const level2Runs = runs(indicators, (i) => `${i.level1}\u0000${i.level2}`);
  return indicators.map((ind, k) => {
    const cells: CellSpec[] = [];
    const l1 = level1Runs.get(k);
    if (l1) cells.push({ content: level1Label(ind.level1), rowSpan: l1 });
    const l2 = level2Runs.get(k);
    if (l2) cells.push({ content: ind.level2, rowSpan: l2 });
    cells.push(text(indicatorTargetText(ind), 2), { content: indicatorResultText(ind) });
    // an indicator is a few lines: never split one across two pages
    return { cells, minHeightPt: 20, cantSplit: true };
  });
}

export function performanceTable(report: Report): Table {
  const p = report.performance;
  const indicators = indicatorRows(p.indicators);
  const rows: RowSpec[] = [
    titleRow('三、部门（单位）整体支出绩效自评情况', GRID),
    {
      cells: [
        { content: '整体支出绩效定性目标及实施计划完成情况', rowSpan: 2 },
        { content: '预期目标', colSpan: 3 },
        { content: '实际完成', colSpan: 2 },
      ],
      cantSplit: true,
      keepNext: true,
      minHeightPt: 20,
    },
    {
      // one paragraph per target and per result, in the same order, as the template's two cells
      cells: [
        { content: listParas(p.qualitative.map((q) => q.target).join('\n'), S.cellText), colSpan: 3, valign: 'top' },
        { content: listParas(p.qualitative.map((q) => q.result).join('\n'), S.cellText), colSpan: 2, valign: 'top' },
      ],
      minHeightPt: 60,
    },
    {
      cells: [
        { content: '整体支出\n绩效定量目标及实施计划完成情况', rowSpan: 1 + indicators.length },
        { content: '评价内容', colSpan: 2 },
        { content: '绩效目标', colSpan: 2 },
        { content: '完成情况' },
      ],
      cantSplit: true,
      keepNext: true,
      minHeightPt: 20,
    },
    ...indicators,
    {
      cells: [
        { content: '绩效自评综合得分', colSpan: 2 },
        { content: p.selfScore == null ? '' : String(p.selfScore), colSpan: 4 },
      ],
      cantSplit: true,
      minHeightPt: 22,
    },
    { cells: [{ content: '评价等次', colSpan: 2 }, { content: p.grade, colSpan: 4 }], cantSplit: true, minHeightPt: 22 },
  ];
  return formTable(COLUMNS, rows);
}
