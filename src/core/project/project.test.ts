// The 项目支出 kind end to end in core: the central-layout table and a Sichuan copy import as project
// reports, the 执行率 line and the indicator formulas score them as 10号 says, the rules name what is wrong.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectReport, projectText } from '../../../test/helpers/seed';
import { toTraditionalAll } from '../../../test/helpers/variants';
import { importText } from '../../io/import/index';
import { checkReport } from '../check';
import { Report } from '../model/report';
import { execution } from './execution';
import { qualitativeLevel } from './qualitative';

const codes = (r: Report) => checkReport(r).findings.map((f) => f.code);

describe('the central 10号 table imports as a project report', () => {
  const result = importText(projectText);
  const r = result.report;
  it('header, 项目资金 by column, goals, indicators and the total; nothing left unmapped', () => {
    expect(result.family).toBe('project-selfeval');
    expect(result.unmapped).toEqual([]);
    expect(Report.parse(r)).toEqual(r);
    expect(r).toMatchObject({ kind: 'project', templateId: 'mof-10-project', templateVersion: 2, year: 2021 });
    expect(r.project).toMatchObject({ name: '2021年度农村公路养护项目', department: '平江县交通运输局', implementer: '平江县公路建设养护中心' });
    expect(r.project!.funds.total).toEqual({ initial: '500.00', annual: '520.00', executed: '494.00' });
    expect(r.project!.funds.carryOver).toEqual({ initial: '50.00', annual: '50.00', executed: '48.00' });
    expect(r.project).toMatchObject({ executionWeight: 10, executionRate: '95.00%', executionScore: 9.5 });
    expect(r.project!.goals.expected).toMatch(/^完成全县农村公路日常养护120公里以上/);
    expect(r.project!.goals.actual).toMatch(/^全年完成农村公路日常养护126公里/);
    expect(r.performance.indicators.map((i) => [i.level1, i.level2, i.kind, i.operator, i.targetValue, i.actualValue, i.weight, i.score])).toEqual([
      ['产出指标', '数量指标', '定量', '≥', '120', '126', 15, 15],
      ['产出指标', '数量指标', '定量', '≥', '4', '3', 10, 7.5],
      ['产出指标', '质量指标', '定量', '≥', '85', '88', 10, 10],
      ['产出指标', '时效指标', '定量', '=', '100', '100', 8, 8],
      ['产出指标', '成本指标', '定量', '≤', '1.5', '1.6', 7, 6.56],
      ['效益指标', '社会效益指标', '定性', null, null, null, 15, 15],
      ['效益指标', '经济效益指标', '定性', null, null, null, 8, 6.4],
      ['效益指标', '可持续影响指标', '定量', '≥', '10', '10', 7, 7],
      ['满意度指标', '服务对象满意度指标', '定量', '≥', '90', '93', 10, 10],
    ]);
    expect(r.performance.selfScore).toBe(94.96);
    expect(r.finance.income).toEqual([]);
  });
  it('scores as the table claims: 执行率 9.5, 正向 and 反向 ratios, a 部分达成 定性 row at 80%', () => {
    const { score, findings } = checkReport(r);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(score.items.map((i) => [i.id, i.score])).toEqual([
      ['execution', 9.5],
      ['output', 47.06],
      ['outcome', 28.4],
      ['satisfaction', 10],
    ]);
    expect(score.total).toBe(94.96);
    expect(score.grade).toBe('优');
  });
  it('reads the same from a traditional-character copy', () => {
    const t = importText(toTraditionalAll(projectText)).report;
    expect(t.project!.funds).toEqual(r.project!.funds);
    expect(t.performance.selfScore).toBe(94.96);
  });
});

describe('a Sichuan copy (real excerpt 017) imports as a project report', () => {
  const result = importText(readFileSync(new URL('../../../test/fixtures/real-excerpts/017.txt', import.meta.url)));
  it('reads 年初预算, 调整后预算数 and 执行数, adds the split 其他 sources, and leaves only its own extra blocks', () => {
    const p = result.report.project!;
    expect(p.funds.total).toEqual({ initial: '238.93', annual: '251.89', executed: '251.89' });
    expect(p.funds.other).toEqual({ initial: '0.00', annual: '0.00', executed: '0.00' });
    expect(p.executionRate).toBe('100.00%');
    expect(result.report.performance.indicators.map((i) => i.name)).toEqual(['发放(缴纳)覆盖率', '足额保障率(参保率)']);
    expect(result.unmapped.length).toBeLessThanOrEqual(14);
    expect(result.unmapped.map((u) => u.text)).not.toContain('年初预算');
  });
});

