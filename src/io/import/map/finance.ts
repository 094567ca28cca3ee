// 二、收支情况: the four tables (收入, 支出, 三公经费, 固定资产). Each is found by its 合计 header; data rows
// by their institution label (局机关及二级机构汇总, 1、局机关, 2、二级机构1 …); columns in the template's order.
import { tablePlace, tables, type TableShape } from '../../../core/forms/index';
import { readAmount } from '../../../core/money';
import type { FinanceTableKey, InstitutionKind } from '../../../core/model/report';
import type { MapContext, Token } from './context';
import { FINANCE_HEADER, IMPORT_FORM, INSTITUTION } from './labels';
import { toSimplified } from './simplified';
import { financePath, financeRowPath } from '../../../core/rules/paths';

interface RowLabel {
  kind: InstitutionKind;
  institution: string;
}

function rowLabel(t: Token): RowLabel | null {
  if (t.roles.length === 0) return null;
  if (t.roles.includes(INSTITUTION.summary)) return { kind: 'summary', institution: t.text.trim() };
  if (t.roles.includes(INSTITUTION.main)) return { kind: 'main', institution: INSTITUTION.main.exec(t.norm)![2]! };
  if (t.roles.includes(INSTITUTION.sub)) return { kind: 'sub', institution: t.text.trim() };
  const numbered = t.roles.includes(INSTITUTION.numbered) ? INSTITUTION.numbered.exec(t.text.trim()) : null;
  if (numbered && t.text.length <= 40) return { kind: 'sub', institution: numbered[1]!.trim() };
  return null;
}

const SHAPES = tables(IMPORT_FORM).filter((t) => t.def.path === `finance.${t.def.key}`);

export function mapFinance(ctx: MapContext, from: number, to: number): void {
  const headers = SHAPES.map((def) => ({ def, at: ctx.find(FINANCE_HEADER[def.def.key as FinanceTableKey], from, to) }))
    .filter((h) => h.at >= 0)
    .sort((a, b) => a.at - b.at);
  headers.forEach((h, k) => {
    ctx.use(h.at);
    const end = k + 1 < headers.length ? headers[k + 1]!.at : to;
    readTable(ctx, h.def, h.at + 1, end);
  });
}

function readTable(ctx: MapContext, shape: TableShape, from: number, to: number): void {
  const key = shape.def.key as FinanceTableKey;
  const columns = shape.leaves;
  const place = tablePlace(IMPORT_FORM, key);
  const rows = ctx.report.finance[key] as Record<string, unknown>[];
  let i = from;
  // A table's rows belong to the table its header is in (a workbook has one sheet per table).
  const block = ctx.tokens[from - 1]?.row !== -1 ? ctx.tokens[from - 1]?.block : undefined;
  while (i < to) {
    const t = ctx.tokens[i]!;
    if (block !== undefined && t.row >= 0 && t.block !== block) break;
    const label = t.text !== '' && (t.row < 0 || t.col === 0) ? rowLabel(t) : null;
    // A new table caption or header row ends this table's data.
    if (!label) {
      i++;
      continue;
    }
    ctx.use(i);
    const rowIndex = rows.length;
    const row: Record<string, unknown> = { institution: label.institution, kind: label.kind };
    for (const c of columns) row[c.key] = null;
    rows.push(row);
    ctx.source(financeRowPath(key, rowIndex), t.loc);
    const cells = t.row >= 0 ? ctx.rowOf(i).slice(t.col + 1) : paragraphCells(ctx, i + 1, to);
    const aligned = t.row >= 0 || cells.filter((c) => c.text !== '').length === columns.length;
    const values = aligned ? cells : cells.slice(0, 1);
    if (!aligned && cells.length > 1) {
      ctx.diag({
        code: 'IMPORT.COLUMNS_UNALIGNED',
        severity: 'warning',
        path: `finance.${key}[${rowIndex}]`,
        loc: t.loc,
        message: `${place}·${label.institution}行：原文的空单元格已丢失，${cells.length}个数值无法与${columns.length}列对应，只读取了第一列（${columns[0]!.label}），其余保留在未识别内容中。`,
      });
    }
    values.forEach((cell, c) => {
      const col = columns[c];
      if (!col) {
        if (cell.text !== '') {
          ctx.diag({ code: 'IMPORT.EXTRA_CELL', severity: 'warning', loc: cell.loc, message: `${place}·${label.institution}行：多出的单元格“${cell.text}”不属于任何列，已保留在未识别内容中。` });
        }
        return;
      }
      const parsed = readAmount(toSimplified(cell.text));
      const path = financePath(key, rowIndex, col.key);
      if (parsed.kind === 'invalid') {
        ctx.diag({ code: 'IMPORT.BAD_AMOUNT', severity: 'error', path, loc: cell.loc, message: `${place}·${label.institution}行·${col.qualified}列：“${cell.text}”不是金额（万元），已保留原文在未识别内容中。` });
        return;
      }
      ctx.use(cell.index);
      if (parsed.kind === 'amount') {
        row[col.key] = parsed.value;
        ctx.source(path, cell.loc);
      }
    });
    i = t.row >= 0 ? ctx.rows.get(t.row)!.at(-1)! + 1 : i + 1;
  }
}

/** Without rows (plain web copies) a row's values are the amount-like paragraphs after its label. */
function paragraphCells(ctx: MapContext, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let j = from; j < to; j++) {
    const t = ctx.tokens[j]!;
    if (t.text === '') continue;
    if (rowLabel(t) || readAmount(toSimplified(t.text)).kind === 'invalid') break;
    out.push(t);
  }
  return out;
}
