// What scoring a report against a 评分表 gives back. Scores are plain numbers rounded to 2 decimals
// (computed with decimal.js); "insufficient evidence" is a state of its own, never a zero.

/**
 * scored: computed from the report; insufficient: the report lacks an input the item needs;
 * unknown: the template itself does not know this item yet; notApplicable: marked 不适用.
 */
export type ItemStatus = 'scored' | 'insufficient' | 'unknown' | 'notApplicable';

/** How every page, sheet and panel names an item's status (docs/glossary.md: 数据不足 is not zero). */
export const ITEM_STATUS_LABEL: Record<ItemStatus, string> = {
  scored: '已评分',
  insufficient: '数据不足',
  unknown: '待定',
  notApplicable: '不适用',
};

export interface Deduction {
  points: number;
  /** Chinese: why, with the figures, e.g. "实有人数6人/人员编制3人=200.00%，超100个百分点，每超1个百分点扣0.5分，扣完为止" */
  reason: string;
}

export interface ScoreItem {
  id: string;
  /** 一级 / 二级 / 三级 names from the template tree */
  path: string[];
  name: string;
  weight: number;
  status: ItemStatus;
  score: number | null;
  /** the computed metric as shown to a person, e.g. "200.00%" */
  metric?: string;
  deductions: Deduction[];
  /** one Chinese sentence: how the score was reached, or what is missing */
  explanation: string;
  /** inputs the report would need (for insufficient items), Chinese labels */
  missing?: string[];
  /** what the evaluation team claimed for this line, if the report carries a 评分表 */
  claimed?: number | null;
}

export interface Scorecard {
  templateId: string;
  templateName: string;
  /** Σ item scores when every item is scored; null when any item is not computable */
  total: number | null;
  grade: string | null;
  /** what the report does support: weight of the scored items and their score */
  computable: { weight: number; score: number };
  /** complete: every item scored; partial: some; none: nothing computable */
  basis: 'complete' | 'partial' | 'none';
  items: ScoreItem[];
  /** the report's own 绩效自评综合得分 and 评价等次 */
  claimed: { score: number | null; grade: string };
}
