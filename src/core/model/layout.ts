// The Yueyang overall template's tables as data: what each column is called on the form, in order.
// Rules name cells with these labels, exports print them, the editor shows them, the importer reads them.
import type { FinanceTableKey, InstitutionKind } from './report';

export interface ColumnDef {
  key: string;
  /** the column label as printed on the form */
  label: string;
  /** the header a column sits under, for messages ("基本支出·人员支出") */
  parent?: string;
}

export interface FinanceTableDef {
  key: FinanceTableKey;
  /** section name and table name as a person sees them */
  section: string;
  title: string;
  columns: ColumnDef[];
}

const SECTION_FINANCE = '二、部门（单位）收支情况';

export const FINANCE_TABLES: readonly FinanceTableDef[] = [
  {
    key: 'income',
    section: SECTION_FINANCE,
    title: '年度收入情况表',
    columns: [
      { key: 'total', label: '收入合计' },
      { key: 'carryOver', label: '上年结转' },
      { key: 'fiscal', label: '公共财政拨款' },
      { key: 'fund', label: '政府基金拨款' },
      { key: 'specialAccount', label: '纳入专户管理的非税收入拨款' },
      { key: 'other', label: '其他收入' },
    ],
  },
  {
    key: 'expenditure',
    section: SECTION_FINANCE,
    title: '年度支出和结余情况表',
    columns: [
      { key: 'total', label: '支出合计' },
      { key: 'basic', label: '基本支出' },
      { key: 'personnel', label: '人员支出', parent: '基本支出' },
      { key: 'public', label: '公用支出', parent: '基本支出' },
      { key: 'project', label: '项目支出' },
      { key: 'surplusYear', label: '当年结余', parent: '结余' },
      { key: 'surplusCumulative', label: '累计结余', parent: '结余' },
    ],
  },
  {
    key: 'threePublic',
    section: SECTION_FINANCE,
    title: '三公经费表',
    columns: [
      { key: 'total', label: '三公经费合计' },
      { key: 'reception', label: '公务接待费' },
      { key: 'vehicleOps', label: '公务用车运维费' },
      { key: 'vehiclePurchase', label: '公务用车购置费' },
      { key: 'overseas', label: '因公出国费' },
    ],
  },
  {
    key: 'fixedAssets',
    section: SECTION_FINANCE,
    title: '固定资产表',
    columns: [
      { key: 'total', label: '固定资产合计' },
      { key: 'inUse', label: '在用固定资产' },
      { key: 'leased', label: '出租固定资产' },
      { key: 'other', label: '其他' },
    ],
  },
];

export function financeTable(key: FinanceTableKey): FinanceTableDef {
  const def = FINANCE_TABLES.find((t) => t.key === key);
  if (!def) throw new Error(`未知的收支表：${key}`);
  return def;
}

export function columnLabel(table: FinanceTableKey, column: string): string {
  const col = financeTable(table).columns.find((c) => c.key === column);
  if (!col) return column;
  return col.parent ? `${col.parent}·${col.label}` : col.label;
}

/** The template's standard row labels: 局机关及二级机构汇总, 1、局机关, 2、二级机构1 … */
export const SUMMARY_ROW_LABEL = '局机关及二级机构汇总';
export const MAIN_ROW_LABEL = '局机关';

export function institutionRowLabel(kind: InstitutionKind, institution: string, index: number): string {
  if (kind === 'summary') return institution || SUMMARY_ROW_LABEL;
  return `${index}、${institution}`;
}

export const SECTION_LABELS = {
  cover: '封面',
  overview: '一、部门（单位）基本概况',
  finance: SECTION_FINANCE,
  performance: '三、部门（单位）整体支出绩效自评情况',
  evaluators: '四、评价人员',
  narrative: '五、评价报告综述（文字部分）',
} as const;
