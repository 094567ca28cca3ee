// 二、部门（单位）收支情况: the four finance tables as one bordered table, as the Word original has it.
// All four share one 8-column grid (the expenditure table's leaf columns), so the column rules run
// straight down the page; a table with fewer leaf columns lets its widest headings span two grid
// columns. Header cells, their line breaks and their merges are the template's (see the seed text).
import type { Table } from 'docx';
import type { Report } from '../../../core/model/report';
import { institutionLabels } from '../xlsx/columns';
import { S } from './style';
import { type CellSpec, formTable, grid, type RowSpec, titleRow } from './table';

// 机构名称 holds 局机关及二级机构汇总 (10 characters at 五号) on one line; the seven amount columns share
// the rest, each wide enough for a four-character heading at the small cell margin below.
const COLUMNS = grid([2220, 946, 946, 946, 946, 946, 946, 946]);
const MARGIN = 40;
const GRID = COLUMNS.length;

/** A data column: which row field, and how many grid columns it covers. */
interface DataColumn {
  key: string;
  span: number;
}
interface FinanceLayout {
  title?: string;
  header: CellSpec[][];
  columns: DataColumn[];
}

const h = (content: string, span = 1, rowSpan = 1): CellSpec => ({ content, colSpan: span, rowSpan });
const cols = (...spec: Array<[string, number?]>): DataColumn[] => spec.map(([key, span]) => ({ key, span: span ?? 1 }));

export const INCOME_LAYOUT: FinanceLayout = {
  title: '年度收入情况（万元）',
  header: [
    [h('机构名称', 1, 2), h('收入合计', 1, 2), h('其中：', 6)],
    [h('上年结转'), h('公共财\n政拨款'), h('政府基金拨款'), h('纳入专户管理的非税收入拨款', 2), h('其他\n收入')],
  ],
  columns: cols(['total'], ['carryOver'], ['fiscal'], ['fund'], ['specialAccount', 2], ['other']),
};

export const EXPENDITURE_LAYOUT: FinanceLayout = {
  title: '部门（单位）年度支出和结余情况（万元）',
  header: [
    [h('机构名称', 1, 3), h('支出合计', 1, 3), h('其中：', 4), h('结余', 2)],
    [h('基本支出', 1, 2), h('其中：', 2), h('项目支出', 1, 2), h('当年结余', 1, 2), h('累计结余', 1, 2)],
    [h('人员支出'), h('公用支出')],
  ],
  columns: cols(['total'], ['basic'], ['personnel'], ['public'], ['project'], ['surplusYear'], ['surplusCumulative']),
};

// The template prints no title row over these two tables; the header row names them.
export const THREE_PUBLIC_LAYOUT: FinanceLayout = {
  header: [
    [h('机构名称', 1, 2), h('三公经费\n合计', 1, 2), h('其中：', 6)],
    [h('公务接待费', 2), h('公务用车运维费'), h('公务用车购置费'), h('因公出国费', 2)],
  ],
  columns: cols(['total'], ['reception', 2], ['vehicleOps'], ['vehiclePurchase'], ['overseas', 2]),
};

export const FIXED_ASSET_LAYOUT: FinanceLayout = {
  header: [
    [h('机构名称', 1, 2), h('固定资产\n合计', 1, 2), h('其中：', 4), h('其他', 2, 2)],
    [h('在用固定资产', 2), h('出租固定资产', 2)],
  ],
  columns: cols(['total'], ['inUse', 2], ['leased', 2], ['other', 2]),
};

type AmountRow = { institution: string; kind: string } & Record<string, unknown>;

/** The template's row set, printed when a table has no rows yet so the form can be filled in by hand. */
const BLANK_ROWS: AmountRow[] = [
  { institution: '局机关及二级机构汇总', kind: 'summary' },
  { institution: '局机关', kind: 'main' },
  { institution: '二级机构1', kind: 'sub' },
  { institution: '二级机构2', kind: 'sub' },
];

function dataRows(layout: FinanceLayout, rows: readonly AmountRow[]): RowSpec[] {
  const source = rows.length ? rows : BLANK_ROWS;
  const labels = institutionLabels(source);
  // one-line rows: top alignment (Word's default, nothing to write) looks the same as centred
  return source.map((r, i) => ({
    cells: [
      { content: labels[i]!, style: S.cellLeft, valign: 'top' },
      ...layout.columns.map(
        (c): CellSpec => ({
          content: typeof r[c.key] === 'string' ? (r[c.key] as string) : '',
          colSpan: c.span,
          style: S.cellAmount,
          valign: 'top',
        }),
      ),
    ],
    minHeightPt: 20,
    cantSplit: true,
  }));
}

function layoutRows(layout: FinanceLayout, rows: readonly AmountRow[]): RowSpec[] {
  const out: RowSpec[] = [];
  if (layout.title) {
    out.push({
      cells: [{ content: layout.title, colSpan: GRID, style: S.tableTitle }],
      minHeightPt: 22,
      cantSplit: true,
      keepNext: true,
    });
  }
  for (const cells of layout.header) out.push({ cells, minHeightPt: 20, cantSplit: true, keepNext: true });
  return out.concat(dataRows(layout, rows));
}

export function financeTable(report: Report): Table {
  const f = report.finance;
  const rows: RowSpec[] = [
    titleRow('二、部门（单位）收支情况', GRID),
    ...layoutRows(INCOME_LAYOUT, f.income),
    ...layoutRows(EXPENDITURE_LAYOUT, f.expenditure),
    ...layoutRows(THREE_PUBLIC_LAYOUT, f.threePublic),
    ...layoutRows(FIXED_ASSET_LAYOUT, f.fixedAssets),
  ];
  return formTable(COLUMNS, rows, MARGIN);
}