describe('project rules', () => {
  it('P1: a printed 执行率 or 得分 that the amounts do not give', () => {
    const r = projectReport();
    r.project!.executionRate = '98.00%';
    r.project!.executionScore = 10;
    expect(codes(r)).toEqual(expect.arrayContaining(['PRJ.EXECUTION_RATE', 'PRJ.EXECUTION_SCORE']));
    const f = checkReport(r).findings.find((x) => x.code === 'PRJ.EXECUTION_RATE')!;
    expect(f.message).toBe('项目资金（万元）·年度资金总额·执行率填写为98.00%，按全年执行数÷全年预算数应为95.00%。');
  });
  it('P2: 年度资金总额 is the sum of its parts, per column, in exact 万元', () => {
    const r = projectReport();
    r.project!.funds.fiscal.executed = '446.50';
    const f = checkReport(r).findings.find((x) => x.code === 'PRJ.FUNDS_SUM')!;
    expect(f.path).toBe('project.funds.total.executed');
    expect(f.message).toBe('项目资金（万元）·年度资金总额·全年执行数为494.00万元，当年财政拨款、上年结转资金与其他资金合计494.50万元，两者不等。');
  });
  it('P3 and the cap: spending above the budget is flagged and scores at most the 分值', () => {
    const r = projectReport();
    r.project!.funds.total.executed = '546.00';
    r.project!.funds.fiscal.executed = '498.00';
    expect(codes(r)).toContain('PRJ.EXECUTED_OVER_BUDGET');
    expect(checkReport(r).score.items[0]!.score).toBe(10);
    expect(execution(r.project!)).toMatchObject({ kind: 'rate', percent: '105.00%', score: 10 });
  });
  it('P4: the header names the project, its 主管部门 and 实施单位', () => {
    const r = projectReport();
    r.project!.department = ' ';
    expect(checkReport(r).findings.find((x) => x.code === 'PRJ.HEADER_MISSING')?.message).toBe('项目信息·主管部门未填写。');
  });
  it('Q10 and P5: below target needs a reason, for 定量 and 定性 rows alike', () => {
    const r = projectReport();
    r.performance.indicators[1]!.deviationReason = '';
    r.performance.indicators[6]!.deviationReason = '';
    const paths = checkReport(r).findings.filter((x) => x.code === 'IND.UNDER_NO_REASON').map((x) => [x.rule, x.path]);
    expect(paths.sort()).toEqual([
      ['P5', 'performance.indicators[6].deviationReason'],
      ['Q10', 'performance.indicators[1].deviationReason'],
    ]);
  });
  it('P6 and Q13: the 总分 adds up, the groups weigh 产出 50 / 效益 30 / 满意度 10', () => {
    const r = projectReport();
    r.performance.selfScore = 96;
    r.performance.indicators[0]!.weight = 20;
    const found = checkReport(r).findings;
    expect(found.find((x) => x.code === 'PRJ.TOTAL')?.message).toBe('绩效指标·总分96分，执行率得分9.5分与各指标得分合计为94.96分。');
    expect(found.find((x) => x.code === 'IND.GROUP_WEIGHT')?.message).toBe('绩效指标·产出指标：各指标分值合计55分，应为50分。');
  });
});

describe('定性 levels (10号 §6.3)', () => {
  it('reads the level from the target\'s own words, a grade scale or a level word', () => {
    const level = (target: string, actual: string) => qualitativeLevel({ target, actual });
    expect(level('显著', '显著')).toBe('达成');
    expect(level('优', '良')).toBe('部分达成');
    expect(level('优', '差')).toBe('未达成');
    expect(level('良', '优')).toBe('达成');
    expect(level('有效改善', '基本完成')).toBe('部分达成');
    expect(level('有效改善', '未达成')).toBe('未达成');
    expect(level('有效改善', '群众反映良好但有待观察')).toBeNull();
  });
});
