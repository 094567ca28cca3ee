// The self-score: X4 评分表 lines add up and stay within their weights, X5 评价等次 matches the band of the
// score, Q14 a high score needs a computable basis (numeric actual values, a scorable 评分表).
import Decimal from 'decimal.js';
import { label, section } from '../forms/index';
import type { Scorecard } from '../model/score';
import type { ScoreNode } from '../model/template';
import { claimSheet } from '../scoring/claims';
import { gradeFor, gradeMatches } from '../scoring/grade';
import type { RuleEnv } from './context';

const LEAVES = new WeakMap<readonly ScoreNode[], Map<string, ScoreNode>>();

/** The 评分表's leaf items by id, once per (frozen) template. */
function leafItems(sheet: readonly ScoreNode[]): Map<string, ScoreNode> {
  let m = LEAVES.get(sheet);
  if (!m) LEAVES.set(sheet, (m = leaves(sheet)));
  return m;
}

function leaves(nodes: readonly ScoreNode[], out = new Map<string, ScoreNode>()): Map<string, ScoreNode> {
  for (const n of nodes) {
    if (n.children?.length) leaves(n.children, out);
    else out.set(n.id, n);
  }
  return out;
}

export function selfScore(env: RuleEnv, card: Scorecard): void {
  const { performance: perf, scoreSheet } = env.report;
  const score = perf.selfScore;
  const bands = env.template.gradeBands;
  const where = section(env.form, 'performance').short;
  const gradeName = label(env.form, 'performance.grade');
  const scoreName = label(env.form, 'performance.selfScore');
  if (score != null && perf.grade.trim() && !gradeMatches(perf.grade, score, bands)) {
    env.add('X5', 'SCORE.GRADE_MISMATCH', 'error', 'performance.grade', `${where}·${gradeName}“${perf.grade}”与综合得分${score}分不符，按等次标准应为“${gradeFor(score, bands) ?? '（无对应等次）'}”。`);
  }
  if (score != null && !perf.grade.trim()) {
    env.add('X5', 'SCORE.GRADE_MISSING', 'warning', 'performance.grade', `${where}·${gradeName}未填写（综合得分${score}分应为“${gradeFor(score, bands) ?? ''}”）。`);
  }
  if (score == null) {
    env.add('X4', 'SCORE.MISSING', 'warning', 'performance.selfScore', `${where}·${scoreName}未填写。`);
  }
  const items = leafItems(env.template.scoreSheet);
  const sheetName = section(env.form, 'scoreSheet').short;
  scoreSheet.forEach((c, i) => {
    if (c.score == null) return;
    const node = items.get(c.itemId);
    if (node?.weight != null && (c.score < 0 || c.score > node.weight)) {
      env.add('X4', 'SCORE.ITEM_RANGE', 'error', `scoreSheet[${i}].score`, `${sheetName}·${node.name}：自评得分${c.score}分不在0至${node.weight}分之间。`);
    }
  });
  const sheet = claimSheet(env.report, env.template);
  for (const i of sheet.foreign) {
    env.add('X4', 'SCORE.UNKNOWN_ITEM', 'warning', `scoreSheet[${i}]`, `${sheetName}·第${i + 1}项：${env.template.name}中没有编号为“${scoreSheet[i]!.itemId}”的评分项，不计入合计。`);
  }
  if (score != null && sheet.claimedWeight > 0) {
    const sum = new Decimal(sheet.claimed);
    if (sheet.complete && sheet.total != null && new Decimal(sheet.total).minus(score).abs().greaterThan(0.01)) {
      env.add('X4', 'SCORE.SUM', 'error', 'performance.selfScore', `${where}·${scoreName}${score}分与${sheetName}各项得分合计${sheet.total}分不一致。`);
    }
    // A sheet still being filled in (or with items the template has not defined yet) bounds the score.
    const room = sheet.openWeight + sheet.unknownWeight;
    if (!sheet.complete && sheet.rescaledWeight === 0 && (sum.minus(score).greaterThan(0.01) || sum.plus(room).minus(score).lessThan(-0.01))) {
      env.add('X4', 'SCORE.SUM', 'error', 'performance.selfScore', `${where}·${scoreName}${score}分与${sheetName}不符：已填各项合计${sheet.claimed}分，其余未填或待定的评分项共${room}分，综合得分应在${sheet.claimed}至${sum.plus(room).toString()}分之间。`);
    }
  }
  basis(env, card);
}

/** Q14: a score of 90 or more with indicators lacking values, or with nothing in the 评分表 computable. */
function basis(env: RuleEnv, card: Scorecard): void {
  const score = env.report.performance.selfScore;
  if (score == null) return;
  const inds = env.report.performance.indicators.filter((x) => x.kind === '定量');
  const noValue = inds.filter((x) => x.actualValue == null).length;
  const hasClaims = env.report.scoreSheet.some((c) => c.score != null);
  const weakIndicators = inds.length > 0 && noValue > 0;
  if (score < 90 || (!weakIndicators && (hasClaims || card.basis === 'complete'))) return;
  const reasons: string[] = [];
  if (weakIndicators) reasons.push(`${inds.length}项定量指标中有${noValue}项没有数值完成值`);
  if (!hasClaims) reasons.push('报告未附评分表各项得分');
  reasons.push(
    card.computable.weight > 0
      ? `按${card.templateName}能从报告数据计算的只有${card.computable.weight}分的项目，得${card.computable.score}分`
      : `按${card.templateName}没有任何一项能从报告数据计算`,
  );
  const where = `${section(env.form, 'performance').short}·${label(env.form, 'performance.selfScore')}`;
  env.add('Q14', 'SCORE.NO_BASIS', 'error', 'performance.selfScore', `${where}${score}分缺乏可计算依据：${reasons.join('；')}。`);
}
