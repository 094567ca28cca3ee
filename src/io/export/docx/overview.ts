// 一、部门（单位）基本概况: label | value pairs, then the three long texts, in one bordered table.
// Labels are the seed's, line breaks included ("年度主要\n工作内容"), so the importer meets the same text.
import type { Table } from 'docx';
import type { Report } from '../../../core/model/report';
import { listParas, S } from './style';
import { type CellSpec, formTable, grid, type RowSpec, titleRow } from './table';

const COLUMNS = grid([22, 28, 22, 28]);

const label = (text: string): CellSpec => ({ content: text, style: S.formLabel });
const value = (text: string): CellSpec => ({ content: text, style: S.formLabel });
const long = (text: string): CellSpec => ({ content: text, colSpan: 3, style: S.formText });

export function overviewTable(report: Report): Table {
  const o = report.overview;
  const num = (n: number | null): string => (n == null ? '' : String(n));
  const rows: RowSpec[] = [
    titleRow('一、部门（单位）基本概况', 4),
    { cells: [label('联系人'), value(o.contact), label('联络电话'), value(o.phone)], minHeightPt: 24, cantSplit: true },
    {
      cells: [label('人员编制'), value(num(o.staffQuota)), label('实有人数'), value(num(o.actualStaff))],
      minHeightPt: 24,
      cantSplit: true,
    },
    { cells: [label('职能职责概述'), long(o.duties)], minHeightPt: 60 },
    {
      // tasks stay one per paragraph: the importer splits them back by line
      cells: [label('年度主要\n工作内容'), { content: listParas(o.tasks.join('\n'), S.formList), colSpan: 3 }],
      minHeightPt: 60,
    },
    { cells: [label('年度部门（单位）总体运行情况及取得的成绩'), long(o.achievements)], minHeightPt: 80 },
  ];
  return formTable(COLUMNS, rows);
}
