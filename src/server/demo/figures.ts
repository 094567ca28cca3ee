// Demo reports with consistent figures: the four tables from a budget size (the 汇总 row equal to
// 局机关 + one 二级机构, every row identity holding), staff numbers, the 三公 prior year, and an adjusted
// budget that gives the wanted 预算执行率 — so the dashboard's rates and the checks are real.
import { fenToWan } from '../../core/money';
import { emptyReport, type Report } from '../../core/model/report';

export interface DemoFigures {
  /** 支出合计, 万元 */
  budgetWan: number;
  /** 预算执行率, percent */
  execution: number;
  selfScore: number | null;
  grade: string;
}

const FEN = 1_000_000;

const ind = (level2: string, name: string, operator: '≥' | '≤', target: string, unit: string, actual: string, level1 = '产出目标') => ({
  level1, level2, name, kind: '定量' as const, operator, target: `${operator}${target}${unit}`, targetValue: target, unit, actual: `${actual}${unit}`, actualValue: actual, weight: null, score: null, libraryId: null,
});

const INDICATORS = [
  ind('数量指标', '年度重点工作任务完成数', '≥', '12', '项', '12'),
  ind('质量指标', '资金使用合规率', '≥', '100', '%', '100'),
  ind('时效指标', '重点任务按时完成率', '≥', '95', '%', '96'),
  ind('成本指标', '公用经费支出', '≤', '300', '万元', '286'),
  ind('社会效益', '政策知晓率', '≥', '85', '%', '88', '效益目标'),
  ind('服务对象满意度', '服务对象满意度', '≥', '90', '%', '93', '满意度指标'),
];
const wan = (fen: number) => fenToWan(fen, 4);

/** A row set 汇总 / 局机关 / 二级机构1 with the 局机关 taking 70% of every figure. */
function rows<K extends string>(values: Record<K, number>): Array<Record<K, string> & { institution: string; kind: 'summary' | 'main' | 'sub' }> {
  const main = {} as Record<K, number>;
  const sub = {} as Record<K, number>;
  for (const k of Object.keys(values) as K[]) {
    main[k] = Math.round(values[k] * 0.7);
    sub[k] = values[k] - main[k];
  }
  const fmt = (v: Record<K, number>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wan(x as number)])) as Record<K, string>;
  return [
    { institution: '局机关及二级机构汇总', kind: 'summary', ...fmt(values) },
    { institution: '1、局机关', kind: 'main', ...fmt(main) },
    { institution: '2、二级机构1', kind: 'sub', ...fmt(sub) },
  ];
}

export function demoReport(year: number, dept: { name: string; code: string }, f: DemoFigures, blankTables = false): Report {
  const r = emptyReport();
  r.year = year;
  r.cover.title = `岳州市${year}年度部门整体支出绩效评价自评报告`;
  r.cover.region = '岳州市';
  r.cover.issuer = '岳州市财政局(制)';
  r.cover.departmentName = dept.name;
  r.cover.budgetCode = dept.code;
  r.cover.evaluationMethod = '部门(单位)绩效自评';
  r.cover.evaluator = '部门(单位)评价组';
  r.cover.reportDate = `${year + 1}-06-15`;
  r.performance.selfScore = f.selfScore;
  r.performance.grade = f.grade;
  r.preparer = { name: `${dept.name.slice(0, 1)}会计`, phone: '0730-8888001' };
  r.evaluators = [
    { name: `${dept.name.slice(0, 2)}组长`, title: '副局长（组长）', unit: dept.name, signature: '已签' },
    { name: `${dept.name.slice(0, 2)}成员`, title: '财务股长', unit: dept.name, signature: '已签' },
  ];
  const date = `${year + 1}-06-15`;
  r.signoffs.leader = { opinion: '经评价组评议，同意自评结果。', signer: r.evaluators[0]!.name, date };
  r.signoffs.department = { opinion: '同意报送。', signer: `${dept.name.slice(0, 1)}局长`, date };
  r.performance.indicators = INDICATORS.map((x) => ({ ...x, deviationReason: '' }));
  if (blankTables) return r;
  const total = Math.round(f.budgetWan * FEN);
  const personnel = Math.round(total * 0.45);
  const pub = Math.round(total * 0.15);
  const project = total - personnel - pub;
  const carry = Math.round(total * 0.04);
  const surplus = Math.round(total * 0.02);
  const fiscal = total + surplus;
  r.finance.income = rows({ total: carry + fiscal, carryOver: carry, fiscal, fund: 0, specialAccount: 0, other: 0 });
  r.finance.expenditure = rows({ total, basic: personnel + pub, personnel, public: pub, project, surplusYear: surplus, surplusCumulative: carry + surplus });
  const three = Math.round(total * 0.004);
  r.finance.threePublic = rows({ total: three, reception: Math.round(three * 0.4), vehicleOps: three - Math.round(three * 0.4), vehiclePurchase: 0, overseas: 0 });
  const assets = Math.round(total * 0.3);
  r.finance.fixedAssets = rows({ total: assets, inUse: assets, leased: 0, other: 0 });
  r.overview.staffQuota = Math.max(5, Math.round(f.budgetWan / 20));
  r.overview.actualStaff = r.overview.staffQuota;
  r.basics.threePublicPriorYear = wan(Math.round(three * 1.05));
  r.basics.budgetAdjusted = wan(Math.round((total * 100) / f.execution));
  r.basics.budgetInitial = r.basics.budgetAdjusted;
  r.basics.budgetAdjustment = '0';
  return r;
}
