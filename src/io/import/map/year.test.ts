// The 评价年度 of a report whose title does not state it, weighed from the cover, the body, the report
// date and the sign-off dates, with the evidence in the diagnostic.
import { describe, expect, it } from 'vitest';
import { seedText } from '../../../../test/helpers/seed';
import { importText } from '../index';

const inferred = (text: string) => {
  const r = importText(text);
  return { year: r.report.year, diag: r.diagnostics.find((d) => d.code === 'IMPORT.YEAR_INFERRED') };
};

describe('the fiscal year when no title says it', () => {
  it('a title with its year needs no inference', () => {
    expect(inferred(seedText)).toEqual({ year: 2021, diag: undefined });
  });

  it('the seed without the year in its title: the report date, the body and the sign-off dates agree on 2021', () => {
    const { year, diag } = inferred(seedText.replace('湖南城陵矶新港区2021年度部门\n', '湖南城陵矶新港区部门\n'));
    expect(year).toBe(2021);
    expect(diag?.severity).toBe('info');
    expect(diag?.message).toMatch(/^标题中没有写明评价年度，按报告中的其他线索推定为2021年度：/);
    expect(diag?.message).toContain('报告日期2022-06-21（次年）');
    expect(diag?.message).toMatch(/正文“[^”]*2021年[^”]*”等\d+处/);
    const sources = new Set(diag!.evidence!.filter((e) => e.year === 2021).map((e) => e.source));
    expect(sources).toEqual(new Set(['body', 'date']));
    expect(diag!.evidence!.every((e) => e.weight > 0 && e.text !== '')).toBe(true);
  });

  it('a cover line in brackets under a title without a year', () => {
    const { year, diag } = inferred(['部门整体支出绩效自评报告', '（2019年度）', '部门(单位)名称：某县林业局', '一、部门(单位)基本概况', '联系人：张三'].join('\n'));
    expect(year).toBe(2019);
    expect(diag?.message).toContain('封面“（2019年度）”（第2行）');
  });

  it('prose only: "2021年全县…", "截至2021年12月31日", "2022年工作计划" and a June 2022 date', () => {
    const { year, diag } = inferred(
      [
        '某县水利局部门整体支出绩效自评报告',
        '一、部门基本情况',
        '2021年全县共完成水利投资3.2亿元。截至2021年12月31日，我局实有人数45人。',
        '二、2022年工作计划',
        '继续推进河长制。',
        '某县水利局',
        '2022年6月15日',
      ].join('\n'),
    );
    expect(year).toBe(2021);
    expect(diag!.evidence!.map((e) => [e.year, e.source, e.weight])).toEqual(
      expect.arrayContaining([[2021, 'body', 1], [2021, 'body', 2], [2021, 'body', 1]]),
    );
    expect(diag?.severity).toBe('info');
  });

  it('clues that disagree: the heavier year wins and the other is named; nearly as heavy, it is a warning', () => {
    const { year, diag } = inferred(
      ['某局部门整体支出绩效自评报告', '2020年度部门整体支出情况', '2020年全局共收入100万元。', '2021年全局支出80万元。', '报告日期：2021年6月1日'].join('\n'),
    );
    expect(year).toBe(2020);
    expect(diag?.severity).toBe('info');
    expect(diag?.message).toMatch(/推定为2020年度：封面“2020年度部门整体支出情况”[^；]*、报告日期2021-06-01（次年）；另有线索指向2021年度（“[^”]*2021年全局支出[^”]*”）。$/);
    const mixed = inferred(['某局部门整体支出绩效自评报告', '2019年全局共收入100万元。', '报告日期：2022年6月1日'].join('\n'));
    expect(mixed.year).toBe(2021);
    expect(mixed.diag?.severity).toBe('warning');
    expect(mixed.diag?.message).toMatch(/另有线索指向2019年度（“[^”]+”），请核对评价年度。$/);
  });

  it('ranges, "以来" and years after the report date are not evidence', () => {
    const { year } = inferred(['某局部门整体支出绩效自评报告', '2016年以来，我局累计投入资金。2016-2020年规划已完成。', '报告日期：2019年6月1日', '2023年全局目标。'].join('\n'));
    expect(year).toBe(2018);
  });
});
