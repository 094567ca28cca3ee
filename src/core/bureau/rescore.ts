// 复核 (finance re-scoring): the bureau scores the same 评分表 beside the department's own 自评 and the
// score Jixiao computes from the report. Per line the three values and the reviewer's reason for each
// change; the 复核得分 is the sum of the lines once every line has one, and its 等次 is read from the
// report's template. Nothing here writes into the report: the department's claim stays as it was.
import type { Report } from '../model/report';
import type { Scorecard } from '../model/score';
import { Dec } from '../scoring/decimal';
import { deviation, type ItemDeviation } from './deviation';
import { commonGradeOfScore, templateGradeOfScore } from './grades';

export interface RescoreItemInput {
  itemId: string;
  score: number | null;
  reason: string;
}

export interface RescoreLine extends ItemDeviation {
  path: string[];
  /** what the reviewer's score is compared with: the 自评 line, else the computed score */
  baseline: number | null;
  changed: boolean;
  reason: string;
  /** how Jixiao reached its computed score, or what the report lacks */
  explanation: string;
}

export interface RescoreSheet {
  lines: RescoreLine[];
  /** Σ 复核 line scores; null until every line has one */
  total: number | null;
  /** every line has a 复核 score */
  complete: boolean;
  /** in the report template's own words (优秀 in a Yueyang report) */
  grade: string | null;
  commonGrade: string | null;
  selfTotal: number | null;
  computedTotal: number | null;
  /** report-level 偏离度 = (自评 − 复核) / 复核 */
  deviation: number | null;
}

const hundredths = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

/** Problems with a 复核 entry against the sheet, in Chinese (each names the 评分表 line). */
export function rescoreProblems(card: Scorecard, input: readonly RescoreItemInput[]): string[] {
  const byId = new Map(card.items.map((i) => [i.id, i]));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const x of input) {
    const item = byId.get(x.itemId);
    if (!item) {
      out.push(`评分表中没有“${x.itemId}”这一项`);
      continue;
    }
    if (seen.has(x.itemId)) out.push(`评分表·${item.name}：重复填写`);
    seen.add(x.itemId);
    if (x.score == null) continue;
    if (!Number.isFinite(x.score) || x.score < 0 || x.score > item.weight) out.push(`评分表·${item.name}：复核得分${x.score}分不在0至${item.weight}分之间`);
    else if (!hundredths(x.score)) out.push(`评分表·${item.name}：复核得分最多保留两位小数`);
  }
  for (const line of rescoreLines(card, input)) {
    if (line.changed && !line.reason.trim())
      out.push(`评分表·${line.name}：复核得分${line.review}分与${line.self != null ? `自评${line.self}分` : `系统计算${line.computed}分`}不同，请写明调整理由`);
  }
  return out;
}

function rescoreLines(card: Scorecard, input: readonly RescoreItemInput[]): RescoreLine[] {
  const given = new Map(input.map((x) => [x.itemId, x]));
  return card.items.map((item) => {
    const x = given.get(item.id);
    const self = item.claimed ?? null;
    const computed = item.score;
    const review = x?.score ?? null;
    const baseline = self ?? computed;
    return {
      itemId: item.id, name: item.name, path: item.path, weight: item.weight, self, computed, review,
      deviation: deviation(self, review), baseline, changed: review != null && baseline != null && review !== baseline,
      reason: x?.reason ?? '', explanation: item.explanation,
    };
  });
}

export function rescoreSheet(report: Pick<Report, 'templateId' | 'performance'>, card: Scorecard, input: readonly RescoreItemInput[]): RescoreSheet {
  const lines = rescoreLines(card, input);
  const complete = lines.length > 0 && lines.every((l) => l.review != null);
  const total = complete ? lines.reduce((s, l) => s.plus(l.review!), new Dec(0)).toDecimalPlaces(2).toNumber() : null;
  const selfTotal = report.performance.selfScore;
  return {
    lines, total, complete,
    grade: templateGradeOfScore(total, report.templateId),
    commonGrade: commonGradeOfScore(total),
    selfTotal, computedTotal: card.total,
    deviation: deviation(selfTotal, total),
  };
}
