// The Hunan 部门整体支出绩效自评表 as a template file: it loads and passes its checks, and a real Hunan
// table (excerpt 013, 零陵区林业局 2021) renders on it with its own words — 年度资金总额, 按收入性质分,
// 按支出性质分, 年度总体目标 — scored with 执行率 10 / 产出 50 / 效益 30 / 满意度 10, no code of its own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile, importText } from '../../io/import/index';
import { renderReportHtml } from '../../io/export/html/index';
import { renderReportDocx } from '../../io/export/docx/index';
import { renderReportXlsx } from '../../io/export/xlsx/index';
import { documentXml, tables } from '../../io/export/docx/xml-probe';
import { checkReport } from '../check';
import { formProblems } from '../forms/index';
import { formOf, getTemplate } from './index';

describe('the Hunan 部门整体支出绩效自评表', () => {
  const t = getTemplate('hunan-overall');
  const form = formOf(t);
  it('loads and passes every check of its form', () => {
    expect(formProblems(form)).toEqual([]);
    expect(form.kind).toBe('overall');
    expect(t.scoreSheet.map((n) => [n.id, n.weight])).toEqual([['execution', 10], ['output', 50], ['outcome', 30], ['satisfaction', 10]]);
  });
  it('a Hunan table renders on it in its own words, and is checked and scored', () => {
    const r = importText(readFileSync(new URL('../../../test/fixtures/real-excerpts/013.txt', import.meta.url))).report;
    // the importer knows the form: a Hunan 自评表 (its title, the 全年预算数 grid) is the Hunan template's report
    expect([r.templateId, r.templateVersion]).toEqual(['hunan-overall', t.version]);
    const html = renderReportHtml(r);
    for (const words of ['部门整体支出绩效自评表', '年度资金总额', '按收入性质分：', '其中：一般公共预算：', '按支出性质分：', '年度总体目标', '偏差原因分析']) expect(html).toContain(words);
    expect(html).not.toContain('局机关及二级机构汇总');
    expect(html).toMatch(/data-path="finance.income\[0\].fiscal"[^>]*>1873.66</);
    const { score } = checkReport(r);
    expect(score.templateName).toBe(t.name);
    expect(score.items.find((i) => i.id === 'execution')?.status).not.toBe('unknown');
  });
});

