// Good and bad examples for every rule (domain.md §3 A1–A10, X1–X7; §8 Q1–Q14), starting from the real seed
// report and changing one thing at a time.
import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { checkReport } from '../check';
import type { Indicator, Report } from '../model/report';
import { getTemplate } from '../templates/index';
import { runRules } from './index';
import { scoreReport } from '../scoring/engine';

const check = (r: Report, templateId?: string) => checkReport(r, { templateId }).findings;
const has = (r: Report, code: string, templateId?: string) => check(r, templateId).filter((f) => f.code === code);

function indicator(over: Partial<Indicator> = {}): Indicator {
  return {
    level1: '产出目标',
    level2: '数量指标',
    name: '党建活动开展次数',
    kind: '定量',
    operator: '≥',
    target: '≥50次',
    targetValue: '50',
    unit: '次',
    actual: '52次',
    actualValue: '52',
    weight: null,
    score: null,
    deviationReason: '',
    libraryId: null,
    ...over,
  };
}

describe('A1 summary row = 局机关 + Σ 二级机构', () => {
  it('passes the seed income and expenditure, and a difference within the tolerance', () => {
    const r = seedReport();
    r.finance.expenditure[0]!.total = '85.335';
    expect(has(r, 'FIN.SUM_ROWS')).toEqual([]);
  });
  it('names the cell and the difference when the summary disagrees', () => {
    const r = seedReport();
    r.finance.expenditure[0]!.project = '47.90';
    const [f] = has(r, 'FIN.SUM_ROWS');
    expect(f?.path).toBe('finance.expenditure[0].project');
    expect(f?.message).toBe('二、部门（单位）收支情况·年度支出和结余情况表·局机关及二级机构汇总行·项目支出列为47.90万元，局机关及二级机构合计为46.90万元，相差1.00万元。');
  });
  it('flags a blank summary cell whose institution rows are filled', () => {
    const r = seedReport();
    r.finance.income[0]!.fiscal = null;
    expect(has(r, 'FIN.SUMMARY_BLANK')[0]?.path).toBe('finance.income[0].fiscal');
  });
  it('is quiet when a table has only a summary row (nothing to compare)', () => {
    const r = seedReport();
    r.finance.threePublic = r.finance.threePublic.slice(0, 1);
    expect(has(r, 'FIN.SUMMARY_UNSUPPORTED')).toEqual([]);
  });
});

describe('A2/A3 income, A4 expenditure, A5 basic, A8 三公, A9 fixed assets', () => {
  it('A2/A3: 收入合计 = 上年结转 + 各项收入, with 上年结转 inside the total by default', () => {
    const r = seedReport();
    r.finance.income[1]!.total = '90';
    r.finance.income[1]!.carryOver = '2.7783';
    expect(has(r, 'FIN.INCOME_SUM')).toEqual([]);
    r.finance.income[1]!.carryOver = null;
    expect(has(r, 'FIN.INCOME_SUM')[0]?.path).toBe('finance.income[1].total');
  });
  it('A4 and A5 name the broken row', () => {
    const r = seedReport();
    r.finance.expenditure[1]!.basic = '40.43';
    const paths = check(r).filter((f) => f.rule === 'A4' || f.rule === 'A5').map((f) => f.path);
    expect(paths).toContain('finance.expenditure[1].total');
    expect(paths).toContain('finance.expenditure[1].basic');
  });
  it('A8: 三公合计 = 接待 + 运维 + 购置 + 出国', () => {
    const r = seedReport();
    r.finance.threePublic[0]!.total = '3.0000';
    expect(has(r, 'FIN.THREE_PUBLIC_SUM')[0]?.message).toContain('相差0.4715万元');
  });
  it('A9: 固定资产合计 = 在用 + 出租 + 其他', () => {
    const r = seedReport();
    Object.assign(r.finance.fixedAssets[0]!, { total: '10', inUse: '8', leased: '1' });
    Object.assign(r.finance.fixedAssets[1]!, { total: '10', inUse: '8', leased: '1', other: '1' });
    expect(has(r, 'FIN.ASSET_SUM').map((f) => f.path)).toEqual(['finance.fixedAssets[0].total']);
  });
  it('warns when a total has no breakdown at all', () => {
    const r = seedReport();
    r.finance.expenditure[1]!.basic = null;
    r.finance.expenditure[1]!.project = null;
    expect(has(r, 'FIN.EXPENDITURE_SUM_BREAKDOWN')[0]?.severity).toBe('warning');
  });
});

