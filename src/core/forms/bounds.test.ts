import { describe, expect, it } from 'vitest';
import { generateReport } from '../../../test/helpers/generate';
import { seedReport } from '../../../test/helpers/seed';
import { CEILING, Report } from '../model/report';
import { defaultForm } from '../templates/index';
import { boundProblems } from './bounds';
import { FormDescriptor } from './schema';

const form = defaultForm();
const messages = (r: Report, f = form) => boundProblems(r, f).map((p) => `${p.path} ${p.message}`);

describe('the Report is bounded by what a real form holds', () => {
  it('the seed and generated reports fit', () => {
    expect(messages(seedReport())).toEqual([]);
    for (let i = 1; i <= 20; i++) expect(messages(generateReport(i))).toEqual([]);
  });

  it('names the place and the limit: rows of a table, a long text, an indicator cell, a narrative part', () => {
    const r = seedReport();
    const row = r.finance.income[1]!;
    r.finance.income = Array.from({ length: 100_000 }, () => ({ ...row }));
    r.overview.duties = '职'.repeat(30_000);
    r.performance.indicators[2]!.deviationReason = '因'.repeat(2_500);
    r.narrative[1]!.text = '文'.repeat(60_000);
    r.evaluators[0]!.name = '名'.repeat(600);
    expect(messages(r)).toEqual([
      'overview.duties 一、部门（单位）基本概况·职能职责概述：最多20000个字，现有30000个字。',
      'finance.income 二、部门（单位）收支情况·年度收入情况表：最多200行，现有100000行。',
      'performance.indicators[2].deviationReason 三、部门（单位）整体支出绩效自评情况·定量目标第3项·偏差原因：最多2000个字，现有2500个字。',
      'evaluators[0].name 四、评价人员·第1人·姓名：最多500个字，现有600个字。',
      `narrative[1].text 五、评价报告综述（文字部分）·第2部分“${r.narrative[1]!.heading.slice(0, 20)}”·正文：最多50000个字，现有60000个字。`,
    ]);
  });

  it("takes its limits from the template: a field's own bound, a smaller table", () => {
    const r = seedReport();
    r.cover.budgetCode = '9'.repeat(41);
    expect(messages(r)).toEqual(['cover.budgetCode 封面·预算编码：最多40个字，现有41个字。']);
    const small = FormDescriptor.parse({ ...structuredClone(form), limits: { ...form.limits, tableRows: 3 } });
    expect(messages(seedReport(), small)).toEqual([
      'finance.income 二、部门（单位）收支情况·年度收入情况表：最多3行，现有4行。',
      'finance.expenditure 二、部门（单位）收支情况·年度支出和结余情况表：最多3行，现有4行。',
      'finance.threePublic 二、部门（单位）收支情况·三公经费表：最多3行，现有4行。',
      'finance.fixedAssets 二、部门（单位）收支情况·固定资产表：最多3行，现有4行。',
    ]);
  });

  it('refuses at parse time what no template may allow, in Chinese', () => {
    const r = seedReport();
    const tooMany = Report.safeParse({ ...r, finance: { ...r.finance, income: Array.from({ length: CEILING.items + 1 }, () => r.finance.income[0]) } });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error!.issues[0]!.message).toBe(`项目过多（最多 ${CEILING.items} 项）`);
    const tooLong = Report.safeParse({ ...r, overview: { ...r.overview, duties: 'x'.repeat(CEILING.text + 1) } });
    expect(tooLong.error!.issues[0]!.message).toBe(`文字过长（最多 ${CEILING.text} 个字）`);
  });
});