// What a person reads off the 零陵区林业局 table (excerpt 013), and what a reviewer checks on it: the grid's
// three stages and its 执行率 line, the parts of 按收入性质分 / 按支出性质分, 年度总体目标, the indicators with
// their 分值 and 得分 (the copy breaks cells into lines: 数量 | 指标, 经济效 | 益指标, 年度 | 指标值).
describe('the 年度预算申请 grid of a Hunan 自评表', () => {
  const read = () => importText(readFileSync(new URL('../../../test/fixtures/real-excerpts/013.txt', import.meta.url))).report;
  it('is read whole: stages, the 执行率 line as written, the parts, the goals and every indicator', () => {
    const r = read();
    // the year line under the title ("2021年度)" in the copy) is the title's, as the form prints it
    expect([r.cover.title, r.year]).toEqual(['部门整体支出绩效自评表（2021年度）', 2021]);
    expect(r.basics).toMatchObject({ budgetInitial: '4753.66', budgetAdjusted: '4753.66', executionWeight: 10, executionRate: '100%', executionScore: 10 });
    expect(r.finance.income[0]).toMatchObject({ total: '4753.66', fiscal: '1873.66', fund: null, specialAccount: null, other: '2880' });
    expect(r.finance.expenditure[0]).toMatchObject({ total: '3824.26', basic: '1768.16', project: '2985.5' });
    expect(r.performance.qualitative).toEqual([{ target: expect.stringContaining('目标3:病虫害防治3.45万亩'), result: expect.stringContaining('目标1:造林1.2万亩') }]);
    const inds = r.performance.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score]);
    expect(inds).toHaveLength(10);
    expect(inds[0]).toEqual(['产出指标', '数量指标', '造林面积', '1.2万亩', '1.2万亩', 10, 10]);
    expect(inds[3]).toEqual(['产出指标', '质量指标', '造林成活率', '85%', '85%', 7, 7]);
    expect(inds[7]).toEqual(['效益指标', '经济效益指标', '木材销售收入', '1100万元', '1093万元', 6, 5]);
    expect(inds[9]).toEqual(['效益指标', '社会效益指标', '提高就业率', '显著', '显著', 6, 6]);
    expect(r.performance.indicators.every((i) => i.deviationReason === '')).toBe(true);
  });

  it('is checked as the form means it: the claimed 100% and 10 分 against 3824.26 ÷ 4753.66, the parts against the budget', () => {
    const r = read();
    const codes = (x = r) => checkReport(x).findings.map((f) => f.code);
    const rate = checkReport(r).findings.find((f) => f.code === 'FIN.EXECUTION_RATE')!;
    expect(rate).toMatchObject({ severity: 'error', path: 'basics.executionRate' });
    expect(rate.message).toBe('执行率填写为100%，按全年执行数3824.26万元÷全年预算数4753.66万元应为80.45%。');
    expect(checkReport(r).findings.find((f) => f.code === 'FIN.EXECUTION_SCORE')!.message).toContain('应为8.04分');
    // 基本支出 + 项目支出 = 4753.66, the 全年预算数 (the form does not say which stage it breaks down)
    expect(codes()).not.toContain('FIN.EXPENDITURE_SUM');
    expect(codes()).not.toContain('IND.UNIT_MISMATCH');
    // a part that adds up to no stage is an error naming all of them
    const off = structuredClone(r);
    off.finance.expenditure[0]!.project = '2900';
    const msg = checkReport(off).findings.find((f) => f.code === 'FIN.EXPENDITURE_SUM')!.message;
    expect(msg).toBe('基本支出与项目支出合计为4668.16万元，与年度预算申请（万元）·按支出性质分·部门整体行·全年执行数3824.26万元、全年预算数4753.66万元、年初预算数4753.66万元均不相等。');
    // corrected as the department would: the findings go
    const fixed = structuredClone(r);
    fixed.basics.executionRate = '80.45%';
    fixed.basics.executionScore = 8.04;
    expect(codes(fixed)).not.toContain('FIN.EXECUTION_RATE');
    expect(codes(fixed)).not.toContain('FIN.EXECUTION_SCORE');
  });

  it('prints as the form: the grid and the 10号 indicator grid in HTML and DOCX, and the DOCX reads back the same', async () => {
    const r = read();
    const docx = await renderReportDocx(r);
    const grid = tables(documentXml(docx)).map((tb) => tb.map((row) => row.map((c) => c.text)));
    const budget = grid.find((tb) => tb[0]?.[0] === '年度预算申请（万元）')!;
    expect(budget[0]).toEqual(['年度预算申请（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(budget[1]).toEqual(['年度资金总额', '4753.66', '4753.66', '3824.26', '10', '100%', '10']);
    expect(budget[3]).toEqual(['其中：一般公共预算：', '1873.66', '其中：基本支出：', '1768.16']);
    const indicators = grid.find((tb) => tb.some((row) => row.includes('造林成活率')))!;
    expect(indicators.find((row) => row.includes('木材销售收入'))).toEqual(expect.arrayContaining(['1100万元', '1093万元', '6', '5']));
    const back = (await importFile(docx, 'hunan.docx', { inProcess: true })).report;
    expect(back.templateId).toBe('hunan-overall');
    expect(back.basics).toMatchObject({ budgetInitial: '4753.66', budgetAdjusted: '4753.66', executionRate: '100%', executionScore: 10 });
    expect(back.finance.income[0]).toMatchObject({ fiscal: '1873.66', other: '2880' });
    expect(back.finance.expenditure[0]).toMatchObject({ total: '3824.26', basic: '1768.16', project: '2985.5' });
    expect(back.performance.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score])).toEqual(r.performance.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score]));
  });

  it('goes through Jixiao’s own workbook and comes back whole (the grid’s fields, both tables, goals, indicators)', async () => {
    const r = read();
    const res = await importFile(await renderReportXlsx(r), 'hunan.xlsx', { inProcess: true });
    const back = res.report;
    expect([back.templateId, back.year]).toEqual(['hunan-overall', 2021]);
    for (const k of ['budgetInitial', 'budgetAdjusted', 'executionWeight', 'executionRate', 'executionScore'] as const) expect(back.basics[k], k).toEqual(r.basics[k]);
    expect(back.finance.income).toEqual(r.finance.income);
    expect(back.finance.expenditure).toEqual(r.finance.expenditure);
    expect(back.performance.qualitative).toEqual(r.performance.qualitative);
    expect(back.performance.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score])).toEqual(r.performance.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score]));
    expect(checkReport(back).findings.map((f) => f.code).filter((c) => c.startsWith('FIN.'))).toEqual(checkReport(r).findings.map((f) => f.code).filter((c) => c.startsWith('FIN.')));
  });
});

describe('which template an imported overall report is on', () => {
  const excerpt = (n: string) => importText(readFileSync(new URL(`../../../test/fixtures/real-excerpts/${n}.txt`, import.meta.url)));
  it('keeps the Yueyang form for Yueyang reports and other provinces’ reports, the Hunan one only for its 自评表', () => {
    for (const n of ['002', '003', '012', '015']) expect(excerpt(n).report.templateId, n).toBe('yueyang-overall');
    // a Hunan report that is titled 自评表 but has no 全年预算数 grid is not taken for the table
    const text = readFileSync(new URL('../../../test/fixtures/real-excerpts/013.txt', import.meta.url), 'utf8').replaceAll('全年预算数', '调整数');
    expect(importText(text).report.templateId).toBe('yueyang-overall');
  });
});

describe('the 达州 framework with its own form (dazhou-overall version 2)', () => {
  it('loads; version 1 keeps the Yueyang form; a report on it renders as a 评价报告 with its parts', () => {
    const v2 = getTemplate('dazhou-overall', 2);
    expect(formProblems(formOf(v2))).toEqual([]);
    expect(formOf(getTemplate('dazhou-overall', 1))).not.toBe(formOf(v2));
    const r = importText(readFileSync(new URL('../../../test/fixtures/real-excerpts/012.txt', import.meta.url))).report;
    r.templateId = 'dazhou-overall';
    r.templateVersion = 2;
    const html = renderReportHtml(r);
    for (const words of ['部门整体支出绩效评价报告', '评价单位', '报告时间', '绩效评价结果', '评价小组']) expect(html).toContain(words);
    expect(html).not.toContain('年度收入情况');
    const { score } = checkReport(r);
    expect(score.templateName).toBe(v2.name);
    expect(score.items.map((i) => i.id)).toEqual(checkReport(r, { templateId: 'dazhou-overall@1' }).score.items.map((i) => i.id));
  });
});
