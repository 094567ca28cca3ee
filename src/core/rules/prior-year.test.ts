// Q15 on the seed: its 2021 report as "last year" with the actual values a department would have written,
// and a 2022 report of the same indicators whose targets ask for less than 2021 achieved.
import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { addPriorYearFindings, checkReport } from '../check';
import type { Report } from '../model/report';

/** The seed's 2021 report with numeric actuals: 满意率 99.5%, and 8 batches of talent projects under a library id. */
function lastYear(): Report {
  const r = seedReport();
  const inds = r.performance.indicators;
  const satisfaction = inds.find((x) => x.targetValue === '99')!;
  Object.assign(satisfaction, { actual: '99.5%', actualValue: '99.5', unit: '%' });
  const talent = inds.find((x) => x.name.startsWith('指标3：共申报'))!;
  Object.assign(talent, { operator: '≥', target: '8', targetValue: '8', unit: '批次', actual: '8批次', actualValue: '8', libraryId: 'lib-talent' });
  return r;
}

/** This year's report: last year's rows (satisfaction at last year's 99.5%), actuals not yet written. */
function thisYear(change: (r: Report) => void, from: Report = lastYear()): Report {
  const r = structuredClone(from);
  r.year = 2022;
  for (const x of r.performance.indicators) Object.assign(x, { actual: '', actualValue: null });
  Object.assign(r.performance.indicators.find((i) => i.targetValue === '99')!, { target: '高于99.5%', targetValue: '99.5' });
  change(r);
  return r;
}

const q15 = (r: Report, prior: Report | null) =>
  checkReport(r, prior ? { priorYear: { year: prior.year, indicators: prior.performance.indicators } } : {}).findings.filter((f) => f.rule === 'Q15');

describe('Q15: a target below last year’s actual', () => {
  it('flags a ≥ target under last year’s actual, by library id (renamed row) and by name, naming section and row', () => {
    const prior = lastYear();
    const r = thisYear((x) => {
      const talent = x.performance.indicators.find((i) => i.libraryId === 'lib-talent')!;
      Object.assign(talent, { name: '申报市、区级人才项目批次', target: '6', targetValue: '6' });
      const satisfaction = x.performance.indicators.find((i) => i.targetValue === '99.5')!;
      Object.assign(satisfaction, { operator: '≥', target: '95', targetValue: '95' });
    });
    const found = q15(r, prior);
    expect(found.map((f) => [f.code, f.severity])).toEqual([['IND.TARGET_BELOW_PRIOR_ACTUAL', 'warning'], ['IND.TARGET_BELOW_PRIOR_ACTUAL', 'warning']]);
    const talentAt = r.performance.indicators.findIndex((i) => i.libraryId === 'lib-talent');
    expect(found.find((f) => f.path === `performance.indicators[${talentAt}].target`)?.message).toBe(
      `三、部门（单位）整体支出绩效自评情况·定量目标·产出目标/数量指标·第${talentAt + 1}项“申报市、区级人才项目批次”：目标值“≥6批次”低于上年（2021年度）实际完成值8批次，目标设定偏低；请按上年实际调整目标，或说明理由。`,
    );
    expect(found.some((f) => f.message.includes('目标值“≥95%”低于上年（2021年度）实际完成值99.5%'))).toBe(true);
  });

  it('a target at or above last year’s actual, another unit, a qualitative row or no prior report: nothing', () => {
    const prior = lastYear();
    const same = thisYear((x) => Object.assign(x.performance.indicators.find((i) => i.libraryId === 'lib-talent')!, { target: '8', targetValue: '8' }));
    expect(q15(same, prior)).toEqual([]);
    const otherUnit = thisYear((x) => Object.assign(x.performance.indicators.find((i) => i.libraryId === 'lib-talent')!, { targetValue: '6', unit: '个' }));
    expect(q15(otherUnit, prior)).toEqual([]);
    const qualitative = thisYear((x) => Object.assign(x.performance.indicators.find((i) => i.libraryId === 'lib-talent')!, { kind: '定性', targetValue: '6' }));
    expect(q15(qualitative, prior)).toEqual([]);
    const lower = thisYear((x) => Object.assign(x.performance.indicators.find((i) => i.libraryId === 'lib-talent')!, { targetValue: '6' }));
    expect(q15(lower, null)).toEqual([]);
  });

  it('a ≤ (reverse) target above last year’s actual is flagged as loosened', () => {
    const prior = lastYear();
    const cost = prior.performance.indicators.find((i) => i.level2.includes('成本'))!;
    Object.assign(cost, { operator: '≤', target: '85.33', targetValue: '85.33', unit: '万元', actual: '80万元', actualValue: '80', libraryId: 'lib-cost' });
    const r = thisYear((x) => Object.assign(x.performance.indicators.find((i) => i.libraryId === 'lib-cost')!, { targetValue: '90', target: '90' }), prior);
    const [f] = q15(r, prior);
    expect(f?.message).toMatch(/目标值“≤90万元”高于上年（2021年度）实际完成值80万元，反向指标的目标较上年实际放宽/);
    const tighter = thisYear((x) => Object.assign(x.performance.indicators.find((i) => i.libraryId === 'lib-cost')!, { targetValue: '78' }), prior);
    expect(q15(tighter, prior)).toEqual([]);
  });

  it('the server’s composition (findings cached without last year, then Q15 added) is what checkReport gives', () => {
    const prior = lastYear();
    const r = thisYear((x) => Object.assign(x.performance.indicators.find((i) => i.libraryId === 'lib-talent')!, { targetValue: '6' }));
    const priorYear = { year: prior.year, indicators: prior.performance.indicators };
    expect(addPriorYearFindings(checkReport(r).findings, r, priorYear)).toEqual(checkReport(r, { priorYear }).findings);
  });
});
