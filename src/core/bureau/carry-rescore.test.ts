import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { checkReport } from '../check';
import { acceptConcerns } from './accept-concerns';
import { carryOver } from './carry-over';
import { financeOpinionDraft } from './opinion';
import { rescoreProblems, rescoreSheet } from './rescore';

const target = { year: 2022, departmentName: '党群工作部', budgetCode: '999236' };

describe('start from last year', () => {
  it('carries the seed’s cover, 概况, row sets, 三公 决算 and indicators without actuals', () => {
    const prev = seedReport();
    const { report: r, fromYear, carried } = carryOver(prev, target);
    expect(fromYear).toBe(2021);
    expect(r.year).toBe(2022);
    expect(r.cover.title).toContain('2022年度');
    expect(r.cover.title).not.toContain('2021');
    expect(r.cover.reportDate).toBeNull();
    expect(r.overview.contact).toBe(prev.overview.contact);
    expect(r.overview.staffQuota).toBe(3);
    expect(r.overview.achievements).toBe('');
    expect(r.finance.threePublic.map((x) => x.institution)).toEqual(prev.finance.threePublic.map((x) => x.institution));
    expect(r.finance.income.every((x) => x.total === null && x.fiscal === null)).toBe(true);
    expect(r.basics.threePublicPriorYear).toBe('2.5285');
    expect(r.performance.indicators).toHaveLength(14);
    const [a, b] = [prev.performance.indicators[0]!, r.performance.indicators[0]!];
    expect(b).toMatchObject({ name: a.name, level1: a.level1, level2: a.level2, kind: a.kind, operator: a.operator, target: a.target, unit: a.unit });
    expect(r.performance.indicators.every((x) => x.actual === '' && x.actualValue === null && x.score === null)).toBe(true);
    expect(r.performance.selfScore).toBeNull();
    expect(r.signoffs.leader.signer).toBe('');
    expect(r.narrative.map((n) => n.heading)).toEqual(prev.narrative.map((n) => n.heading));
    expect(r.narrative.every((n) => n.text === '')).toBe(true);
    expect(carried).toContain('上年度三公经费 2.5285 万元（2021年度决算数，用于三公经费变动率）');
    // the 三公 变动率 line now has its prior-year input
    const score = checkReport(r).score.items.find((i) => i.id === 'input.allocation.threePublicChange')!;
    expect(score.missing ?? []).not.toContain('上年度三公经费');
  });

  it('keeps whatever else an indicator carries (a library id) and lists last year’s 整改 items', () => {
    const prev = seedReport();
    (prev.performance.indicators[0] as Record<string, unknown>).libraryId = 'lib-42';
    const { report: r, carried } = carryOver(prev, target, [
      { itemId: 'i1', problem: '指标细化量化不够', requirement: '定量指标须有数值', dueDate: '2022-12-31', answer: '已修订指标', accepted: true },
      { itemId: 'i2', problem: '三公经费表缺明细', requirement: '补全局机关行', dueDate: null, answer: '', accepted: false },
    ]);
    expect((r.performance.indicators[0] as Record<string, unknown>).libraryId).toBe('lib-42');
    expect(r.priorIssues).toEqual([
      { itemId: 'i1', problem: '指标细化量化不够', requirement: '定量指标须有数值', dueDate: '2022-12-31', measures: '已修订指标', status: '已整改' },
      { itemId: 'i2', problem: '三公经费表缺明细', requirement: '补全局机关行', dueDate: null, measures: '', status: '' },
    ]);
    expect(carried[0]).toBe('上年问题整改情况 2 项');
    const f = checkReport(r, { expectedPriorIssues: [{ itemId: 'i1', problem: 'x' }, { itemId: 'i2', problem: 'y' }, { itemId: 'i3', problem: '资产未入账' }] }).findings;
    expect(f.filter((x) => x.rule === 'X8').map((x) => [x.code, x.path])).toEqual([
      ['PRIOR.UNANSWERED', 'priorIssues[1].measures'],
      ['PRIOR.MISSING', 'priorIssues'],
    ]);
    expect(f.find((x) => x.code === 'PRIOR.MISSING')!.message).toBe('上年问题整改情况：缺少上年度整改通知中的问题“资产未入账”，请逐项说明整改情况。');
  });

  it('starts blank without a previous report', () => {
    const { report, fromYear, carried } = carryOver(null, target);
    expect(fromYear).toBeNull();
    expect(carried).toEqual([]);
    expect(report.cover.departmentName).toBe('党群工作部');
    expect(report.finance.income).toEqual([]);
  });
});

