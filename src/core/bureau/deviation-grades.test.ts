import { describe, expect, it } from 'vitest';
import { deviation, deviationText, summarize, summarizeBy } from './deviation';
import { commonGrade, commonGradeOfScore, commonGrades, displayGrade, isLowGrade, templateGradeOfScore, templateLabelOf } from './grades';

describe('偏离度 = (自评 − 复核) / 复核', () => {
  it('is exact to four places and signed', () => {
    expect(deviation(97, 85)).toBe(0.1412);
    expect(deviationText(deviation(97, 85))).toBe('+14.12%');
    expect(deviation(80, 84)).toBe(-0.0476);
    expect(deviationText(-0.0476)).toBe('−4.76%');
    expect(deviation(0.1 + 0.2, 0.3)).toBe(0); // 0.30000000000000004 read as a decimal, not a float sum
    expect(deviation(90, 90)).toBe(0);
    expect(deviationText(0)).toBe('0.00%');
  });

  it('has no value without both scores, or against a 复核 of zero', () => {
    expect(deviation(null, 80)).toBeNull();
    expect(deviation(80, null)).toBeNull();
    expect(deviation(3, 0)).toBeNull();
    expect(deviation(0, 0)).toBe(0);
    expect(deviationText(null)).toBe('—');
  });

  it('summarises a section pooled and by mean absolute deviation', () => {
    const pairs = [{ self: 95, review: 80 }, { self: 70, review: 80 }, { self: 88, review: null }];
    const s = summarize(pairs);
    expect(s.count).toBe(2);
    expect(s.pooled).toBe(0.0313); // (165 − 160) / 160
    expect(s.meanAbsolute).toBe(0.1563); // (0.1875 + 0.125) / 2
    const by = summarizeBy([{ k: 'b', self: 90, review: 90 }, { k: 'a', self: 99, review: 90 }], (r) => r.k);
    expect(by.map((g) => [g.key, g.pooled])).toEqual([['a', 0.1], ['b', 0]]);
  });
});

describe('one grade vocabulary', () => {
  it('reads 优/良/中/差 from the 10号 template and each report’s labels from its own template', () => {
    expect(commonGrades()).toEqual(['优', '良', '中', '差']);
    expect(commonGrade('优秀', 'yueyang-overall')).toBe('优');
    expect(commonGrade('合格', 'yueyang-overall')).toBe('中');
    expect(commonGrade('不合格', 'yueyang-overall')).toBe('差');
    expect(commonGrade(' 良 ', 'yueyang-overall')).toBe('良');
    expect(commonGrade('良好', 'dazhou-overall')).toBe('良');
    expect(commonGrade('', 'yueyang-overall')).toBeNull();
    expect(commonGrade('很好', 'yueyang-overall')).toBeNull();
    expect(templateGradeOfScore(97, 'yueyang-overall')).toBe('优秀');
    expect(templateGradeOfScore(97, 'mof-10-project')).toBe('优');
    expect(commonGradeOfScore(59.99)).toBe('差');
    expect(templateLabelOf('中', 'yueyang-overall')).toBe('合格');
    expect(displayGrade('优', 'yueyang-overall')).toBe('优秀');
    expect(displayGrade('合格', 'mof-10-project')).toBe('中');
    expect(displayGrade('很好', 'yueyang-overall')).toBe('很好');
    expect(isLowGrade('中')).toBe(true);
    expect(isLowGrade('良')).toBe(false);
  });
});
