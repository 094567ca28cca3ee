// The Hunan 部门整体支出绩效自评表 as a template file: it loads and passes its checks, and a real Hunan
// table (excerpt 013, 零陵区林业局 2021) renders on it with its own words — 年度资金总额, 按收入性质分,
// 按支出性质分, 年度总体目标 — scored with 执行率 10 / 产出 50 / 效益 30 / 满意度 10, no code of its own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../../io/import/index';
import { renderReportHtml } from '../../io/export/html/index';
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
    for (const words of ['部门整体支出绩效自评表', '年度资金总额', '按收入性质分', '一般公共预算', '按支出性质分', '年度总体目标', '实际完成值']) expect(html).toContain(words);
    expect(html).not.toContain('局机关及二级机构汇总');
    expect(html).toMatch(/data-path="finance.income\[0\].total"[^>]*>4753.66</);
    const { score } = checkReport(r);
    expect(score.templateName).toBe(t.name);
    expect(score.items.find((i) => i.id === 'execution')?.status).not.toBe('unknown');
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
