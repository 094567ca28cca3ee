// 二、部门（单位）收支情况: the four finance tables with their merged headers exactly as the template
// draws them. Headers are data (rows of spanning cells) so the structure is reviewable at a glance and
// the tests can compare it cell by cell with the seed.
import type { FinanceTableKey, InstitutionKind, Report } from '../../../core/model/report';
import { SECTION_LABELS, institutionRowLabel, MAIN_ROW_LABEL, SUMMARY_ROW_LABEL } from '../../../core/model/layout';
import { cell, colgroup, framed, label, sectionBar, type RenderContext } from './cells';

/** A header cell: text, colspan, rowspan. \n marks where a long label breaks, so it wraps at a word, not mid-word. */
export type HeadCell = [text: string, colspan?: number, rowspan?: number];

export interface FinanceLayout {
  key: FinanceTableKey;
  /** the title row across the whole table, when the template has one */
  title?: string;
  head: HeadCell[][];
  /** value columns in printed order (the row label comes first) */
  columns: string[];
  widths: number[];
}

export const FINANCE_LAYOUTS: readonly FinanceLayout[] = [
  {
    key: 'income',
    title: '年度收入情况（万元）',
    head: [
      [['机构名称', 1, 2], ['收入合计', 1, 2], ['其中：', 5]],
      [['上年结转'], ['公共财政\n拨款'], ['政府基金\n拨款'], ['纳入专户管理的\n非税收入拨款'], ['其他收入']],
    ],
    columns: ['total', 'carryOver', 'fiscal', 'fund', 'specialAccount', 'other'],
    widths: [21, 12, 12, 12, 12, 19, 12],
  },
  {
    key: 'expenditure',
    title: '部门（单位）年度支出和结余情况（万元）',
    head: [
      [['机构名称', 1, 3], ['支出合计', 1, 3], ['其中：', 4], ['结余', 2]],
      [['基本支出', 1, 2], ['其中：', 2], ['项目支出', 1, 2], ['当年结余', 1, 2], ['累计结余', 1, 2]],
      [['人员支出'], ['公用支出']],
    ],
    columns: ['total', 'basic', 'personnel', 'public', 'project', 'surplusYear', 'surplusCumulative'],
    widths: [21, 11.29, 11.29, 11.29, 11.29, 11.26, 11.29, 11.29],
  },
  {
    key: 'threePublic',
    head: [
      [['机构名称', 1, 2], ['三公经费\n合计', 1, 2], ['其中：', 4]],
      [['公务接待费'], ['公务用车\n运维费'], ['公务用车\n购置费'], ['因公出国费']],
    ],
    columns: ['total', 'reception', 'vehicleOps', 'vehiclePurchase', 'overseas'],
    widths: [21, 15.8, 15.8, 15.8, 15.8, 15.8],
  },
  {
    key: 'fixedAssets',
    head: [
      [['机构名称', 1, 2], ['固定资产\n合计', 1, 2], ['其中：', 2], ['其他', 1, 2]],
      [['在用固定资产'], ['出租固定资产']],
    ],
    columns: ['total', 'inUse', 'leased', 'other'],
    widths: [21, 19.75, 19.75, 19.75, 19.75],
  },
];

type Row = { institution: string; kind: InstitutionKind } & Record<string, string | null | InstitutionKind>;

// A report with no rows still prints the template's blank rows, as the paper form does.
const TEMPLATE_ROWS: Row[] = [
  { institution: SUMMARY_ROW_LABEL, kind: 'summary' },
  { institution: MAIN_ROW_LABEL, kind: 'main' },
  { institution: '二级机构1', kind: 'sub' },
  { institution: '二级机构2', kind: 'sub' },
];

function renderTable(layout: FinanceLayout, rows: readonly Row[], ctx: RenderContext): string {
  const width = layout.widths.length;
  const base = `finance.${layout.key}`;
  const head =
    (layout.title ? `<tr>${label(layout.title, { colspan: width, cls: 'jx-table-title' })}</tr>` : '') +
    layout.head.map((r) => `<tr>${r.map(([t, cs, rs]) => label(t, { colspan: cs, rowspan: rs, cls: 'jx-head' })).join('')}</tr>`).join('');
  let n = 0;
  const body = (rows.length > 0 ? rows : TEMPLATE_ROWS)
    .map((row, i) => {
      const p = `${base}[${i}]`;
      const index = row.kind === 'summary' ? 0 : ++n;
      const name = cell(ctx, institutionRowLabel(row.kind, row.institution, index), { path: `${p}.institution`, cls: 'jx-rowname' });
      const values = layout.columns.map((c) => cell(ctx, (row[c] as string | null | undefined) ?? '', { path: `${p}.${c}`, cls: 'jx-num' }));
      return `<tr${ctx.attrs(p)}>${name}${values.join('')}</tr>`;
    })
    .join('');
  return framed(
    `<table${ctx.attrs(base, [], `jx-form jx-finance jx-finance-${layout.key}`)}>${colgroup(layout.widths)}` +
      `<thead>${head}</thead><tbody>${body}</tbody></table>`,
    'jx-frame-whole',
  );
}

export function renderFinance(report: Report, ctx: RenderContext): string {
  return (
    sectionBar(SECTION_LABELS.finance) +
    FINANCE_LAYOUTS.map((l) => renderTable(l, report.finance[l.key] as unknown as Row[], ctx)).join('')
  );
}
