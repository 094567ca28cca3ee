// The sheets that carry texts rather than amounts: the label | value sheet (封面及概况), 定性目标,
// 绩效指标, 评价人员及签署 and 综述. Every sheet starts with one header row; long texts wrap in wide columns.
import type { Workbook, Worksheet } from 'exceljs';
import { field, type FormDescriptor, section, unnumbered } from '../../../core/forms/index';
import type { Report, Signoff } from '../../../core/model/report';
import { getAt } from '../../../core/paths';
import { indicatorCells, indicatorHeaders } from './columns';
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

/** The sections whose fields the label | value sheet lists: the cover, field sections and the score. */
const FIELD_SHEET_SECTIONS = new Set(['cover', 'fields', 'budgetGrid', 'performance']);

/** 封面及概况: every field of those sections as 项目 | 内容, in the form's order; a list once per item. */
export function writeCoverSheet(wb: Workbook, form: FormDescriptor, report: Report): void {
  const sheet = form.workbook.fieldSheet;
  const ws = wb.addWorksheet(sheet.name, frozen);
  addSheet(ws, sheet.headers, [30, 100]);
  const text = new Set<string>();
  for (const s of form.sections.filter((x) => FIELD_SHEET_SECTIONS.has(x.type))) {
    for (const path of s.fields) {
      const f = field(form, path);
      const v = getAt(report, path);
      if (f.keepText) text.add(f.label);
      // a report without list items still shows where they go
      if (f.type === 'list') for (const item of (v as string[]).length ? (v as string[]) : ['']) addBodyRow(ws, [f.label, item], [1, 2]);
      else addBodyRow(ws, [f.label, f.type === 'date' ? excelDate(v as string | null) : ((v as Value) ?? null)], [1, 2]);
    }
  }
  // codes and phone numbers are text: Excel must not turn 0730… into a number
  ws.eachRow((row) => {
    if (text.has(row.getCell(1).value as string)) row.getCell(2).numFmt = '@';
  });
  printSetup(ws, { landscape: false, title: sheet.name });
}

function writeQualitative(wb: Workbook, form: FormDescriptor, report: Report): void {
  const q = form.indicators.qualitative;
  const ws = wb.addWorksheet(form.workbook.qualitativeSheet, frozen);
  addSheet(ws, [q.serial, q.target, q.result], [8, 60, 60]);
  report.performance.qualitative.forEach((pair, i) => addBodyRow(ws, [i + 1, pair.target, pair.result], [2, 3]));
  printSetup(ws, { landscape: true, title: q.label });
}

function writeIndicators(wb: Workbook, form: FormDescriptor, report: Report): void {
  const ws = wb.addWorksheet(form.workbook.indicatorSheet, frozen);
  addSheet(ws, indicatorHeaders(form), [14, 16, 50, 10, 14, 10, 20, 8, 8, 30]);
  for (const ind of report.performance.indicators) addBodyRow(ws, indicatorCells(form, ind), [1, 2, 3, 5, 7, 10]);
  printSetup(ws, { landscape: true, title: form.indicators.label });
}

/** 评价人员 first (frozen header), then the 签署 block and the 填报人 block, each under its own header row. */
function writePeople(wb: Workbook, form: FormDescriptor, report: Report): void {
  const p = form.people;
  const ws = wb.addWorksheet(form.workbook.peopleSheet, frozen);
  addSheet(ws, p.evaluators.columns.map((c) => c.label), [24, 50, 30, 16]);
  for (const e of report.evaluators) addBodyRow(ws, p.evaluators.columns.map((c) => e[c.key as keyof typeof e] ?? ''), [3]);
  ws.addRow([]);
  styleHeader(ws.addRow([p.grid.block, p.grid.opinion, p.grid.signer[0]!, p.grid.date[0]!]));
  for (const b of p.blocks) {
    const s: Signoff = report.signoffs[b.key];
    addBodyRow(ws, [b.party, s.opinion, s.signer, excelDate(s.date)], [2]);
  }
  ws.addRow([]);
  styleHeader(ws.addRow([field(form, 'preparer.name').label, field(form, 'preparer.phone').label]));
  addBodyRow(ws, [report.preparer.name, report.preparer.phone], []);
  ws.lastRow!.getCell(2).numFmt = '@';
  printSetup(ws, { landscape: false, title: form.workbook.peopleSheet });
}

function writeNarrative(wb: Workbook, form: FormDescriptor, report: Report): void {
  const sheet = form.workbook.narrativeSheet;
  const ws = wb.addWorksheet(sheet.name, frozen);
  addSheet(ws, sheet.headers, [20, 36, 100]);
  const names = new Map(form.narrative.map((n) => [n.key, n.label]));
  for (const n of report.narrative) addBodyRow(ws, [names.get(n.key) ?? n.key, n.heading, n.text], [2, 3]);
  printSetup(ws, { landscape: false, title: unnumbered(section(form, 'narrative').label) });
}

export function writeDetailSheets(wb: Workbook, form: FormDescriptor, report: Report): void {
  writeQualitative(wb, form, report);
  writeIndicators(wb, form, report);
  writePeople(wb, form, report);
  writeNarrative(wb, form, report);
}
