// Random but well-formed reports for property tests: departments, amounts with 0–4 decimals, 1–3 二级机构,
// indicators of every category, sign-offs signed or not, narrative parts. Deterministic for a seed number.
import { fenToWan } from '../../src/core/money';
import { blankReport } from '../../src/core/model/empty';
import type { Report } from '../../src/core/model/report';
import { indicator } from '../../src/core/scoring/test-reports';

export function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['党群工作部', '财政局', '水利局', '城市管理监督指挥中心', '自然资源和规划局', '教育体育局', '农业农村局'];
const REGIONS = ['岳阳市', '岳阳县', '湖南城陵矶新港区', '岳阳楼区', '华容县'];
const NAMES = ['王焱', '李玉霞', '吴俊', '刘莉', '谢艳', '张三', '赵六'];
const TITLES = ['科员', '科长', '副主任', '会计'];

export function generateReport(seed: number): Report {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const decimals = int(0, 4);
  const amount = (maxWan: number) => fenToWan(int(0, maxWan * 10_000) * 100, decimals);
  const r = blankReport();
  const year = int(2016, 2024);
  const region = pick(REGIONS);
  r.year = year;
  r.cover = {
    title: `${region}${year}年度部门整体支出绩效评价自评报告`,
    region,
    issuer: `${region.endsWith('区') ? '岳阳市' : region}财政局(制)`,
    departmentName: `${region}${pick(UNITS)}`,
    budgetCode: String(int(100000, 999999)),
    evaluationMethod: '部门（单位）绩效自评',
    evaluator: '部门（单位）评价组',
    reportDate: `${year + 1}-06-${String(int(10, 28))}`,
  };
  const contact = pick(NAMES);
  r.overview = {
    contact,
    phone: next() < 0.5 ? String(int(13000000000, 18999999999)) : String(int(7000000, 8999999)),
    staffQuota: int(3, 120),
    actualStaff: int(3, 130),
    duties: '负责本部门职责范围内的各项工作。',
    tasks: Array.from({ length: int(1, 5) }, (_, i) => `任务${i + 1}：完成第${i + 1}项年度重点工作。`),
    achievements: '1、全面完成年度目标任务。\n2、资金使用规范。',
  };
  const subs = int(1, 3);
  const rows = [
    { institution: '局机关及二级机构汇总', kind: 'summary' as const },
    { institution: '局机关', kind: 'main' as const },
    ...Array.from({ length: subs }, (_, i) => ({ institution: `二级机构${i + 1}`, kind: 'sub' as const })),
  ];
  r.finance.income = rows.map((x) => ({ ...x, total: amount(900), carryOver: next() < 0.5 ? null : amount(50), fiscal: amount(800), fund: null, specialAccount: null, other: next() < 0.3 ? amount(20) : null }));
  r.finance.expenditure = rows.map((x) => ({ ...x, total: amount(900), basic: amount(500), personnel: amount(300), public: amount(200), project: amount(400), surplusYear: amount(20), surplusCumulative: amount(30) }));
  r.finance.threePublic = rows.map((x) => ({ ...x, total: amount(10), reception: amount(5), vehicleOps: next() < 0.5 ? null : amount(5), vehiclePurchase: null, overseas: null }));
  r.finance.fixedAssets = rows.map((x) => ({ ...x, total: amount(300), inUse: amount(300), leased: null, other: next() < 0.5 ? null : amount(10) }));
  r.performance.qualitative = Array.from({ length: int(1, 4) }, (_, i) => ({ target: `目标${i + 1}：完成年度任务${i + 1}。`, result: `${i + 1}、已按计划完成任务${i + 1}。` }));
  const ind = indicator;
  const n = int(40, 60);
  const m = n + int(-5, 10);
  r.performance.indicators = [
    ind('产出目标', '数量指标', '指标1：组织培训次数', { operator: '≥', target: `≥${n}次`, targetValue: String(n), unit: '次', actual: `${m}次`, actualValue: String(m) }),
    ind('产出目标', '质量指标', '指标1：资料审核合格率', { operator: '≥', target: '≥95%', targetValue: '95', unit: '%', actual: '98%', actualValue: '98' }),
    ind('产出目标', '时效指标', '年度任务按时完成率', { operator: '=', target: '=100%', targetValue: '100', unit: '%', actual: '100%', actualValue: '100' }),
    ind('产出目标', '成本指标', '项目总成本', { operator: '≤', target: '≤90万元', targetValue: '90', unit: '万元', actual: '88万元', actualValue: '88' }),
    ind('效益目标', '社会效益', '指标1：惠及群众人数', { operator: '≥', target: '≥2000人', targetValue: '2000', unit: '人', actual: '2300人', actualValue: '2300' }),
    ind('效益目标', '经济效益', '带动企业投资', {}),
    ind('效益目标', '生态效益', '办公用纸节约率', { operator: '≥', target: '≥10%', targetValue: '10', unit: '%', actual: '12%', actualValue: '12' }),
    ind('效益目标', '社会公众或服务对象满意度', '服务对象满意率不低于90%', { operator: '≥', target: '不低于90%', targetValue: '90', unit: '%' }),
  ];
  r.performance.selfScore = int(60, 99);
  r.performance.grade = r.performance.selfScore >= 90 ? '优秀' : r.performance.selfScore >= 80 ? '良好' : '合格';
  r.evaluators = Array.from({ length: int(1, 3) }, () => ({ name: pick(NAMES), title: pick(TITLES), unit: r.cover.departmentName, signature: '' }));
  const signed = next() < 0.5;
  const day = `${year + 1}-06-${String(int(10, 28))}`;
  r.signoffs = {
    leader: { opinion: '', signer: signed ? pick(NAMES) : '', date: signed ? day : null },
    department: { opinion: signed ? '同意上报。' : '', signer: signed ? pick(NAMES) : '', date: signed ? day : null },
    finance: { opinion: '', signer: '', date: null },
  };
  r.preparer = { name: signed ? contact : '', phone: signed ? r.overview.phone : '' };
  r.narrative = [
    { key: 'overview', heading: '一、部门（单位）概况', text: `（一）部门（单位）基本情况\n人员共${r.overview.actualStaff}人。` },
    { key: 'management', heading: '二、部门（单位）整体支出管理及使用情况', text: '（一）基本支出\n按规定使用。' },
    { key: 'organization', heading: '三、部门（单位）专项组织实施情况', text: '按规定组织实施。' },
    { key: 'performance', heading: '四、部门（单位）整体支出绩效情况', text: '全面完成年度目标。' },
    { key: 'problems', heading: '五、存在的主要问题', text: '指标细化不够。' },
    { key: 'improvements', heading: '六、改进措施和有关建议', text: '进一步细化量化指标。' },
  ];
  return r;
}
