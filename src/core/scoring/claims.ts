// The 评分表 as the evaluation team fills it in (report.scoreSheet, one claim per item): which of the
// template's items are claimed, what they add up to, and whether the sheet is complete, so that the
// claimed 绩效自评综合得分 and 评价等次 follow from it. Only the template's known items count; its placeholder
// items are the bureau's to define (in its own template), not the team's to score.
import type { Report, ScoreClaim } from '../model/report';
import type { ScoreRule, Template } from '../model/template';
import { Dec, k, round2 } from './decimal';
import { type Leaf, flatten } from './flatten';
import { gradeFor } from './grade';

export interface ClaimLine {
  leaf: Leaf;
  /** index of its claim in report.scoreSheet, or -1 */
  index: number;
  claim: ScoreClaim | undefined;
  /** the score the line adds to the sheet's total: the claimed score, or the full weight of a 不适用 line under fullMarks */
  counted: number | null;
}

export interface ClaimSheet {
  lines: ClaimLine[];
  /** Σ counted scores */
  claimed: number;
  /** weight of the lines counted */
  claimedWeight: number;
  /** weight of known lines not yet claimed */
  openWeight: number;
  /** weight of the template's placeholder lines (no team can score them) */
  unknownWeight: number;
  /** lines marked 不适用 under a rescaling template (10号): their weight leaves the scale */
  rescaledWeight: number;
  /** every line claimed: the total and grade follow from the sheet */
  complete: boolean;
  total: number | null;
  grade: string | null;
  /** indexes of claims that name no item of the template */
  foreign: number[];
}

type Rule<T extends ScoreRule['type']> = Extract<ScoreRule, { type: T }>;

/**
 * The score a claim's facts give where the rule computes it from them: a checklist from the points met,
 * a violation count from the points deducted (扣完为止). Null for rules whose score is typed in or
 * computed from the report's data.
 */
export function factScore(rule: ScoreRule | undefined, weight: number, claim: ScoreClaim | undefined): number | null {
  if (!rule || !claim) return null;
  if (rule.type === 'checklist' && claim.checks) {
    const items = (rule as Rule<'checklist'>).items;
    return round2(items.reduce((s, it, i) => (claim.checks![i] ? s.plus(k(it.points)) : s), new Dec(0)));
  }
  if (rule.type === 'violationDeduct' && !rule.metric && claim.violations != null) {
    const left = new Dec(weight).minus(new Dec(claim.violations).times(k((rule as Rule<'violationDeduct'>).pointsPerViolation)));
    return left.isNegative() ? 0 : round2(left);
  }
  return null;
}

export function claimSheet(report: Pick<Report, 'scoreSheet'>, template: Template): ClaimSheet {
  const { leaves, totalCents } = flatten(template);
  const byId = new Map<string, number>();
  report.scoreSheet.forEach((c, i) => {
    if (!byId.has(c.itemId)) byId.set(c.itemId, i);
  });
  const ids = new Set(leaves.map((l) => l.node.id));
  const rescale = template.options.naPolicy === 'rescale';
  let claimedCents = 0;
  let claimedWeightCents = 0;
  let openCents = 0;
  let unknownCents = 0;
  let rescaledCents = 0;
  const lines = leaves.map((leaf): ClaimLine => {
    const index = byId.get(leaf.node.id) ?? -1;
    const claim = index >= 0 ? report.scoreSheet[index] : undefined;
    let counted: number | null = null;
    if (leaf.unknown) unknownCents += leaf.weightCents;
    else if (claim?.notApplicable) {
      if (rescale) rescaledCents += leaf.weightCents;
      else counted = leaf.weight;
    } else if (claim) counted = factScore(leaf.node.rule, leaf.weight, claim) ?? claim.score;
    if (counted != null) {
      claimedCents += Math.round(counted * 100);
      claimedWeightCents += leaf.weightCents;
    } else if (!leaf.unknown && !(claim?.notApplicable && rescale)) openCents += leaf.weightCents;
    return { leaf, index, claim, counted };
  });
  const complete = leaves.length > 0 && openCents === 0 && unknownCents === 0;
  let total: number | null = null;
  if (complete) {
    const scale = totalCents - rescaledCents;
    total = rescaledCents === 0 ? claimedCents / 100 : scale > 0 ? round2(new Dec(claimedCents).times(totalCents).div(scale).div(100)) : null;
  }
  return {
    lines,
    claimed: claimedCents / 100,
    claimedWeight: claimedWeightCents / 100,
    openWeight: openCents / 100,
    unknownWeight: unknownCents / 100,
    rescaledWeight: rescaledCents / 100,
    complete,
    total,
    grade: gradeFor(total, template.gradeBands),
    foreign: report.scoreSheet.flatMap((c, i) => (ids.has(c.itemId) ? [] : [i])),
  };
}
