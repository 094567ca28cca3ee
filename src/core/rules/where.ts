// Where a finding is, in the words a person sees on the form: section · table · row · column.
import { fenToWan } from '../money';
import { FINANCE_TABLES, SECTION_LABELS, columnLabel } from '../model/layout';
import type { FinanceTableKey, Indicator, Report } from '../model/report';

export function financeCell(report: Report, table: FinanceTableKey, row: number, column?: string): string {
  const def = FINANCE_TABLES.find((t) => t.key === table)!;
  const r = report.finance[table][row];
  const rowName = r ? r.institution : `第${row + 1}行`;
  const col = column ? `·${columnLabel(table, column)}列` : '';
  return `${def.section}·${def.title}·${rowName}行${col}`;
}

export function indicatorPlace(ind: Indicator, index: number): string {
  // "产出目标/数量指标", or whichever of the two is filled in
  const levels = ind.level1 && ind.level2 ? `${ind.level1}/${ind.level2}` : ind.level1 || ind.level2;
  return `${SECTION_LABELS.performance}·定量目标·${levels ? `${levels}·` : ''}第${index + 1}项“${short(ind.name)}”`;
}

export function narrativePlace(report: Report, index: number): string {
  const s = report.narrative[index];
  return `${SECTION_LABELS.narrative}·${s?.heading || '正文'}`;
}

/** The first characters of a long text, for messages. */
export function short(text: string, max = 24): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max)}…`;
}

/** 分 → "1.8917" with up to 4 decimals, trailing zeros kept to two places. */
export function wan(fen: number): string {
  const [i, f = ''] = fenToWan(fen, 6).split('.');
  return `${i}.${f.replace(/0+$/, '').padEnd(2, '0')}`;
}
