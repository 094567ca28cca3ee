// 评分表 (the scorecard against the template's 评分表, beside the team's claimed self-score) and 发现问题
// (the findings). Both are written only when the caller passes them: they are judgements of the report,
// not part of it.
import type { Workbook } from 'exceljs';
import { type FormDescriptor, label } from '../../../core/forms/index';
import { type Finding, SEVERITY_LABEL } from '../../../core/model/finding';
import { ITEM_STATUS_LABEL, type ScoreItem, type Scorecard } from '../../../core/model/score';
import type { Report } from '../../../core/model/report';
import { scoreLevels, scoreTable } from '../content';
import { addSheet, FONT_BOLD, printSetup, styleBody } from './format';

/** The 评分表 sheet's header row: the printed sheet's levels and weight, then the review's own columns. */
export function scoreHeaders(form: FormDescriptor): string[] {
  const w = form.workbook.scoreSheet;
  return [...form.scorePrint.levels, form.scorePrint.weight, w.score, w.status, w.note, w.claimed];
}

function explanation(item: ScoreItem): string {
  const lines = [item.explanation];
  if (item.metric) lines.push(`指标值：${item.metric}`);
  for (const d of item.deductions) lines.push(`扣${d.points}分：${d.reason}`);
  if (item.missing?.length) lines.push(`缺少：${item.missing.join('、')}`);
  return lines.filter(Boolean).join('\n');
}

const BASIS_LABEL: Record<Scorecard['basis'], string> = { complete: '全部可计算', partial: '部分可计算', none: '无法计算' };

export function writeScoreSheet(wb: Workbook, form: FormDescriptor, score: Scorecard): void {
  const name = form.workbook.scoreSheet.name;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  addSheet(ws, scoreHeaders(form), [12, 16, 26, 8, 8, 12, 60, 10]);
  for (const item of score.items) {
    const row = ws.addRow([...scoreLevels(item), item.weight, item.score, ITEM_STATUS_LABEL[item.status], explanation(item), item.claimed ?? null]);
    styleBody(row, [3, 7]);
  }
  const first = 2;
  const last = score.items.length + 1;
  const total = ws.addRow([form.scorePrint.total, '', '', null, null, BASIS_LABEL[score.basis], '', score.claimed.score]);
  const weightSum = score.items.reduce((a, i) => a + i.weight, 0);
  if (score.items.length) {
    total.getCell(4).value = { formula: `SUM(D${first}:D${last})`, result: weightSum };
    if (score.total != null) total.getCell(5).value = { formula: `SUM(E${first}:E${last})`, result: score.total };
  }
  if (score.total == null) {
    total.getCell(7).value = `有指标无法计算，不给出总分；可计算部分分值 ${score.computable.weight} 分，得分 ${score.computable.score} 分。`;
  }
  const grade = ws.addRow([label(form, 'performance.grade'), '', '', null, score.grade ?? '', '', '', score.claimed.grade]);
  for (const row of [total, grade]) {
    styleBody(row, [7]);
    row.eachCell({ includeEmpty: true }, (cell) => (cell.font = FONT_BOLD));
  }
  printSetup(ws, { landscape: true, title: `${name}（${score.templateName}）` });
}

/**
 * The official 评分表 sheet: the template's lines with the department's claimed 自评得分 and its notes
 * (the XLSX importer reads them back), 合计 the report's own 绩效自评综合得分.
 */
export function writeClaimedScoreSheet(wb: Workbook, form: FormDescriptor, report: Report, score: Scorecard): void {
  const name = form.workbook.scoreSheet.name;
  const w = form.workbook.scoreSheet;
  const t = scoreTable(report, score, 'official');
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  addSheet(ws, [...form.scorePrint.levels, form.scorePrint.weight, w.claimed, w.note], [12, 16, 26, 8, 10, 60]);
  const num = (s: string) => (s !== '' && Number.isFinite(Number(s)) ? Number(s) : s || null);
  for (const l of t.lines) styleBody(ws.addRow([...l.levels, l.weight, num(l.score), l.notes.join('\n')]), [3, 6]);
  const total = ws.addRow([form.scorePrint.total, '', '', null, num(t.total), '']);
  if (t.lines.length) total.getCell(4).value = { formula: `SUM(D2:D${t.lines.length + 1})`, result: t.weight };
  const grade = ws.addRow([label(form, 'performance.grade'), '', '', null, t.grade, '']);
  for (const row of [total, grade]) row.eachCell({ includeEmpty: true }, (cell) => (cell.font = FONT_BOLD));
  printSetup(ws, { landscape: true, title: `${name}（${score.templateName}）` });
}

export function writeFindingsSheet(wb: Workbook, form: FormDescriptor, findings: readonly Finding[]): void {
  const sheet = form.workbook.findingsSheet;
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  addSheet(ws, sheet.headers, [8, 24, 36, 90]);
  for (const f of findings) styleBody(ws.addRow([SEVERITY_LABEL[f.severity], f.code, f.path, f.message]), [3, 4]);
  printSetup(ws, { landscape: true, title: sheet.name });
}