describe('A6 当年结余 and A7 累计结余', () => {
  it('accepts the seed’s 1.89 for 87.2217 − 85.33 = 1.8917 within the tolerance', () => {
    expect(has(seedReport(), 'FIN.SURPLUS_YEAR')).toEqual([]);
  });
  it('flags a surplus that does not follow from income and spending', () => {
    const r = seedReport();
    r.finance.expenditure[1]!.surplusYear = '3.00';
    const [f] = has(r, 'FIN.SURPLUS_YEAR');
    expect(f?.path).toBe('finance.expenditure[1].surplusYear');
    expect(f?.message).toContain('应为1.8917万元');
  });
  it('flags 累计结余 ≠ 上年结转 + 当年结余', () => {
    const r = seedReport();
    r.finance.expenditure[1]!.surplusCumulative = '2.50';
    expect(has(r, 'FIN.SURPLUS_CUMULATIVE')[0]?.path).toBe('finance.expenditure[1].surplusCumulative');
  });
});

describe('A10 signs', () => {
  it('flags a negative amount but allows a negative surplus', () => {
    const r = seedReport();
    r.finance.income[1]!.other = '-1';
    r.finance.expenditure[1]!.surplusYear = '-0.5';
    expect(has(r, 'FIN.NEGATIVE').map((f) => f.path)).toEqual(['finance.income[1].other']);
  });
});

describe('X1 staff and X2 fixed-asset utilisation', () => {
  it('X1 is quiet within the quota and softens when the narrative explains', () => {
    const r = seedReport();
    r.overview.actualStaff = 3;
    expect(has(r, 'STAFF.OVER_QUOTA')).toEqual([]);
    const e = seedReport();
    e.narrative[0]!.text += '另有编外聘用人员3人。';
    expect(has(e, 'STAFF.OVER_QUOTA')[0]?.severity).toBe('info');
  });
  it('X2 compares a claimed 利用率 with 在用 / 合计', () => {
    const r = seedReport();
    Object.assign(r.finance.fixedAssets[0]!, { total: '100', inUse: '90' });
    r.scoreSheet = [{ itemId: 'fixedAssetUtilization', score: 3, note: '固定资产利用率95%' }];
    expect(has(r, 'ASSET.UTILIZATION_CLAIM')[0]?.message).toContain('应为90.00%');
    r.scoreSheet[0]!.note = '固定资产利用率90%';
    expect(has(r, 'ASSET.UTILIZATION_CLAIM')).toEqual([]);
  });
});

describe('X3 narrative figures = tables', () => {
  it('flags a stated 支出 that differs, ignores last year’s figures', () => {
    const r = seedReport();
    r.narrative[0]!.text = r.narrative[0]!.text.replace('部门支出规模85.33万元', '部门支出规模86.33万元');
    r.narrative[1]!.text += '上年项目支出40万元。';
    const f = has(r, 'NARR.AMOUNT_MISMATCH');
    expect(f.map((x) => x.path)).toEqual(['narrative[0].text']);
    expect(f[0]!.message).toContain('86.33');
  });
  it('flags 三公 in the narrative against the table', () => {
    const r = seedReport();
    r.narrative[1]!.text += '“三公”经费支出3.1万元。';
    expect(has(r, 'NARR.AMOUNT_MISMATCH')[0]?.message).toContain('三公经费2.5285万元');
  });
});

describe('X4 score sheet sums and X5 grade band', () => {
  it('X5: a grade that does not match the band, with aliases accepted', () => {
    const r = seedReport();
    r.performance.grade = '良好';
    expect(has(r, 'SCORE.GRADE_MISMATCH')[0]?.message).toContain('应为“优秀”');
    r.performance.grade = '优';
    expect(has(r, 'SCORE.GRADE_MISMATCH')).toEqual([]);
  });
  it('X4: 评分表 lines must add up to the self-score and stay within their weights', () => {
    const r = seedReport();
    r.scoreSheet = [
      { itemId: 'staff-control', score: 6, note: '' },
      { itemId: 'three-public-change', score: 5, note: '' },
    ];
    const template = getTemplate('yueyang-overall');
    const ids = JSON.stringify(template.scoreSheet);
    const firstLeaf = /"id":"([^"]+)","name":"财政供养人员控制率"/.exec(ids)?.[1] ?? 'staff-control';
    r.scoreSheet[0]!.itemId = firstLeaf;
    const f = check(r);
    expect(f.find((x) => x.code === 'SCORE.SUM')?.message).toContain('合计11分');
    expect(f.find((x) => x.code === 'SCORE.ITEM_RANGE')?.path).toBe('scoreSheet[0].score');
  });
});

