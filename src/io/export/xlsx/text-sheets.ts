// The sheets that carry texts rather than amounts: 封面及概况 (label | value), 定性目标, 绩效指标,
// 评价人员及签署 and 综述. Every sheet starts with one header row; long texts wrap in wide columns.
import type { Workbook, Worksheet } from 'exceljs';
import type { Report, Signoff } from '../../../core/model/report';
import { INDICATOR_HEADERS, indicatorCells, NARRATIVE_LABEL } from './columns';
import { addSheet, printSetup, styleBody, styleHeader } from './format';

const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const frozen = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

/** ISO date → a date cell value (UTC midnight, which Excel shows as that calendar day). */
export function excelDate(iso: string | null): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

type Value = string | number | Date | null;

function addBodyRow(ws: Worksheet, values: Value[], wrap: number[]): void {
  const row = ws.addRow(values);
  styleBody(row, wrap);
  row.eachCell((cell) => {
    if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
  });
}

/** 封面及概况: every cover and overview field as 项目 | 内容; 年度主要工作内容 once per task. */
export const COVER_LABELS = {
  title: '标题',
  region: '地区',
  year: '年度',
  departmentName: '部门(单位)名称',
  budgetCode: '预算编码',
  evaluationMethod: '评价方式',
  evaluator: '评价机构',
  reportDate: '报告日期',
  issuer: '制表单位',
  contact: '联系人',
  phone: '联络电话',
  staffQuota: '人员编制',
  actualStaff: '实有人数',
  duties: '职能职责概述',
  tasks: '年度主要工作内容',
  achievements: '年度部门（单位）总体运行情况及取得的成绩',
  selfScore: '绩效自评综合得分',
  grade: '评价等次',
} as const;

export function writeCoverSheet(wb: Workbook, report: Report): void {
  const ws = wb.addWorksheet('封面及概况', frozen);
  addSheet(ws, ['项目', '内容'], [30, 100]);
  const { cover: c, overview: o, performance: p } = report;
  const L = COVER_LABELS;
  const rows: Array<[string, Value]> = [
    [L.title, c.title],
    [L.region, c.region],
    [L.year, report.year],
    [L.departmentName, c.departmentName],
    [L.budgetCode, c.budgetCode],
    [L.evaluationMethod, c.evaluationMethod],
    [L.evaluator, c.evaluator],
    [L.reportDate, excelDate(c.reportDate)],
    [L.issuer, c.issuer],
    [L.contact, o.contact],
    [L.phone, o.phone],
    [L.staffQuota, o.staffQuota],
    [L.actualStaff, o.actualStaff],
    [L.duties, o.duties],
    // a report without tasks still shows where they go
    ...(o.tasks.length ? o.tasks : ['']).map((t): [string, Value] => [L.tasks, t]),
    [L.achievements, o.achievements],
    [L.selfScore, p.selfScore],
    [L.grade, p.grade],
  ];
  for (const [label, value] of rows) addBodyRow(ws, [label, value], [1, 2]);
  // codes and phone numbers are text: Excel must not turn 0730… into a number
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    if (label === L.budgetCode || label === L.phone) row.getCell(2).numFmt = '@';
  });
  printSetup(ws, { landscape: false, title: '封面及概况' });
}

function writeQualitative(wb: Workbook, report: Report): void {
  const ws = wb.addWorksheet('定性目标', frozen);
  addSheet(ws, ['序号', '预期目标', '实际完成'], [8, 60, 60]);
  report.performance.qualitative.forEach((q, i) => addBodyRow(ws, [i + 1, q.target, q.result], [2, 3]));
  printSetup(ws, { landscape: true, title: '整体支出绩效定性目标及实施计划完成情况' });
}

function writeIndicators(wb: Workbook, report: Report): void {
  const ws = wb.addWorksheet('绩效指标', frozen);
  addSheet(ws, INDICATOR_HEADERS, [14, 16, 50, 10, 14, 10, 20, 8, 8, 30]);
  for (const ind of report.performance.indicators) addBodyRow(ws, indicatorCells(ind), [1, 2, 3, 5, 7, 10]);
  printSetup(ws, { landscape: true, title: '整体支出绩效定量目标及实施计划完成情况' });
}

export const SIGNOFF_LABELS = {
  leader: '评价组组长',
  department: '部门（单位）',
  finance: '财政部门归口业务科室',
} as const;

/** 评价人员 first (frozen header), then the 签署 block and the 填报人 block, each under its own header row. */
function writePeople(wb: Workbook, report: Report): void {
  const ws = wb.addWorksheet('评价人员及签署', frozen);
  addSheet(ws, ['姓名', '职务/职称', '单位', '签字'], [24, 50, 30, 16]);
  for (const e of report.evaluators) addBodyRow(ws, [e.name, e.title, e.unit, e.signature], [3]);
  ws.addRow([]);
  styleHeader(ws.addRow(['签署', '意见', '签字人', '日期']));
  for (const key of ['leader', 'department', 'finance'] as const) {
    const s: Signoff = report.signoffs[key];
    addBodyRow(ws, [SIGNOFF_LABELS[key], s.opinion, s.signer, excelDate(s.date)], [2]);
  }
  ws.addRow([]);
  styleHeader(ws.addRow(['填报人', '联系电话']));
  addBodyRow(ws, [report.preparer.name, report.preparer.phone], []);
  ws.lastRow!.getCell(2).numFmt = '@';
  printSetup(ws, { landscape: false, title: '评价人员及签署' });
}

function writeNarrative(wb: Workbook, report: Report): void {
  const ws = wb.addWorksheet('综述', frozen);
  addSheet(ws, ['类别', '标题', '内容'], [20, 36, 100]);
  for (const n of report.narrative) addBodyRow(ws, [NARRATIVE_LABEL[n.key], n.heading, n.text], [2, 3]);
  printSetup(ws, { landscape: false, title: '评价报告综述（文字部分）' });
}

export function writeDetailSheets(wb: Workbook, report: Report): void {
  writeQualitative(wb, report);
  writeIndicators(wb, report);
  writePeople(wb, report);
  writeNarrative(wb, report);
}
