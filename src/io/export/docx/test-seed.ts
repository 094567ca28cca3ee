// The seed report (test/fixtures/seed-report-2021-dangqun.txt) as a Report, for the export tests and the
// benchmark. Amounts, labels and the indicator structure are written out here; the long texts are
// taken line for line from the fixture so they stay exactly as printed. When importFile works,
// loadSeedReport() reads the fixture through it instead (see the switch below).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Indicator, Report } from '../../../core/model/report';

export const SEED_PATH = fileURLToPath(new URL('../../../../test/fixtures/seed-report-2021-dangqun.txt', import.meta.url));

function seedLines(): string[] {
  return readFileSync(SEED_PATH, 'utf8').split(/\r?\n/);
}

/**
 * The paragraphs of one table cell: the line starting with `first`, then the lines that continue it
 * (a cell's later paragraphs carry no tab; a blank line or a tab starts something else).
 */
function block(lines: string[], first: string): string[] {
  const start = lines.findIndex((l) => l.replace(/^\t/, '').startsWith(first));
  if (start < 0) throw new Error(`seed fixture: no line starts with ${first}`);
  const out = [lines[start]!.replace(/^\t/, '')];
  for (let i = start + 1; i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.startsWith('\t'); i++) out.push(lines[i]!);
  return out;
}
const one = (lines: string[], first: string): string => block(lines, first)[0]!;

const NARRATIVE = [
  ['overview', '一、部门（单位）概况'],
  ['management', '二、部门（单位）整体支出管理及使用情况'],
  ['organization', '三、部门（单位）专项组织实施情况'],
  ['performance', '4、 部门（单位）整体支出绩效情况'],
  ['problems', '5、 存在的主要问题'],
  ['improvements', '六、改进措施和有关建议'],
] as const;

function narrative(lines: string[]): Array<{ key: string; heading: string; text: string }> {
  const at = NARRATIVE.map(([, heading]) => lines.indexOf(heading));
  return NARRATIVE.map(([key, heading], i) => {
    const end = at[i + 1] ?? lines.length;
    const text = lines.slice(at[i]! + 1, end).join('\n').trim();
    return { key, heading, text };
  });
}

const W = (v: string | null = null): string | null => v;
// names as the importer keeps them: the template's numbering (1、2、…) is layout, added back on export
const rowNames = ['局机关及二级机构汇总', '局机关', '二级机构1', '二级机构2'] as const;
const kinds = ['summary', 'main', 'sub', 'sub'] as const;
/** The template's four rows; the values given fill the first rows, the rest stay blank (null). */
const rowsOf = (values: Array<Record<string, string | null>>) =>
  rowNames.map((institution, i) => ({ institution, kind: kinds[i], ...(values[i] ?? {}) }));

function indicators(lines: string[]): Partial<Indicator>[] {
  const ind = (level1: string, level2: string, name: string): Partial<Indicator> => ({ level1, level2, name, actual: '已完成' });
  const social = block(lines, '指标1：丰富园区');
  return [
    ind('产出目标', '质量指标', one(lines, '指标1：围绕建党100周年')),
    ind('产出目标', '质量指标', one(lines, '指标2：落实巴陵新政20条')),
    ind('产出目标', '质量指标', one(lines, '指标3：根据党工委指示')),
    ind('产出目标', '质量指标', one(lines, '指标4：积极配合市委统战部')),
    ind('产出目标', '数量指标', one(lines, '指标1：各机关支部')),
    ind('产出目标', '数量指标', one(lines, '指标2：共调整干部')),
    ind('产出目标', '数量指标', one(lines, '指标3：共申报市、区级人才项目')),
    ind('产出目标', '时效指标', one(lines, '能按照时间节点完成')),
    ind('产出目标', '成本指标', one(lines, '完成全部财政预算安排资金支出目标')),
    // the template's one 社会效益 cell holds two indicators
    ind('效益目标', '社会效益', social[0]!),
    ind('效益目标', '社会效益', social[1]!),
    ind('效益目标', '经济效益', one(lines, '为全区经济发展提供了')),
    ind('效益目标', '生态效益', one(lines, '确立了党建引领')),
    {
      ...ind('效益目标', '社会公众或服务对象满意度', one(lines, '服务对象满意率高于99%')),
      // the importer reads the target out of the wording: 高于99% → > 99 %
      operator: '>',
      target: '高于99%',
      targetValue: '99',
      unit: '%',
    },
  ];
}

/** The seed report built from its printed values (independent of the importer). */
export function buildSeedReport(): Report {
  const lines = seedLines();
  const targets = block(lines, '目标1：围绕建党100周年');
  const results = block(lines, '1、 积极谋划新港区');
  const expenditure = { total: '85.33', basic: '38.43', personnel: '32.67', public: '5.76', project: '46.90', surplusYear: '1.89', surplusCumulative: '1.89' };
  const income = { total: '87.2217', carryOver: W(), fiscal: '87.2217', fund: W(), specialAccount: W(), other: W() };
  return Report.parse({
    year: 2021,
    cover: {
      title: '湖南城陵矶新港区2021年度部门整体支出绩效评价自评报告',
      region: '湖南城陵矶新港区',
      departmentName: '党群工作部',
      budgetCode: '999236',
      evaluationMethod: '部门（单位）绩效自评',
      evaluator: '部门（单位）评价组',
      reportDate: '2022-06-21',
    },
    overview: {
      contact: '王焱',
      phone: '18821880734',
      staffQuota: 3,
      actualStaff: 6,
      duties: one(lines, '负责党务工作，推进机关党建'),
      tasks: block(lines, '任务1：'),
      achievements: block(lines, '1、2021年我区新增党支部28家').join('\n'),
    },
    finance: {
      income: rowsOf([income, income]),
      expenditure: rowsOf([expenditure, expenditure]),
      // as printed: the summary carries 2.5285 while 局机关 is blank (domain A1 flags it)
      threePublic: rowsOf([{ total: '2.5285', reception: '2.5285' }]),
      fixedAssets: rowsOf([]),
    },
    performance: {
      qualitative: targets.map((target, i) => ({ target, result: results[i] ?? '' })),
      indicators: indicators(lines),
      selfScore: 97,
      grade: '优秀',
    },
    evaluators: [{ name: '王焱', title: '科员', unit: '党群工作部', signature: '' }],
    narrative: narrative(lines),
  });
}

/**
 * The seed Report the export tests use: the fixture read through importFile, the real path a report
 * takes. buildSeedReport() is the same report written out by hand; it is used when USE_IMPORTER is off
 * or the importer cannot load (it is developed alongside), so the export suite tests the exporters and
 * not the importer of the day. The fallback says so on stderr.
 */
export const USE_IMPORTER = true;
export async function loadSeedReport(): Promise<Report> {
  if (!USE_IMPORTER) return buildSeedReport();
  try {
    const { importFile } = await import('../../import/index');
    const result = await importFile(new Uint8Array(readFileSync(SEED_PATH)), 'seed-report-2021-dangqun.txt');
    return result.report;
  } catch (e) {
    console.warn(`test-seed: importFile failed (${(e as Error).message}); using the hand-built seed`);
    return buildSeedReport();
  }
}
