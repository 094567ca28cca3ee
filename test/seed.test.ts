// The seed end to end: every field of the JSON contract read right, every problem a careful reviewer finds
// reported, and nothing reported on the identities that do hold.
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/core/check';
import { importSeed } from './helpers/seed';

const imported = importSeed();
const { report } = imported;
const { findings, score } = checkReport(report, { truncated: imported.truncated });
const codes = (code: string) => findings.filter((f) => f.code === code);

describe('seed report: import', () => {
  it('reads the cover and overview fields of the public contract', () => {
    expect(imported.family).toBe('yueyang-overall');
    expect(imported.truncated).toBe(false);
    expect(report.year).toBe(2021);
    expect(report.cover.departmentName).toBe('党群工作部');
    expect(report.cover.budgetCode).toBe('999236');
    expect(report.cover.reportDate).toBe('2022-06-21');
    expect(report.cover.region).toBe('湖南城陵矶新港区');
    expect(report.cover.evaluationMethod).toBe('部门（单位）绩效自评');
    expect(report.cover.evaluator).toBe('部门（单位）评价组');
    expect(report.overview).toMatchObject({ contact: '王焱', phone: '18821880734', staffQuota: 3, actualStaff: 6 });
    expect(report.overview.tasks).toHaveLength(16);
    expect(report.overview.tasks[15]).toBe('任务16：开展城陵矶新港区新的社会阶层人士联合会成立筹备工作。');
    expect(report.overview.duties).toMatch(/^负责党务工作.*统筹协调群团工作。$/);
    expect(report.overview.achievements).toMatch(/^1、2021年我区新增党支部28家/);
  });

  it('reads the four finance tables with the summary row first and amounts exactly as written', () => {
    const { income, expenditure, threePublic, fixedAssets } = report.finance;
    for (const t of [income, expenditure, threePublic, fixedAssets]) {
      expect(t.map((r) => [r.institution, r.kind])).toEqual([
        ['局机关及二级机构汇总', 'summary'],
        ['局机关', 'main'],
        ['二级机构1', 'sub'],
        ['二级机构2', 'sub'],
      ]);
    }
    expect(income[0]).toMatchObject({ total: '87.2217', carryOver: null, fiscal: '87.2217', fund: null, specialAccount: null, other: null });
    expect(income[1]!.total).toBe('87.2217');
    expect(expenditure[0]).toMatchObject({ total: '85.33', basic: '38.43', personnel: '32.67', public: '5.76', project: '46.90', surplusYear: '1.89', surplusCumulative: '1.89' });
    expect(threePublic[0]).toMatchObject({ total: '2.5285', reception: '2.5285', vehicleOps: null });
    expect(threePublic[1]!.total).toBeNull();
    expect(fixedAssets.every((r) => r.total == null)).toBe(true);
  });

  it('reads targets, the 14 indicators (one cell holds two), the self-score and grade', () => {
    const perf = report.performance;
    expect(perf.qualitative).toHaveLength(4);
    expect(perf.qualitative[2]!.target).toMatch(/^目标3：落实巴陵新政20条/);
    expect(perf.qualitative[2]!.result).toMatch(/^3、 制定了符合三区人才/);
    expect(perf.indicators).toHaveLength(14);
    expect(perf.indicators.map((i) => i.level2)).toEqual([
      ...Array(4).fill('质量指标'),
      ...Array(3).fill('数量指标'),
      '时效指标',
      '成本指标',
      '社会效益',
      '社会效益',
      '经济效益',
      '生态效益',
      '社会公众或服务对象满意度',
    ]);
    expect(perf.indicators.every((i) => i.actual === '已完成')).toBe(true);
    expect(perf.indicators[13]).toMatchObject({ operator: '>', targetValue: '99', unit: '%' });
    expect(perf.selfScore).toBe(97);
    expect(perf.grade).toBe('优秀');
  });

  it('reads evaluators, unsigned sign-offs and the six narrative parts', () => {
    expect(report.evaluators).toEqual([{ name: '王焱', title: '科员', unit: '党群工作部', signature: '' }]);
    expect(report.signoffs.leader).toEqual({ opinion: '', signer: '', date: null });
    expect(report.signoffs.department.date).toBeNull();
    expect(report.preparer).toEqual({ name: '', phone: '' });
    expect(report.narrative.map((n) => n.key)).toEqual(['overview', 'management', 'organization', 'performance', 'problems', 'improvements']);
    expect(report.narrative[4]!.text).toContain('校内部分项目');
    expect(imported.unmapped).toEqual([]);
  });

  it('keeps the source line of every value it read', () => {
    expect(report.sources['cover.departmentName']).toEqual({ line: 7 });
    expect(report.sources['finance.threePublic[0].total']?.line).toBeGreaterThan(150);
    expect(report.sources['performance.selfScore']?.line).toBeGreaterThan(300);
  });
});

