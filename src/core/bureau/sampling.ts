// 抽查: a risk-based sample of a task's reports for 复核 (a 项目支出 task's: each project table a candidate). Each candidate gets a risk score Σ weight × factor
// (each factor in [0, 1], weights set by the bureau); the riskiest take the risk share of the sample and
// a seeded random draw from the rest takes the random share, so every report can be picked and the same
// inputs with the same seed give the same sample. Every pick says why, in Chinese.
import { fenToWan } from '../money';
import { Dec } from '../scoring/decimal';
import { drawWithoutReplacement, seededRandom } from './prng';

export const RISK_FACTORS = ['largeBudget', 'highScoreLowBasis', 'waivedErrors', 'copiedText', 'lowExecution', 'priorLowGrade', 'notSampledRecently'] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export const RISK_FACTOR_LABEL: Record<RiskFactor, string> = {
  largeBudget: '预算规模大',
  highScoreLowBasis: '自评分高但可计算依据少',
  waivedErrors: '豁免错误多',
  copiedText: '文字与其他部门雷同',
  lowExecution: '预算执行率低',
  priorLowGrade: '上年度等次为中或差',
  notSampledRecently: '近年未被抽查',
};

export type RiskWeights = Record<RiskFactor, number>;

export const DEFAULT_WEIGHTS: Readonly<RiskWeights> = Object.freeze({
  largeBudget: 2,
  highScoreLowBasis: 3,
  waivedErrors: 2,
  copiedText: 2,
  lowExecution: 2,
  priorLowGrade: 2,
  notSampledRecently: 1,
});

export interface Candidate {
  departmentId: string;
  departmentName: string;
  reportId: string;
  /** 支出合计 in 分, null when the report does not state it */
  budgetFen: number | null;
  selfScore: number | null;
  /** weight of the 评分表 lines the report's data supports, 0–100 */
  computableWeight: number;
  waivedErrors: number;
  /** passages found copied from other departments */
  copiedPassages: number;
  /** the cover names another unit or budget code */
  wrongDepartment: boolean;
  /** 预算执行率 in percent */
  executionRate: number | null;
  /** last year's common grade (优/良/中/差) */
  priorGrade: string | null;
  /** years since this department was last sampled; null = never */
  yearsSinceSampled: number | null;
}

export interface SampleParams {
  /** how many reports, or… */
  size?: number;
  /** …what percentage of the candidates (rounded up) */
  percent?: number;
  weights: RiskWeights;
  /** share of the sample drawn at random, 0–1 */
  randomShare: number;
  seed: string;
  /** "not sampled for k years" */
  recentYears: number;
}

export interface Ranked {
  candidate: Candidate;
  risk: number;
  factors: Partial<Record<RiskFactor, number>>;
  reasons: string[];
}

export interface SamplePick {
  departmentId: string;
  reportId: string;
  source: 'risk' | 'random';
  risk: number;
  reasons: string[];
}