describe('X6 dates', () => {
  it('flags a report date outside the following year', () => {
    const r = seedReport();
    r.cover.reportDate = '2023-06-21';
    expect(has(r, 'DATE.REPORT_YEAR')).toHaveLength(1);
  });
  it('accepts full-year wording and other years’ partial dates', () => {
    const r = seedReport();
    r.narrative[3]!.text = '截至12月底，共申报人才项目8批次。截至2020年10月，已有基础。';
    expect(has(r, 'DATE.PARTIAL_YEAR')).toEqual([]);
    expect(has(r, 'DATE.STALE_PLAN')).toEqual([]);
  });
  it('flags a date later than the report date', () => {
    const r = seedReport();
    r.narrative[3]!.text += '已于2022年9月1日完成注册。';
    expect(has(r, 'DATE.AFTER_REPORT')[0]?.message).toContain('2022年9月1日');
  });
});

describe('X7 sign-offs', () => {
  it('is quiet once every block is signed and dated', () => {
    const r = seedReport();
    r.evaluators[0]!.signature = '王焱';
    r.signoffs.leader = { opinion: '', signer: '李四', date: '2022-06-20' };
    r.signoffs.department = { opinion: '同意', signer: '张三', date: '2022-06-21' };
    r.signoffs.finance = { opinion: '同意', signer: '赵六', date: '2022-06-30' };
    r.preparer = { name: '王焱', phone: '18821880734' };
    expect(check(r).filter((f) => f.rule === 'X7')).toEqual([]);
  });
  it('requires evaluators', () => {
    const r = seedReport();
    r.evaluators = [];
    expect(has(r, 'SIGN.NO_EVALUATORS')[0]?.severity).toBe('error');
  });
});

describe('indicator rules Q1–Q11, Q13, Q14', () => {
  const withIndicators = (...inds: Indicator[]) => {
    const r = seedReport();
    r.performance.indicators = inds;
    return r;
  };
  const at0 = (r: Report, code: string) => has(r, code).filter((f) => f.path.startsWith('performance.indicators[0]'));

  it('a well-formed indicator raises nothing about itself', () => {
    const r = withIndicators(indicator());
    expect(check(r).filter((f) => f.path.startsWith('performance.indicators[0]'))).toEqual([]);
  });
  it('Q1 incomplete target, Q2 non-numeric actual', () => {
    const r = withIndicators(indicator({ unit: '', actual: '已完成', actualValue: null }));
    expect(at0(r, 'IND.TARGET_INCOMPLETE')[0]?.message).toContain('计量单位');
    expect(at0(r, 'IND.VALUE_NOT_NUMERIC')[0]?.message).toContain('“已完成”是结论不是数值');
  });
  it('Q3 unit mismatch between the written target and the unit, and between actual and target', () => {
    expect(at0(withIndicators(indicator({ target: '28.8万元', unit: '%' })), 'IND.UNIT_MISMATCH').map((f) => f.path)).toContain('performance.indicators[0].unit');
    expect(at0(withIndicators(indicator({ actual: '52人' })), 'IND.UNIT_MISMATCH')[0]?.path).toBe('performance.indicators[0].actual');
  });
  it('Q4 a 定量 indicator whose value is words', () => {
    const r = withIndicators(indicator({ level2: '时效指标', target: '按月安排', targetValue: null, operator: null }));
    expect(at0(r, 'IND.KIND_MISLABELLED')).toHaveLength(1);
  });
  it('Q5 a 定性 indicator with no checkable expectation', () => {
    const r = withIndicators(indicator({ kind: '定性', name: '加强制度建设', target: '加强', operator: null, targetValue: null }));
    expect(at0(r, 'IND.QUALITATIVE_VAGUE')).toHaveLength(1);
    const ok = withIndicators(indicator({ kind: '定性', name: '制度建设', target: '优', operator: null, targetValue: null }));
    expect(at0(ok, 'IND.QUALITATIVE_VAGUE')).toEqual([]);
  });
  it('Q6 vague words and 余/约/左右 numbers', () => {
    const r = withIndicators(indicator({ name: '开展活动50余次，进一步提升影响' }));
    const [f] = at0(r, 'IND.VAGUE_WORDING');
    expect(f?.message).toContain('进一步、提升');
    expect(f?.message).toContain('50余');
  });
  it('Q7 category fit: 生态效益 must be environmental (error), 成本 must be money (warning)', () => {
    const eco = withIndicators(indicator({ level1: '效益目标', level2: '生态效益', name: '确立了服务理念', target: '' }));
    expect(at0(eco, 'IND.CATEGORY_MISMATCH')[0]?.severity).toBe('error');
    const ecoOk = withIndicators(indicator({ level1: '效益目标', level2: '生态效益', name: '办公用纸节约率', unit: '%', target: '≥10%', targetValue: '10', actual: '12%', actualValue: '12' }));
    expect(at0(ecoOk, 'IND.CATEGORY_MISMATCH')).toEqual([]);
    const cost = withIndicators(indicator({ level2: '成本指标', name: '单项业务成本符合相关规定' }));
    expect(at0(cost, 'IND.CATEGORY_FIT')[0]?.severity).toBe('warning');
  });
  it('Q8 a task restated as an indicator', () => {
    const r = withIndicators(indicator({ name: '开展党建业务培训工作', operator: null, targetValue: null, target: '' }));
    expect(at0(r, 'IND.TASK_RESTATED')).toHaveLength(1);
  });
  it('Q9 over-completion needs an explanation; Q10 under-completion needs a reason', () => {
    expect(at0(withIndicators(indicator({ actual: '100次', actualValue: '100' })), 'IND.OVER_COMPLETION')).toHaveLength(1);
    expect(at0(withIndicators(indicator({ actual: '40次', actualValue: '40' })), 'IND.UNDER_NO_REASON')[0]?.severity).toBe('error');
    expect(at0(withIndicators(indicator({ actual: '40次', actualValue: '40', deviationReason: '疫情停办两次' })), 'IND.UNDER_NO_REASON')).toEqual([]);
    const lower = withIndicators(indicator({ operator: '≤', target: '≤90万元', targetValue: '90', unit: '万元', level2: '成本指标', name: '项目总成本', actual: '95万元', actualValue: '95' }));
    expect(at0(lower, 'IND.UNDER_NO_REASON')).toHaveLength(1);
  });
  it('Q11 missing sub-categories and a low satisfaction target', () => {
    const r = withIndicators(indicator(), indicator({ level1: '满意度', level2: '满意度指标', name: '服务对象满意度', target: '≥70%', targetValue: '70', unit: '%', actual: '85%', actualValue: '85' }));
    expect(has(r, 'IND.CATEGORY_MISSING')[0]?.message).toContain('质量指标');
    expect(has(r, 'IND.SATISFACTION_LOW')[0]?.path).toBe('performance.indicators[1].targetValue');
    expect(has(withIndicators(), 'IND.NONE')).toHaveLength(1);
  });
  it('Q13 weights add up to the 10号 groups; Q14 a score above its weight', () => {
    const r = withIndicators(indicator({ weight: 40, score: 45 }), indicator({ level1: '效益指标', level2: '社会效益指标', name: '群众受益人数', weight: 30 }));
    const f = check(r, 'mof-10-project');
    expect(f.find((x) => x.code === 'IND.GROUP_WEIGHT')?.message).toContain('应为50分');
    expect(f.find((x) => x.code === 'IND.SCORE_OVER_WEIGHT')?.path).toBe('performance.indicators[0].score');
  });
  it('Q14 a high self-score needs a computable basis', () => {
    const r = withIndicators(indicator());
    r.performance.selfScore = 85;
    r.performance.grade = '良好';
    expect(has(r, 'SCORE.NO_BASIS')).toEqual([]);
  });
});

