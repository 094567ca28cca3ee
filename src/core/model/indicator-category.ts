// Indicator categories (财预〔2021〕101号): 产出 {数量, 质量, 时效, 成本}, 效益 {经济, 社会, 生态, 可持续影响},
// 满意度. Reports print them in many ways ("产出目标（部门工作实绩…）", "社会效益指标", "社会公众或服务对象满意度"
// under 效益目标 in the Yueyang form); rules and scoring both read them through here.
import type { FormDescriptor } from '../forms/schema';
import type { Indicator } from './report';

export type IndicatorCategory =
  | 'quantity' // 数量指标
  | 'quality' // 质量指标
  | 'timeliness' // 时效指标
  | 'cost' // 成本指标
  | 'economic' // 经济效益
  | 'social' // 社会效益
  | 'ecological' // 生态效益
  | 'sustainability' // 可持续影响
  | 'satisfaction' // 满意度
  | 'other';

/** The categories in the order the 101号 tree prints them. */
export const CATEGORY_ORDER: readonly IndicatorCategory[] = ['quantity', 'quality', 'timeliness', 'cost', 'economic', 'social', 'ecological', 'sustainability', 'satisfaction', 'other'];

export type IndicatorGroup = 'output' | 'outcome' | 'satisfaction' | 'other';

const CATEGORY: ReadonlyArray<[RegExp, IndicatorCategory]> = [
  [/满意/, 'satisfaction'],
  [/数量/, 'quantity'],
  [/质量/, 'quality'],
  [/时效/, 'timeliness'],
  [/成本/, 'cost'],
  [/经济效益/, 'economic'],
  [/社会效益/, 'social'],
  [/生态效益|生态环境效益/, 'ecological'],
  [/可持续/, 'sustainability'],
];

/** A category's name as the form's 二级指标 choices give it (数量指标, 生态效益 …), else 其他. */
export function categoryName(form: FormDescriptor, c: IndicatorCategory): string {
  return form.indicators.level2.find((x) => x.category === c)?.label ?? '其他';
}

// The same few 一级/二级 labels recur in every report: classify each pair once. Keyed level1 → level2
// rather than by a joined string, so that a lookup builds (and hashes) no new string.
const MEMO = new Map<string, Map<string, IndicatorCategory>>();
let memoSize = 0;

export function categoryOf(ind: Pick<Indicator, 'level1' | 'level2'>): IndicatorCategory {
  let byLevel2 = MEMO.get(ind.level1);
  let c = byLevel2?.get(ind.level2);
  if (c === undefined) {
    c = classify(ind);
    if (memoSize > 10_000) {
      MEMO.clear();
      memoSize = 0;
      byLevel2 = undefined;
    }
    if (!byLevel2) MEMO.set(ind.level1, (byLevel2 = new Map()));
    byLevel2.set(ind.level2, c);
    memoSize++;
  }
  return c;
}

function classify(ind: Pick<Indicator, 'level1' | 'level2'>): IndicatorCategory {
  const l2 = ind.level2.replace(/\s/g, '');
  for (const [re, c] of CATEGORY) if (re.test(l2)) return c;
  if (/满意/.test(ind.level1)) return 'satisfaction';
  return 'other';
}

export function groupOf(ind: Pick<Indicator, 'level1' | 'level2'>): IndicatorGroup {
  const c = categoryOf(ind);
  if (c === 'satisfaction') return 'satisfaction';
  if (c === 'quantity' || c === 'quality' || c === 'timeliness' || c === 'cost') return 'output';
  if (c === 'economic' || c === 'social' || c === 'ecological' || c === 'sustainability') return 'outcome';
  if (/产出/.test(ind.level1)) return 'output';
  if (/效益|效果/.test(ind.level1)) return 'outcome';
  return 'other';
}
