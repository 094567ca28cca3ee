// Editing the team's 评分表 (report.scoreSheet): one claim per template item, created on first input and
// dropped when emptied; lines the rule scores from their facts (checks, violations) carry that score, so
// the sheet's total is what the engine will count. And how a claimed line compares with what Jixiao
// computes, in one sentence.
import type { ScoreClaim } from '../../../src/core/model/report';
import type { ScoreItem } from '../../../src/core/model/score';
import type { ScoreRule } from '../../../src/core/model/template';
import { factScore } from '../../../src/core/scoring/claims';

export type ClaimPatch = Partial<Omit<ScoreClaim, 'itemId'>>;

const isEmpty = (c: ScoreClaim) =>
  c.score == null && !c.note.trim() && !c.notApplicable && c.level == null && c.violations == null && !(c.checks ?? []).some(Boolean);

/** The claims with item `itemId`'s claim patched (created when absent, removed when nothing is left). */
export function patchClaim(claims: readonly ScoreClaim[], itemId: string, patch: ClaimPatch, rule: ScoreRule | undefined, weight: number): ScoreClaim[] {
  const i = claims.findIndex((c) => c.itemId === itemId);
  const old: ScoreClaim = i >= 0 ? claims[i]! : { itemId, score: null, note: '' };
  const next: ScoreClaim = { ...old, ...patch };
  // undefined keys are left out, as the schema's optional fields are
  for (const k of Object.keys(next) as Array<keyof ScoreClaim>) if (next[k] === undefined) delete next[k];
  const fact = factScore(rule, weight, next);
  if (fact != null) next.score = fact;
  if (next.notApplicable) next.score = null;
  const out = claims.slice();
  if (isEmpty(next)) {
    if (i >= 0) out.splice(i, 1);
    return out;
  }
  if (i >= 0) out[i] = next;
  else out.push(next);
  return out;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** How the team's line compares with Jixiao's, and why they differ. */
export function compareLine(item: ScoreItem | undefined, counted: number | null, claim: ScoreClaim | undefined): string {
  if (!item) return '';
  if (item.status === 'unknown') return '评分标准尚待模板确认，此项暂不计分。';
  if (claim?.notApplicable) return claim.note.trim() ? `标注不适用：${claim.note.trim()}。${item.explanation}` : '标注不适用须写明原因。';
  const why = [item.explanation, ...item.deductions.map((d) => `扣${fmt(d.points)}分：${d.reason}`)].join('；');
  if (counted == null) {
    if (item.status === 'scored') return `尚未自评；系统核算${fmt(item.score!)}分：${why}`;
    return `尚未自评；系统无法核算：${why}`;
  }
  if (item.status !== 'scored' || item.score == null) return `系统无法核算，自评得分有待核实：${why}`;
  const d = Math.round((counted - item.score) * 100) / 100;
  if (d === 0) return `与系统核算一致：${why}`;
  return `自评比系统核算${d > 0 ? '高' : '低'}${fmt(Math.abs(d))}分。系统核算依据：${why}`;
}