describe('Q12 copied text', () => {
  it('flags hospital words in a non-hospital unit, not in a hospital', () => {
    const r = seedReport();
    r.narrative[2]!.text += '进一步改善患者就医体验。';
    expect(has(r, 'TEXT.FOREIGN_CONTEXT').some((f) => f.path === 'narrative[2].text')).toBe(true);
    r.cover.departmentName = '岳阳市第一人民医院';
    expect(has(r, 'TEXT.FOREIGN_CONTEXT').some((f) => f.message.includes('患者'))).toBe(false);
  });
  it('flags template placeholders left unfilled', () => {
    const r = seedReport();
    r.narrative[5]!.text = '结合自评情况，提出下一步改进完善的意见（200字以内）。';
    expect(has(r, 'TEXT.PLACEHOLDER')[0]?.path).toBe('narrative[5].text');
    expect(has(seedReport(), 'TEXT.PLACEHOLDER')).toEqual([]);
  });
  it('flags the same indicator twice', () => {
    const r = seedReport();
    r.performance.indicators.push({ ...r.performance.indicators[0]! });
    expect(has(r, 'IND.DUPLICATE')[0]?.path).toBe('performance.indicators[14].name');
  });
});

describe('findings carry what the contract promises', () => {
  it('every finding has code, rule, severity, path and a Chinese message; errors come first', () => {
    const r = seedReport();
    const t = getTemplate('yueyang-overall');
    const f = runRules(r, t, scoreReport(r, t));
    for (const x of f) {
      expect(x.code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
      expect(['error', 'warning', 'info']).toContain(x.severity);
      expect(x.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const order = f.map((x) => ({ error: 0, warning: 1, info: 2 })[x.severity]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
