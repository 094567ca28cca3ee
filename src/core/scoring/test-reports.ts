// Reports built in code for the scoring tests: the seed (岳阳 城陵矶新港区党群工作部 2021) and a blank.
// Only tests import this file.
import { type Indicator, type Report, type ScoreClaim, emptyReport } from '../model/report';
import type { ScoreItem } from '../model/score';
import { Template, type TemplateOptions } from '../model/template';
import { scoreReport } from './engine';

type Row<K extends string> = { institution: string; kind: 'summary' | 'main' | 'sub' } & Record<K, string | null>;

function rows<K extends string>(keys: readonly K[], summary: Partial<Record<K, string>>, main?: Partial<Record<K, string>>): Row<K>[] {
  const make = (institution: string, kind: 'summary' | 'main' | 'sub', v: Partial<Record<K, string>> = {}) => {
    const r = { institution, kind } as Row<K>;
    for (const k of keys) (r as Record<string, unknown>)[k] = v[k] ?? null;
    return r;
  };
  return [
    make('局机关及二级机构汇总', 'summary', summary),
    make('1、局机关', 'main', main),
    make('2、二级机构1', 'sub'),
    make('3、二级机构2', 'sub'),
  ];
}

export const INCOME_KEYS = ['total', 'carryOver', 'fiscal', 'fund', 'specialAccount', 'other'] as const;
export const EXPENDITURE_KEYS = ['total', 'basic', 'personnel', 'public', 'project', 'surplusYear', 'surplusCumulative'] as const;
export const THREE_PUBLIC_KEYS = ['total', 'reception', 'vehicleOps', 'vehiclePurchase', 'overseas'] as const;
export const FIXED_ASSET_KEYS = ['total', 'inUse', 'leased', 'other'] as const;

export function indicator(level1: string, level2: string, name: string, extra: Partial<Indicator> = {}): Indicator {
  return {
    level1,
    level2,
    name,
    kind: '定量',
    operator: null,
    target: '',
    targetValue: null,
    unit: '',
    actual: '已完成',
    actualValue: null,
    weight: null,
    score: null,
    deviationReason: '',
    libraryId: null,
    ...extra,
  };
}

const OUT = '产出目标';
const EFF = '效益目标';

/** The 14 indicators of the seed, every one "已完成" with no numeric target. */
export function seedIndicators(): Indicator[] {
  return [
    indicator(OUT, '质量指标', '指标1：围绕建党100周年开展系列主题党建活动，结合党史学习教育开展实践活动。'),
    indicator(OUT, '质量指标', '指标2：落实巴陵新政20条与岳阳市人才新政45条，制定适应于三区的人才政策。'),
    indicator(OUT, '质量指标', '指标3：根据党工委指示做好组织人事工作，统筹干部提拔人事安排。'),
    indicator(OUT, '质量指标', '指标4：积极配合市委统战部落实统一战线工作。'),
    indicator(OUT, '数量指标', '指标1：各机关支部与非公企业支部共同开展活动50余次，共上党课30余次。'),
    indicator(OUT, '数量指标', '指标2：共调整干部3批次，涉及35名干部。'),
    indicator(OUT, '数量指标', '指标3：共申报市、区级人才项目8批次。'),
    indicator(OUT, '时效指标', '能按照时间节点完成党建、组织人事、人才、统战工作。'),
    indicator(OUT, '成本指标', '完成全部财政预算安排资金支出目标，不超范围、超预算支出'),
    indicator(EFF, '社会效益', '指标1：丰富园区5万余名企业职工的业余生活。'),
    indicator(EFF, '社会效益', '指标2：加大引才留才的力度，在全区形成了浓厚的尊才爱才的氛围。'),
    indicator(EFF, '经济效益', '为全区经济发展提供了坚强的人才与智力支撑'),
    indicator(EFF, '生态效益', '确立了党建引领、服务人才的服务理念。'),
    indicator(EFF, '社会公众或服务对象满意度', '服务对象满意率高于99%'),
  ];
}

export function seedReport(): Report {
  const r = emptyReport();
  r.year = 2021;
  r.cover.departmentName = '党群工作部';
  r.overview.staffQuota = 3;
  r.overview.actualStaff = 6;
  r.finance.income = rows(INCOME_KEYS, { total: '87.2217', fiscal: '87.2217' }, { total: '87.2217', fiscal: '87.2217' });
  const exp = {
    total: '85.33',
    basic: '38.43',
    personnel: '32.67',
    public: '5.76',
    project: '46.90',
    surplusYear: '1.89',
    surplusCumulative: '1.89',
  };
  r.finance.expenditure = rows(EXPENDITURE_KEYS, exp, exp);
  r.finance.threePublic = rows(THREE_PUBLIC_KEYS, { total: '2.5285', reception: '2.5285' });
  r.finance.fixedAssets = rows(FIXED_ASSET_KEYS, {});
  r.performance.indicators = seedIndicators();
  r.performance.selfScore = 97;
  r.performance.grade = '优秀';
  return r;
}

export { rows as financeRows };

export const TEST_BANDS = [
  { min: 90, label: '优秀', aliases: ['优'] },
  { min: 80, label: '良好', aliases: ['良'] },
  { min: 60, label: '合格', aliases: ['中', '一般'] },
  { min: 0, label: '不合格', aliases: ['差'] },
];

/** A template made of the given top-level nodes, parsed (with defaults) but not weight-checked. */
export function templateOf(scoreSheet: unknown[], options: Partial<TemplateOptions> = {}): Template {
  return Template.parse({ id: 'test', name: '测试评分表', region: '测试', kind: 'overall', options, gradeBands: TEST_BANDS, scoreSheet });
}

/** Scores one line (id "x", named 测试项) with the given rule and weight. */
export function scoreOne(report: Report, rule: unknown, weight = 5, options: Partial<TemplateOptions> = {}): ScoreItem {
  const card = scoreReport(report, templateOf([{ id: 'x', name: '测试项', weight, rule }], options));
  return card.items[0]!;
}

export function claim(itemId: string, fields: Partial<ScoreClaim>): ScoreClaim {
  return { itemId, score: null, note: '', ...fields };
}
