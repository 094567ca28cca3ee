// 三、部门（单位）整体支出绩效自评情况: the qualitative targets beside what was done, the quantitative
// indicators with 一级/二级 merged down their rows, then 绩效自评综合得分 and 评价等次.
import type { Table } from 'docx';
import { type FormDescriptor, printLabel, type SectionDef } from '../../../core/forms/index';
import type { Indicator, Report } from '../../../core/model/report';
import { indicatorResultText, indicatorTargetText } from '../content';
import { level1Note } from '../html/performance';
import { listParas, S } from './style';
import { type CellSpec, formTable, grid, type RowSpec, titleRow } from './table';

// A | 一级 | 二级 | 绩效目标 (two grid columns) | 完成情况. The 绩效目标 split lets 预期目标 and 实际完成
// above share the width evenly.
const COLUMNS = grid([1300, 1500, 1100, 1172, 2472, 1300]);
const GRID = COLUMNS.length;

/** The 一级 name with the form's explanation under it, printed as the form has it. */
export function level1Label(form: FormDescriptor, level1: string): string {
  const note = level1Note(form, level1);
  return note ? `${level1}\n${note}` : level1;
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

function indicatorRows(form: FormDescriptor, indicators: readonly Indicator[]): RowSpec[] {
  if (indicators.length === 0) return [{ cells: [text(''), text(''), text('', 2), text('')], minHeightPt: 20 }];
  const level1Runs = runs(indicators, (i) => i.level1);
  // 二级 merges never cross a 一级 boundary
  const level2Runs = runs(indicators, (i) => `${i.level1}\u0000${i.level2}`);
  return indicators.map((ind, k) => {
    const cells: CellSpec[] = [];
    const l1 = level1Runs.get(k);
    if (l1) cells.push({ content: level1Label(form, ind.level1), rowSpan: l1 });
    const l2 = level2Runs.get(k);
    if (l2) cells.push({ content: ind.level2, rowSpan: l2 });
    cells.push(text(indicatorTargetText(form, ind), 2), { content: indicatorResultText(form, ind) });
    // an indicator is a few lines: never split one across two pages
    return { cells, minHeightPt: 20, cantSplit: true };
  });
}

export function performanceTable(form: FormDescriptor, section: SectionDef, report: Report): Table {
  const p = report.performance;
  const g = form.indicators;
  const indicators = indicatorRows(form, p.indicators);
  const rows: RowSpec[] = [
    titleRow(section.label, GRID),
    {
      cells: [
        { content: g.qualitative.label, rowSpan: 2 },
        { content: g.qualitative.target, colSpan: 3 },
        { content: g.qualitative.result, colSpan: 2 },
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
        { content: g.print ?? g.label, rowSpan: 1 + indicators.length },
        { content: g.printed.content, colSpan: 2 },
        { content: g.printed.target, colSpan: 2 },
        { content: g.printed.result },
      ],
      cantSplit: true,
      keepNext: true,
      minHeightPt: 20,
    },
    ...indicators,
    {
      cells: [
        { content: printLabel(form, 'performance.selfScore'), colSpan: 2 },
        { content: p.selfScore == null ? '' : String(p.selfScore), colSpan: 4 },
      ],
      cantSplit: true,
      minHeightPt: 22,
    },
    { cells: [{ content: printLabel(form, 'performance.grade'), colSpan: 2 }, { content: p.grade, colSpan: 4 }], cantSplit: true, minHeightPt: 22 },
  ];
  return formTable(COLUMNS, rows);
}
