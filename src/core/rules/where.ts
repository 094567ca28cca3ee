// Where a finding is, in the words a person sees on the form: section · table · row · column.
import { fenToWan } from '../money';
import { columnName, type FormDescriptor, section, tablePlace } from '../forms/index';
import type { FinanceTableKey, Indicator, Report } from '../model/report';

export { tablePlace };

export function financeCell(form: FormDescriptor, report: Report, key: FinanceTableKey, row: number, column?: string): string {
  const r = report.finance[key][row];
  const rowName = r ? r.institution : `第${row + 1}行`;
  const col = column ? `·${columnName(form, key, column)}列` : '';
  return `${tablePlace(form, key)}·${rowName}行${col}`;
}

export function indicatorPlace(form: FormDescriptor, ind: Indicator, index: number): string {
  // "产出目标/数量指标", or whichever of the two is filled in
  const levels = ind.level1 && ind.level2 ? `${ind.level1}/${ind.level2}` : ind.level1 || ind.level2;
  return `${section(form, 'performance').label}·${form.indicators.short}·${levels ? `${levels}·` : ''}第${index + 1}项“${short(ind.name)}”`;
}

export function narrativePlace(form: FormDescriptor, report: Report, index: number): string {
  const s = report.narrative[index];
  return `${section(form, 'narrative').label}·${s?.heading || '正文'}`;
}

/** The first characters of a long text, for messages. */
export function short(text: string, max = 24): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max)}…`;
}

/** 分 → "1.8917" with up to 4 decimals, trailing zeros kept to two places. */
export function wan(fen: number): string {
  // fenToWan(·, 6) always prints six decimals: trailing zeros dropped down to two (no split, no regex:
  // a large report's identity findings call this thousands of times)
  const s = fenToWan(fen, 6);
  const min = s.indexOf('.') + 3;
  let end = s.length;
  while (end > min && s.charCodeAt(end - 1) === 48) end--;
  return s.slice(0, end);
}
