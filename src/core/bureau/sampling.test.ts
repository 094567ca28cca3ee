import { describe, expect, it } from 'vitest';
import { drawWithoutReplacement, seededRandom } from './prng';
import { DEFAULT_WEIGHTS, drawSample, rankCandidates, sampleProblems, sampleSize, type Candidate } from './sampling';

function candidate(i: number, over: Partial<Candidate> = {}): Candidate {
  return {
    departmentId: `d${String(i).padStart(3, '0')}`, departmentName: `部门${i}`, reportId: `r${i}`,
    budgetFen: (100 + i) * 1_000_000, selfScore: 85, computableWeight: 40, waivedErrors: 0, copiedPassages: 0,
    wrongDepartment: false, executionRate: 95, priorGrade: '良', yearsSinceSampled: 1, ...over,
  };
}

const params = { size: 5, weights: { ...DEFAULT_WEIGHTS }, randomShare: 0.4, seed: '2026-绩效抽查', recentYears: 3 };

describe('seeded random', () => {
  it('gives the same stream for the same seed and another for another', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    const c = seededRandom('y');
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(new Set(drawWithoutReplacement([1, 2, 3, 4, 5, 6], 4, seededRandom('z'))).size).toBe(4);
  });
});

describe('risk-based sampling', () => {
  const pool = Array.from({ length: 20 }, (_, i) => candidate(i));
  pool[3] = candidate(3, { selfScore: 98, computableWeight: 0, waivedErrors: 9 });
  pool[7] = candidate(7, { executionRate: 52, priorGrade: '差' });
  pool[11] = candidate(11, { wrongDepartment: true });

  it('ranks by Σ weight × factor and says why for every pick', () => {
    const ranked = rankCandidates(pool, DEFAULT_WEIGHTS, 3);
    expect(ranked.slice(0, 3).map((r) => r.candidate.departmentId).sort()).toEqual(['d003', 'd007', 'd011']);
    const top = ranked.find((r) => r.candidate.departmentId === 'd003')!;
    expect(top.reasons.join('\n')).toContain('自评98分，评分表中只有0分的指标可由报告数据计算');
    expect(top.reasons.join('\n')).toContain('提交时豁免了 9 项错误');
    // weights are the bureau's: without the 高分低依据 and 豁免 factors d003 is no longer first
    const other = rankCandidates(pool, { ...DEFAULT_WEIGHTS, highScoreLowBasis: 0, waivedErrors: 0 }, 3);
    expect(other[0]!.candidate.departmentId).not.toBe('d003');
  });

  it('takes the riskiest for the risk share and draws the rest with the recorded seed', () => {
    const s = drawSample(pool, params);
    expect(s.size).toBe(5);
    expect(s.riskCount).toBe(3);
    expect(s.randomCount).toBe(2);
    expect(s.picks.filter((p) => p.source === 'risk').map((p) => p.departmentId).sort()).toEqual(['d003', 'd007', 'd011']);
    const random = s.picks.filter((p) => p.source === 'random');
    expect(random).toHaveLength(2);
    for (const p of random) expect(p.reasons[0]).toBe('随机抽取（种子“2026-绩效抽查”）');
    expect(new Set(s.picks.map((p) => p.departmentId)).size).toBe(5);
  });

  it('gives the same sample for the same inputs in any order, and another for another seed', () => {
    const a = drawSample(pool, params).picks.map((p) => p.departmentId);
    const b = drawSample([...pool].reverse(), params).picks.map((p) => p.departmentId);
    expect(b).toEqual(a);
    const seeds = new Set(['a', 'b', 'c', 'd', 'e'].map((seed) => drawSample(pool, { ...params, seed }).picks.filter((p) => p.source === 'random').map((p) => p.departmentId).join()));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('sizes by count or percentage and refuses bad parameters in Chinese', () => {
    expect(sampleSize({ percent: 12 }, 20)).toBe(3);
    expect(sampleSize({ size: 50 }, 20)).toBe(20);
    expect(sampleProblems({ ...params, size: undefined }, 20)).toEqual(['请填写抽查数量或比例']);
    expect(sampleProblems({ ...params, randomShare: 2, weights: { ...DEFAULT_WEIGHTS, largeBudget: -1 } }, 0)).toEqual([
      '随机抽取占比须在 0 到 1 之间', '风险因素“预算规模大”的权重须为非负数', '没有可抽查的报告（须已报送财政）',
    ]);
  });
});