describe('复核 beside 自评 and the computed score', () => {
  const report = seedReport();
  const card = checkReport(report).score;
  const all = card.items.map((i) => ({ itemId: i.id, score: i.weight, reason: '' }));

  it('shows the three values per line, needs a reason for each change, and never touches the claim', () => {
    const staff = card.items.find((i) => i.id === 'input.allocation.staffControl')!;
    expect(staff.score).toBe(0);
    const problems = rescoreProblems(card, all);
    expect(problems).toContain('评分表·财政供养人员控制率：复核得分5分与系统计算0分不同，请写明调整理由');
    expect(rescoreProblems(card, [{ itemId: 'nope', score: 1, reason: '' }, { itemId: staff.id, score: 6, reason: 'x' }])).toEqual([
      '评分表中没有“nope”这一项', '评分表·财政供养人员控制率：复核得分6分不在0至5分之间',
    ]);
    const input = all.map((x) => (x.itemId === staff.id ? { ...x, score: 0 } : x.itemId === 'outputOutcome.placeholder.items' ? { ...x, score: 30, reason: '产出效果缺数值依据' } : x));
    const sheet = rescoreSheet(report, card, input);
    expect(sheet.complete).toBe(true);
    expect(sheet.total).toBe(80);
    expect(sheet.grade).toBe('良好');
    expect(sheet.commonGrade).toBe('良');
    expect(sheet.selfTotal).toBe(97);
    expect(sheet.deviation).toBe(0.2125);
    const line = sheet.lines.find((l) => l.itemId === staff.id)!;
    expect(line).toMatchObject({ self: null, computed: 0, review: 0, changed: false });
    expect(report.performance.selfScore).toBe(97);
    expect(rescoreSheet(report, card, input.slice(1)).total).toBeNull();
    expect(financeOpinionDraft({ sheet, reviewOpinion: '指标量化不足', findings: checkReport(report).findings, waivedCount: 3 })).toMatch(
      /^经复核，部门自评97分，复核得分80分（良好），偏离度\+21\.25%。复核意见：指标量化不足。自动校验发现错误\d+项（其中部门书面说明豁免3项）、警告\d+项/,
    );
  });

  it('lists what to weigh before accepting', () => {
    const { findings, score } = checkReport(report);
    const err = findings.find((f) => f.severity === 'error')!;
    const concerns = acceptConcerns({ findings, waivers: [{ code: err.code, path: err.path, reason: '原表所限' }], score, selfScore: 97, openDisputes: 1, sampled: true, rescored: false, openPriorIssues: 2 });
    const codes = concerns.map((c) => c.code);
    expect(codes).toContain('WAIVED_ERROR');
    expect(codes).toContain('UNWAIVED_ERROR');
    expect(concerns.find((c) => c.code === 'WAIVED_ERROR')!.message).toContain('豁免理由：原表所限');
    expect(concerns.find((c) => c.code === 'PARTIAL_BASIS')!.message).toBe('自评得分97分中，评分表只有8分的指标可由报告数据计算（计算得0分）');
    expect(codes.slice(-3)).toEqual(['OPEN_DISPUTE', 'SAMPLED_NOT_RESCORED', 'PRIOR_ISSUES_OPEN']);
    const clean = acceptConcerns({ findings: [], waivers: [], score: { ...score, basis: 'complete', total: 90 }, selfScore: 92, openDisputes: 0, sampled: true, rescored: true, openPriorIssues: 0 });
    expect(clean).toEqual([]);
    expect(acceptConcerns({ findings: [], waivers: [], score: { ...score, basis: 'complete', total: 80 }, selfScore: 92, openDisputes: 0, sampled: false, rescored: false, openPriorIssues: 0 })[0]!.message).toBe('自评得分92分比按评分表计算的80分高12分');
  });
});
