// The demo bureau mid-cycle, as data: eight departments, two years of history (2019, 2020: reported,
// re-scored in part, published) and the 2021 task in every state — late, extended, submitted,
// sampled, re-scored, returned with a dispute, accepted — plus 整改 notices. Figures are fictional.
import type { ReportStatus } from '../../core/workflow/index';
import type { DemoFigures } from './figures';

export const DEPARTMENTS = [
  { key: 'dangqun', name: '党群工作部', code: '999236', section: 'admin' },
  { key: 'office', name: '党政办公室', code: '999201', section: 'admin' },
  { key: 'emergency', name: '应急管理局', code: '999250', section: 'admin' },
  { key: 'economy', name: '经济发展局', code: '999245', section: 'econ' },
  { key: 'water', name: '水利局', code: '999260', section: 'econ' },
  { key: 'transport', name: '交通运输局', code: '999261', section: 'econ' },
  { key: 'education', name: '教育体育局', code: '999270', section: 'admin' },
  { key: 'health', name: '卫生健康局', code: '999271', section: 'admin' },
] as const;

export type DeptKey = (typeof DEPARTMENTS)[number]['key'];

export interface HistoryEntry extends DemoFigures {
  /** finished 复核 total, when the bureau re-scored */
  review?: number;
  /** no tables at all (a claim without basis) */
  blank?: boolean;
}

/** 2019 and 2020: every department reported; the published reports carry their 复核 where there was one. */
export const HISTORY: Record<DeptKey, [HistoryEntry, HistoryEntry]> = {
  dangqun: [{ budgetWan: 80, execution: 91, selfScore: 92, grade: '优秀', review: 85 }, { budgetWan: 88, execution: 88, selfScore: 95, grade: '优秀', review: 84 }],
  office: [{ budgetWan: 150, execution: 95, selfScore: 88, grade: '良好' }, { budgetWan: 160, execution: 93, selfScore: 90, grade: '优秀', review: 86 }],
  emergency: [{ budgetWan: 300, execution: 97, selfScore: 85, grade: '良好', review: 83 }, { budgetWan: 320, execution: 96, selfScore: 87, grade: '良好' }],
  economy: [{ budgetWan: 1200, execution: 58, selfScore: 93, grade: '优秀' }, { budgetWan: 1350, execution: 57, selfScore: 96, grade: '优秀', review: 78 }],
  water: [{ budgetWan: 2600, execution: 80, selfScore: 78, grade: '合格', review: 75 }, { budgetWan: 2800, execution: 85, selfScore: 82, grade: '良好', review: 80 }],
  transport: [{ budgetWan: 1800, execution: 89, selfScore: 90, grade: '优秀' }, { budgetWan: 1900, execution: 90, selfScore: 91, grade: '优秀' }],
  education: [{ budgetWan: 2200, execution: 94, selfScore: 86, grade: '良好' }, { budgetWan: 2400, execution: 82, selfScore: 72, grade: '合格', review: 70 }],
  health: [{ budgetWan: 900, execution: 92, selfScore: 89, grade: '良好', review: 88 }, { budgetWan: 950, execution: 93, selfScore: 97, grade: '优秀', blank: true }],
};

export interface CurrentEntry extends DemoFigures {
  /** 'seed' = 党群工作部's imported report; 'none' = the department deleted its issued draft */
  status: ReportStatus | 'seed' | 'none';
  untouched?: boolean;
  review?: { total: number | null; opinion: string };
  extendedDays?: number;
  /** returned with this reason on the cell, and the department's dispute */
  returned?: { reason: string; path: string; dispute: string };
  /** a passage of 党群工作部's 2020 narrative copied into the 2021 report */
  copies?: boolean;
}

export const CURRENT_YEAR = 2021;

export const CURRENT: Record<DeptKey, CurrentEntry> = {
  dangqun: { status: 'seed', budgetWan: 0, execution: 0, selfScore: 97, grade: '优秀' },
  office: { status: 'none', budgetWan: 0, execution: 0, selfScore: null, grade: '' },
  emergency: { status: 'accepted', budgetWan: 330, execution: 95, selfScore: 90, grade: '优秀', review: { total: 84, opinion: '应急物资储备指标缺少数量依据' } },
  economy: { status: 'submitted', budgetWan: 1400, execution: 56, selfScore: 95, grade: '优秀' },
  water: { status: 'finance_review', budgetWan: 2900, execution: 86, selfScore: 84, grade: '良好', review: { total: null, opinion: '' } },
  transport: {
    status: 'returned', budgetWan: 2000, execution: 91, selfScore: 92, grade: '优秀', copies: true,
    returned: { reason: '三公经费表局机关行合计与明细不符，请核对后重新报送。', path: 'finance.threePublic[1].total', dispute: '局机关行合计含公务用车购置费，已在二级机构行列示，合计无误。' },
  },
  education: { status: 'dept_review', budgetWan: 2500, execution: 88, selfScore: 80, grade: '良好' },
  health: { status: 'draft', untouched: true, budgetWan: 1000, execution: 90, selfScore: null, grade: '', extendedDays: 5 },
};

/** 整改 notices: the year the problems were found in, to whom, and each item's state. */
export const NOTICES: Array<{ dept: DeptKey; year: number; basis: 'rescore' | 'grade'; items: Array<{ problem: string; requirement: string; answer?: string; status: 'open' | 'answered' | 'accepted' }> }> = [
  {
    dept: 'dangqun', year: 2020, basis: 'rescore', items: [
      { problem: '定量指标完成值多为“已完成”，没有实际数值', requirement: '定量指标逐项填写与目标值同单位的实际完成数值', answer: '已修订指标体系，2021年度起逐项填报实际数值。', status: 'accepted' },
      { problem: '三公经费表局机关行未填列明细，汇总数无支撑', requirement: '补全局机关及二级机构的三公经费明细', status: 'open' },
    ],
  },
  { dept: 'education', year: 2020, basis: 'grade', items: [{ problem: '评价等次为“合格”，预算执行率偏低', requirement: '分析执行偏低原因，完善项目支出进度管理', answer: '已建立月度支出进度通报机制。', status: 'answered' }] },
  { dept: 'emergency', year: 2021, basis: 'rescore', items: [{ problem: '应急物资储备指标缺少数量依据', requirement: '补充物资储备台账，指标填写实际储备数量', status: 'open' }] },
];

/** Days relative to the moment the demo is seeded: the 2021 task is mid-cycle whenever you start it. */
export const DEADLINE_OFFSETS = { selfEvalDue: -3, financeReviewDue: 18, publishBy: 40 };