export interface SampleResult {
  size: number;
  riskCount: number;
  randomCount: number;
  picks: SamplePick[];
  /** every candidate with its risk score, riskiest first */
  ranked: Ranked[];
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const pct = (x: number) => `${new Dec(x).toDecimalPlaces(2).toFixed(2)}%`;

/** Problems with the parameters, in Chinese. */
export function sampleProblems(p: SampleParams, candidates: number): string[] {
  const out: string[] = [];
  if (p.size == null && p.percent == null) out.push('请填写抽查数量或比例');
  if (p.size != null && (!Number.isInteger(p.size) || p.size < 1)) out.push('抽查数量须为正整数');
  if (p.percent != null && !(p.percent > 0 && p.percent <= 100)) out.push('抽查比例须在 0 到 100 之间');
  if (!(p.randomShare >= 0 && p.randomShare <= 1)) out.push('随机抽取占比须在 0 到 1 之间');
  for (const f of RISK_FACTORS) if (!(p.weights[f] >= 0)) out.push(`风险因素“${RISK_FACTOR_LABEL[f]}”的权重须为非负数`);
  if (!p.seed.trim()) out.push('随机种子不能为空');
  if (!Number.isInteger(p.recentYears) || p.recentYears < 1) out.push('“近 k 年未被抽查”的年数须为正整数');
  if (candidates === 0) out.push('没有可抽查的报告（须已报送财政）');
  return out;
}

export function sampleSize(p: Pick<SampleParams, 'size' | 'percent'>, candidates: number): number {
  const n = p.size ?? Math.ceil((candidates * (p.percent ?? 0)) / 100);
  return Math.max(0, Math.min(candidates, n));
}

/** Each factor's value in [0, 1] and the sentence saying why, for one candidate among all of them. */
function factorsOf(c: Candidate, budgetRank: Map<string, number>, budgetCount: number, k: number) {
  const v: Partial<Record<RiskFactor, number>> = {};
  const why: Partial<Record<RiskFactor, string>> = {};
  const rank = budgetRank.get(c.reportId);
  if (c.budgetFen != null && rank != null) {
    v.largeBudget = budgetCount > 1 ? 1 - rank / (budgetCount - 1) : 1;
    why.largeBudget = `支出合计${fenToWan(c.budgetFen, 2)}万元，在本批 ${budgetCount} 份中居第 ${rank + 1} 位`;
  }
  if (c.selfScore != null) {
    v.highScoreLowBasis = clamp01((c.selfScore - 60) / 40) * clamp01(1 - c.computableWeight / 100);
    why.highScoreLowBasis = `自评${c.selfScore}分，评分表中只有${c.computableWeight}分的指标可由报告数据计算`;
  }
  if (c.waivedErrors > 0) {
    v.waivedErrors = clamp01(c.waivedErrors / 5);
    why.waivedErrors = `提交时豁免了 ${c.waivedErrors} 项错误`;
  }
  if (c.wrongDepartment || c.copiedPassages > 0) {
    v.copiedText = c.wrongDepartment ? 1 : clamp01(c.copiedPassages / 5);
    why.copiedText = c.wrongDepartment ? '报告封面为其他单位（疑似导入错部门）' : `有 ${c.copiedPassages} 处文字与其他部门的报告雷同`;
  }
  if (c.executionRate != null) {
    v.lowExecution = clamp01((95 - c.executionRate) / 35);
    why.lowExecution = `预算执行率${pct(c.executionRate)}`;
  }
  if (c.priorGrade === '中' || c.priorGrade === '差') {
    v.priorLowGrade = c.priorGrade === '差' ? 1 : 0.6;
    why.priorLowGrade = `上年度评价等次为“${c.priorGrade}”`;
  }
  v.notSampledRecently = c.yearsSinceSampled == null ? 1 : clamp01(c.yearsSinceSampled / k);
  why.notSampledRecently = c.yearsSinceSampled == null ? '以往未被抽查' : `${c.yearsSinceSampled} 年前被抽查过`;
  return { v, why };
}

/**
 * Every candidate's risk score, riskiest first; ties by department id, then report id (a 项目支出 task has
 * several reports of a department), so the order never depends on input order.
 */
export function rankCandidates(candidates: readonly Candidate[], weights: RiskWeights, recentYears: number): Ranked[] {
  const withBudget = candidates.filter((c) => c.budgetFen != null).sort((a, b) => b.budgetFen! - a.budgetFen! || byReport(a, b));
  const budgetRank = new Map(withBudget.map((c, i) => [c.reportId, i]));
  const ranked = candidates.map((c) => {
    const { v, why } = factorsOf(c, budgetRank, withBudget.length, recentYears);
    let risk = new Dec(0);
    const parts: Array<{ f: RiskFactor; contribution: number }> = [];
    for (const f of RISK_FACTORS) {
      const x = v[f] ?? 0;
      const contribution = new Dec(weights[f]).times(x).toDecimalPlaces(4).toNumber();
      if (contribution > 0) parts.push({ f, contribution });
      risk = risk.plus(contribution);
    }
    parts.sort((a, b) => b.contribution - a.contribution);
    const reasons = parts.map((p) => `${RISK_FACTOR_LABEL[p.f]}（+${p.contribution}）：${why[p.f]}`);
    return { candidate: c, risk: risk.toDecimalPlaces(4).toNumber(), factors: v, reasons };
  });
  return ranked.sort((a, b) => b.risk - a.risk || byReport(a.candidate, b.candidate));
}

export function drawSample(candidates: readonly Candidate[], p: SampleParams): SampleResult {
  const ranked = rankCandidates(candidates, p.weights, p.recentYears);
  const size = sampleSize(p, candidates.length);
  const randomCount = Math.min(size, Math.round(size * p.randomShare));
  const riskCount = size - randomCount;
  const byRisk = ranked.slice(0, riskCount);
  // the random share is drawn from the rest in a canonical order (department id, report id), never the input's
  const rest = ranked.slice(riskCount).sort((a, b) => byReport(a.candidate, b.candidate));
  const drawn = drawWithoutReplacement(rest, randomCount, seededRandom(p.seed));
  const picks: SamplePick[] = [
    ...byRisk.map((r, i) => ({ departmentId: r.candidate.departmentId, reportId: r.candidate.reportId, source: 'risk' as const, risk: r.risk, reasons: [`风险得分 ${r.risk}，居第 ${i + 1} 位`, ...r.reasons] })),
    ...drawn.map((r) => ({ departmentId: r.candidate.departmentId, reportId: r.candidate.reportId, source: 'random' as const, risk: r.risk, reasons: [`随机抽取（种子“${p.seed}”）`, ...r.reasons] })),
  ];
  return { size, riskCount, randomCount: drawn.length, picks, ranked };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The canonical order of candidates: by department (one report each in a 部门整体 task), then report. */
function byReport(a: Pick<Candidate, 'departmentId' | 'reportId'>, b: Pick<Candidate, 'departmentId' | 'reportId'>): number {
  return cmp(a.departmentId, b.departmentId) || cmp(a.reportId, b.reportId);
}
