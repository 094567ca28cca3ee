// Which 10号 indicator group a report's indicator belongs to: the one classification in
// model/indicator-category.ts, with "none" as null for the scoring rules.
import { type IndicatorGroup as AnyGroup, groupOf } from '../model/indicator-category';
import type { Indicator } from '../model/report';

export type IndicatorGroup = Exclude<AnyGroup, 'other'>;

export const GROUP_LABEL: Record<IndicatorGroup, string> = {
  output: '产出',
  outcome: '效益',
  satisfaction: '满意度',
};

export function indicatorGroup(ind: Pick<Indicator, 'level1' | 'level2'>): IndicatorGroup | null {
  const g = groupOf(ind);
  return g === 'other' ? null : g;
}
