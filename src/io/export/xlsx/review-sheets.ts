// 评分表 (the scorecard against the template's 评分表, beside the team's claimed self-score) and 发现问题
// (the findings). Both are written only when the caller passes them: they are judgements of the report,
// not part of it.
import type { Workbook } from 'exceljs';
import { type Finding, SEVERITY_LABEL } from '../../../core/model/finding';
import type { ItemStatus, ScoreItem, Scorecard } from '../../../core/model/score';
import { addSheet, FONT_BOLD, printSetup, styleBody } from './format';

export const SCORE_HEADERS = ['一级指标', '二级指标', '三级指标', '分值', '得分', '状态', '说明/扣分原因', '自评得分'] as const;
export const FINDING_HEADERS = ['级别', '代码', '位置', '说明'] as const;

export const STATUS_LABEL: Record<ItemStatus, string> = {
  scored: '已评分',
  insufficient: '依据不足',
  unknown: '评分表未定',
  notApplicable: '不适用',
};

/** 一级 / 二级 / 三级 from the item's path and name; deeper trees fold their middle levels into 二级. */
export function levels(item: ScoreItem): [string, string, string] {
  const names = [...item.path];
  if (names[names.length - 1] !== item.name) names.push(item.name);
  if (names.length <= 3) return [names[0] ?? '', names.length === 3 ? names[1]! : '', names[names.length - 1] ?? ''];
  return [names[0]!, names.slice(1, -1).join(' / '), names[names.length - 1]!];
}

function explanation(item: ScoreItem): string {
  const lines = [item.explanation];
  if (item.metric) lines.push(`指标值：${item.metric}`);
  for (const d of item.deductions) lines.push(`扣${d.points}分：${d.reason}`);
  if (item.missing?.length) lines.push(`缺少：${item.missing.join('、')}`);
  return lines.filter(Boolean).join('\n');
}

const BASIS_LABEL: Record<Scorecard['basis'], string> = { complete: '全部可计算', partial: '部分可计算', none: '无法计算' };

export function writeScoreSheet(wb: Workbook, score: Scorecard): void {
  const ws = wb.addWorksheet('评分表', { views: [{ state: 'frozen', ySplit: 1 }] });
  addSheet(ws, SCORE_HEADERS, [12, 16, 26, 8, 8, 12, 60, 10]);
  for (const item of score.items) {
    const row = ws.addRow([...levels(item), item.weight, item.score, STATUS_LABEL[item.status], explanation(item), item.claimed ?? null]);
    styleBody(row, [3, 7]);
  }
  const first = 2;
  const last = score.items.length + 1;
  const total = ws.addRow(['合计', '', '', null, null, BASIS_LABEL[score.basis], '', score.claimed.score]);
  const weightSum = score.items.reduce((a, i) => a + i.weight, 0);
  if (score.items.length) {
    total.getCell(4).value = { formula: `SUM(D${first}:D${last})`, result: weightSum };
    if (score.total != null) total.getCell(5).value = { formula: `SUM(E${first}:E${last})`, result: score.total };
  }
  if (score.total == null) {
    total.getCell(7).value = `有指标无法计算，不给出总分；可计算部分分值 ${score.computable.weight} 分，得分 ${score.computable.score} 分。`;
  }
  const grade = ws.addRow(['评价等次', '', '', null, score.grade ?? '', '', '', score.claimed.grade]);
  for (const row of [total, grade]) {
    styleBody(row, [7]);
    row.eachCell({ includeEmpty: true }, (cell) => (cell.font = FONT_BOLD));
  }
  printSetup(ws, { landscape: true, title: `评分表（${score.templateName}）` });
}

export function writeFindingsSheet(wb: Workbook, findings: readonly Finding[]): void {
  const ws = wb.addWorksheet('发现问题', { views: [{ state: 'frozen', ySplit: 1 }] });
  addSheet(ws, FINDING_HEADERS, [8, 24, 36, 90]);
  for (const f of findings) styleBody(ws.addRow([SEVERITY_LABEL[f.severity], f.code, f.path, f.message]), [3, 4]);
  printSetup(ws, { landscape: true, title: '发现问题' });
}
