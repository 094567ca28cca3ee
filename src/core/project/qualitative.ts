// 定性 indicators of the 10号 table (domain.md §6.3): three levels, each a share of the item's weight —
// 达成年度指标 100%–80%, 部分达成 80%–60%, 未达成 60%–0%. A level is read from what the actual says:
// the target's own words (显著 / 显著, 优 / 优 on a 优良中低差 scale), a level word, or a worse grade.
import type { Indicator } from '../model/report';

export type QualitativeLevel = '达成' | '部分达成' | '未达成';

/** The share of the weight each level gives when no one scored it by hand: the top of its band. */
export const LEVEL_SHARE: Record<QualitativeLevel, number> = { 达成: 1, 部分达成: 0.8, 未达成: 0.6 };

const MET = /^(已?达成(年度指标)?|已?达到(目标|预期)?|已?完成|全部完成|按期完成|按时完成|是|有|已落实|已实现|达标|合格|满意|显著|明显|优|优秀|好|良好|高|较高|提升|提高|有效|健全|完善|规范)$/;
const PARTLY = /^(部分达成|基本达成|部分完成|基本完成|基本达到|基本实现|基本满意|较好|一般|良|中|较明显|有所提升|有所提高|基本健全|基本规范)$/;
const NOT_MET = /^(未达成|未达到|未完成|未实现|否|无|差|较差|低|不满意|不合格|不明显)$/;
// a grade scale's steps, best first: 优良中低差, 好较好一般较差差
const SCALES = [['优', '良', '中', '低', '差'], ['好', '较好', '一般', '较差', '差'], ['显著', '明显', '较明显', '一般', '不明显']];

const clean = (s: string) => s.replace(/[\s。；;，,“”"']/g, '');

/** The level a 定性 indicator's actual value reaches against its target, or null when it says nothing readable. */
export function qualitativeLevel(ind: Pick<Indicator, 'target' | 'actual'>): QualitativeLevel | null {
  const actual = clean(ind.actual);
  const target = clean(ind.target);
  if (!actual) return null;
  if (target && actual === target) return '达成';
  for (const scale of SCALES) {
    const t = scale.indexOf(target);
    const a = scale.indexOf(actual);
    if (t >= 0 && a >= 0) return a <= t ? '达成' : a === t + 1 ? '部分达成' : '未达成';
  }
  if (NOT_MET.test(actual)) return '未达成';
  if (PARTLY.test(actual)) return '部分达成';
  if (MET.test(actual)) return '达成';
  return null;
}

/** Whether an indicator is judged by levels: marked 定性, or neither its target nor its actual is a number. */
export function isQualitative(ind: Pick<Indicator, 'kind' | 'targetValue' | 'actualValue'>): boolean {
  return ind.kind === '定性' || (ind.targetValue == null && ind.actualValue == null);
}