describe('seed report: what a careful reviewer finds', () => {
  it('flags the 三公经费 summary with no institution row behind it', () => {
    const f = codes('FIN.SUMMARY_UNSUPPORTED');
    expect(f.map((x) => x.path)).toEqual(['finance.threePublic[1].total', 'finance.threePublic[1].reception']);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('三公经费表');
    expect(f[0]!.message).toContain('2.5285');
  });

  it('flags 实有人数 6 against 人员编制 3', () => {
    const [f] = codes('STAFF.OVER_QUOTA');
    expect(f?.path).toBe('overview.actualStaff');
    expect(f?.message).toContain('200.00%');
  });

  it('flags every quantitative indicator reporting 已完成 instead of a value, and the 97 with no basis', () => {
    const notNumeric = codes('IND.VALUE_NOT_NUMERIC');
    expect(notNumeric).toHaveLength(14);
    expect(notNumeric.every((f) => f.severity === 'error' && f.message.includes('已完成'))).toBe(true);
    const [basis] = codes('SCORE.NO_BASIS');
    expect(basis?.severity).toBe('error');
    expect(basis?.message).toContain('97');
  });

  it('flags the 生态效益 slogan, the copied 校内 and 截至10月份 text', () => {
    expect(codes('IND.CATEGORY_MISMATCH').map((f) => f.path)).toEqual(['performance.indicators[12].name']);
    const foreign = codes('TEXT.FOREIGN_CONTEXT');
    expect(foreign).toHaveLength(1);
    expect(foreign[0]!.message).toContain('校内');
    expect(codes('DATE.PARTIAL_YEAR')[0]?.message).toContain('截至10月份');
  });

  it('flags every sign-off block as unsigned and undated', () => {
    expect(codes('SIGN.LEADER_UNSIGNED')[0]?.message).toContain('日期');
    expect(codes('SIGN.DEPARTMENT_UNSIGNED')[0]?.message).toContain('签名');
    expect(codes('SIGN.FINANCE_UNSIGNED')).toHaveLength(1);
    expect(codes('SIGN.EVALUATOR_UNSIGNED').map((f) => f.path)).toEqual(['evaluators[0].signature']);
  });

  it('says nothing about the identities that hold (income, expenditure, surplus within tolerance, narrative figures)', () => {
    const quiet = ['FIN.SUM_ROWS', 'FIN.SUMMARY_BLANK', 'FIN.INCOME_SUM', 'FIN.EXPENDITURE_SUM', 'FIN.BASIC_SUM', 'FIN.SURPLUS_YEAR', 'FIN.SURPLUS_CUMULATIVE', 'FIN.THREE_PUBLIC_SUM', 'FIN.NEGATIVE', 'NARR.AMOUNT_MISMATCH', 'SCORE.GRADE_MISMATCH', 'DATE.REPORT_YEAR'];
    expect(findings.filter((f) => quiet.includes(f.code))).toEqual([]);
    expect(findings.filter((f) => f.path.startsWith('finance.income') || f.path.startsWith('finance.expenditure'))).toEqual([]);
  });

  it('scores what the report supports and calls the rest insufficient, not zero', () => {
    const staff = score.items.find((i) => i.name === '财政供养人员控制率');
    expect(staff).toMatchObject({ status: 'scored', score: 0, weight: 5 });
    expect(staff?.explanation).toContain('200.00%');
    expect(score.total).toBeNull();
    expect(score.basis).toBe('partial');
    expect(score.items.some((i) => i.status === 'insufficient' && i.score == null)).toBe(true);
    expect(score.claimed).toEqual({ score: 97, grade: '优秀' });
  });
});
