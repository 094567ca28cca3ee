// Spreadsheet form of the tables (XLSX sheets and CSV files): one header row, each column by its name
// in the form, so a hand-made sheet of the same shape reads back the same way. The names are the form
// descriptor's; what is here is how values become cells.
import type { FormDescriptor } from '../../../core/forms/index';
import type { Indicator } from '../../../core/model/report';

// Characters XML 1.0 does not allow (docx and exceljs drop the C0 controls themselves, not these), and
// carriage returns from Windows line ends, which would double the line breaks.
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it can go into an OOXML part: CRLF → LF, characters XML cannot carry removed. */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(NOT_XML, '');
}

/** The indicator grid's header row, as the form names its columns. */
export function indicatorHeaders(form: FormDescriptor): string[] {
  return form.indicators.columns.map((c) => c.label);
}

/** 指标性质: the comparison of a 定量 indicator (≥, ≤, =…), or 定性; blank when not stated. */
export function indicatorNature(ind: Indicator): string {
  return ind.kind === '定性' ? '定性' : (ind.operator ?? '');
}

/** Each grid column's value, by its key in the form's indicators.columns. */
export const INDICATOR_CELL: Record<string, (ind: Indicator) => string | number | null> = {
  level1: (i) => i.level1,
  level2: (i) => i.level2,
  name: (i) => i.name,
  nature: indicatorNature,
  target: (i) => i.target,
  unit: (i) => i.unit,
  actual: (i) => i.actual,
  weight: (i) => i.weight,
  score: (i) => i.score,
  reason: (i) => i.deviationReason,
};

/** An indicator as one row under the grid's columns (numbers stay numbers, null stays null). */
export function indicatorCells(form: FormDescriptor, ind: Indicator): Array<string | number | null> {
  return form.indicators.columns.map((c) => INDICATOR_CELL[c.key]?.(ind) ?? null);
}
