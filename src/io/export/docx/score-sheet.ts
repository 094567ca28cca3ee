// 附：评分表 in Word, on a page of its own after the form: the same lines, scores and total as the PDF
// (content.ts scoreTable), 一级/二级 merged down the rows.
import { PageBreak, Paragraph, type Table, TextRun } from 'docx';
import { label, type FormDescriptor } from '../../../core/forms/index';
import type { Report } from '../../../core/model/report';
import type { Scorecard } from '../../../core/model/score';
import { points, type Rendering, scoreTable } from '../content';
import { rowSpans } from '../html/cells';
import { S } from './style';
import { type CellSpec, formTable, grid, type RowSpec } from './table';

const COLUMNS = grid([11, 11, 20, 8, 11, 39]);

export function scoreSheetBlocks(form: FormDescriptor, report: Report, score: Scorecard, rendering: Rendering): Array<Paragraph | Table> {
  const t = scoreTable(report, score, rendering);
  const sp = form.scorePrint;
  const span1 = rowSpans(t.lines.map((l) => l.levels[0]));
  const span2 = rowSpans(t.lines.map((l) => `${l.levels[0]}\u0000${l.levels[1]}`));
  const head: RowSpec = { cells: [...sp.levels, sp.weight, sp.claimed, sp.reason].map((c) => ({ content: c })), cantSplit: true, keepNext: true, minHeightPt: 20 };
  const body = t.lines.map((l, k): RowSpec => {
    const cells: CellSpec[] = [];
    if (span1[k]) cells.push({ content: l.levels[0], rowSpan: span1[k] });
    if (span2[k]) cells.push({ content: l.levels[1], rowSpan: span2[k] });
    cells.push(
      { content: l.levels[2], style: S.cellLeft },
      { content: points(l.weight), style: S.cellAmount },
      { content: l.score, style: l.numeric ? S.cellAmount : S.cell },
      { content: l.notes.join('\n'), style: S.cellText, valign: 'top' },
    );
    return { cells, cantSplit: true, minHeightPt: 18 };
  });
  const total: RowSpec = {
    cells: [{ content: sp.total, colSpan: 3 }, { content: points(t.weight), style: S.cellAmount }, { content: t.total, style: S.cellAmount }, { content: '' }],
    cantSplit: true,
    minHeightPt: 20,
  };
  const grade: RowSpec = { cells: [{ content: label(form, 'performance.grade'), colSpan: 3 }, { content: t.grade, colSpan: 3 }], cantSplit: true, minHeightPt: 20 };
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ style: S.tableTitle.id, children: [new TextRun(sp.title)] }),
    formTable(COLUMNS, [head, ...body, total, grade]),
  ];
}
