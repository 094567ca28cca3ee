// Column names of the tables in spreadsheet form (XLSX sheets and CSV files): one header row, each
// column by its full template name, so a hand-made sheet of the same shape reads back the same way.
import type { FinanceTableKey, Indicator, NarrativeKey } from '../../../core/model/report';

export interface AmountColumn {
  key: string;
  header: string;
}

export interface FinanceSheet {
  table: FinanceTableKey;
  /** sheet name, and the CSV file's table name */
  name: string;
  /** the title the template prints over the table */
  title: string;
  columns: AmountColumn[];
}

const col = (key: string, header: string): AmountColumn => ({ key, header });

export const INSTITUTION_HEADER = '机构名称';

// Characters XML 1.0 does not allow (docx and exceljs drop the C0 controls themselves, not these), and
// carriage returns from Windows line ends, which would double the line breaks.
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it can go into an OOXML part: CRLF → LF, characters XML cannot carry removed. */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(NOT_XML, '');
}

/**
 * The row labels as the template prints them: the summary row as named, the others numbered
 * 1、局机关, 2、二级机构1 … The importer keeps the bare name, so the number is added back here
 * (and kept when the name already carries one).
 */
export function institutionLabels(rows: ReadonlyArray<{ institution: string; kind: string }>): string[] {
  let n = 0;
  return rows.map((r) => {
    if (r.kind === 'summary') return r.institution;
    n += 1;
    return /^\s*\d+\s*[、.．]/.test(r.institution) ? r.institution : `${n}、${r.institution}`;
  });
}

export const FINANCE_SHEETS: FinanceSheet[] = [
  {
    table: 'income',
    name: '收入',
    title: '年度收入情况（万元）',
    columns: [
      col('total', '收入合计'),
      col('carryOver', '上年结转'),
      col('fiscal', '公共财政拨款'),
      col('fund', '政府基金拨款'),
      col('specialAccount', '纳入专户管理的非税收入拨款'),
      col('other', '其他收入'),
    ],
  },
  {
    table: 'expenditure',
    name: '支出',
    title: '部门（单位）年度支出和结余情况（万元）',
    columns: [
      col('total', '支出合计'),
      col('basic', '基本支出'),
      col('personnel', '人员支出'),
      col('public', '公用支出'),
      col('project', '项目支出'),
      col('surplusYear', '当年结余'),
      col('surplusCumulative', '累计结余'),
    ],
  },
  {
    table: 'threePublic',
    name: '三公经费',
    title: '“三公”经费支出情况（万元）',
    columns: [
      col('total', '三公经费合计'),
      col('reception', '公务接待费'),
      col('vehicleOps', '公务用车运维费'),
      col('vehiclePurchase', '公务用车购置费'),
      col('overseas', '因公出国费'),
    ],
  },
  {
    table: 'fixedAssets',
    name: '固定资产',
    title: '固定资产情况（万元）',
    columns: [col('total', '固定资产合计'), col('inUse', '在用固定资产'), col('leased', '出租固定资产'), col('other', '其他')],
  },
];

export const INDICATOR_HEADERS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标性质',
  '指标值',
  '度量单位',
  '完成值',
  '权重',
  '得分',
  '偏差原因',
] as const;

/** 指标性质: the comparison of a 定量 indicator (≥, ≤, =…), or 定性; blank when not stated. */
export function indicatorNature(ind: Indicator): string {
  return ind.kind === '定性' ? '定性' : (ind.operator ?? '');
}

/** An indicator as one row under INDICATOR_HEADERS (numbers stay numbers, null stays null). */
export function indicatorCells(ind: Indicator): Array<string | number | null> {
  return [
    ind.level1,
    ind.level2,
    ind.name,
    indicatorNature(ind),
    ind.target,
    ind.unit,
    ind.actual,
    ind.weight,
    ind.score,
    ind.deviationReason,
  ];
}

/** The narrative parts by the names the template gives them (domain §2.6). */
export const NARRATIVE_LABEL: Record<NarrativeKey, string> = {
  overview: '部门(单位)概况',
  management: '整体支出管理及使用情况',
  organization: '专项组织实施情况',
  performance: '整体支出绩效情况',
  problems: '存在的主要问题',
  improvements: '改进措施和有关建议',
  other: '其他',
};
