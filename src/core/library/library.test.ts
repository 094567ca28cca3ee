// The indicator library's pure logic: what a maintainer may write, who may quote what in which year, the
// tree in the forms' order, search by name and category, quoting, and last year's row of an indicator.
import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { LibraryFields, type LibraryEntry } from './model';
import { matchPriorYear } from './prior-year';
import { quoteIndicator, suggestedTargetText, targetText } from './quote';
import { bestMatch, searchLibrary, similarity } from './search';
import { libraryTree } from './tree';
import { quotable, usableBy, validIn, validityText } from './validity';

let n = 0;
function entry(over: Partial<LibraryEntry>): LibraryEntry {
  return {
    id: `e${++n}`, bureauId: 'b1', scope: 'common', departmentId: null, departmentName: null, level1: '产出目标', level2: '数量指标',
    name: '指标', category: '通用', kind: '定量', operator: '≥', unit: '次', suggestedTarget: '', scoringRule: '', explanation: '',
    validFrom: null, validTo: null, usableBy: [], status: 'active', version: 1, usage: { reports: 0, departments: 0, lastYear: null }, updatedAt: '',
    ...over,
  };
}

const issues = (input: unknown) => {
  const r = LibraryFields.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('what a maintainer may write', () => {
  it('a 定量 indicator needs an operator and a unit, and a numeric suggested target', () => {
    expect(issues({ level1: '产出目标', level2: '数量指标', name: '开展党建活动次数', operator: '≥', unit: '次', suggestedTarget: '12' })).toEqual([]);
    expect(issues({ level1: '产出目标', level2: '数量指标', name: '开展党建活动次数', suggestedTarget: '12余次' })).toEqual([
      'operator: 定量指标须选择运算符（≥、≤、= 等）',
      'unit: 定量指标须填写计量单位',
      'suggestedTarget: 定量指标的建议指标值须为数字，“12余次”不是',
    ]);
  });

  it('a 定性 indicator takes no operator; names are required and valid years ordered', () => {
    expect(issues({ level1: '效益目标', level2: '社会效益', name: '群众获得感', kind: '定性', suggestedTarget: '明显提升' })).toEqual([]);
    expect(issues({ level1: '效益目标', level2: '社会效益', name: ' ', kind: '定性', operator: '≥', validFrom: 2023, validTo: 2021 })).toEqual([
      'name: 请填写三级指标名称',
      'operator: 定性指标不填运算符',
      'validTo: 有效年度的起始年（2023）晚于截止年（2021）',
    ]);
  });
});

describe('who may quote what, in which year', () => {
  const common = entry({});
  const forSchools = entry({ usableBy: ['d-school'] });
  const own = entry({ scope: 'department', departmentId: 'd1' });
  const shared = entry({ scope: 'department', departmentId: 'd1', usableBy: ['d2'] });

  it('a 共性指标 is every department’s unless it names some; a 部门指标 its own and those it names', () => {
    expect(['d1', 'd2', 'd-school'].map((d) => usableBy(common, d))).toEqual([true, true, true]);
    expect(['d1', 'd-school'].map((d) => usableBy(forSchools, d))).toEqual([false, true]);
    expect(['d1', 'd2'].map((d) => usableBy(own, d))).toEqual([true, false]);
    expect(['d1', 'd2', 'd3'].map((d) => usableBy(shared, d))).toEqual([true, true, false]);
  });

  it('valid years bound it; a retired entry is never quoted', () => {
    const e = entry({ validFrom: 2021, validTo: 2023 });
    expect([2020, 2021, 2023, 2024, null].map((y) => validIn(e, y))).toEqual([false, true, true, false, true]);
    expect(quotable(e, { departmentId: 'd1', year: 2022 })).toBe(true);
    expect(quotable({ ...e, status: 'retired' }, { departmentId: 'd1', year: 2022 })).toBe(false);
    expect([validityText(e), validityText(entry({ validFrom: 2022 })), validityText(entry({ validTo: 2023 })), validityText(entry({}))]).toEqual(['2021–2023年度', '2022年度起', '至2023年度', '长期有效']);
  });
});

describe('the tree and search', () => {
  const entries = [
    entry({ level1: '满意度指标', level2: '服务对象满意度', name: '服务对象满意度', unit: '%', usage: { reports: 9, departments: 3, lastYear: 2021 } }),
    entry({ level1: '效益目标', level2: '社会效益', name: '群众获得感', kind: '定性', operator: null, category: '党建' }),
    entry({ level1: '产出目标', level2: '时效指标', name: '任务按时完成率', unit: '%' }),
    entry({ level1: '产出目标', level2: '数量指标', name: '开展党建活动次数', category: '党建', explanation: '全年组织的主题党日等活动' }),
    entry({ level1: '产出目标', level2: '质量指标', name: '党员教育培训合格率', unit: '%', category: '党建' }),
  ];

  it('orders 一级 产出 → 效益 → 满意度 and 二级 数量, 质量, 时效 as the forms do', () => {
    const tree = libraryTree(entries);
    expect(tree.map((t) => [t.level1, t.count])).toEqual([['产出目标', 3], ['效益目标', 1], ['满意度指标', 1]]);
    expect(tree[0]!.children.map((c) => c.level2)).toEqual(['数量指标', '质量指标', '时效指标']);
  });

  it('finds by words of the name in any order, by other fields, by category, and by a similar wording', () => {
    const names = (q: string, category?: string) => searchLibrary(entries, { q, category }).map((e) => e.name);
    expect(names('党建 次数')).toEqual(['开展党建活动次数']);
    expect(names('党建')).toEqual(['开展党建活动次数', '党员教育培训合格率', '群众获得感']);
    expect(names('主题党日')).toEqual(['开展党建活动次数']);
    expect(names('', '党建')).toHaveLength(3);
    expect(names('满意率')).toEqual(['服务对象满意度']);
    expect(names('预算执行率')).toEqual([]);
    expect(similarity('服务对象满意率', '服务对象满意度')).toBeGreaterThan(0.8);
  });

  it('the more used first among equals', () => {
    const a = entry({ name: '完成率A', usage: { reports: 1, departments: 1, lastYear: 2021 } });
    const b = entry({ name: '完成率B', usage: { reports: 5, departments: 2, lastYear: 2021 } });
    expect(searchLibrary([a, b], { q: '完成率' }).map((e) => e.name)).toEqual(['完成率B', '完成率A']);
  });

  it('matches a typed row to its library entry only within its category and when the names are close', () => {
    const row = { level1: '满意度指标', level2: '满意度', name: '服务对象满意率' };
    expect(bestMatch(row, entries)?.entry.name).toBe('服务对象满意度');
    expect(bestMatch({ ...row, level2: '数量指标' }, entries)).toBeNull();
    expect(bestMatch({ ...row, name: '群众满意' }, entries)).toBeNull();
  });
});

describe('quoting and last year', () => {
  it('a quoted row carries the tree, nature, unit, suggested target and the library id', () => {
    const e = entry({ id: 'lib-1', name: '开展党建活动次数', suggestedTarget: '12' });
    expect(quoteIndicator(e)).toEqual({
      level1: '产出目标', level2: '数量指标', name: '开展党建活动次数', kind: '定量', operator: '≥', target: '12', targetValue: '12', unit: '次',
      actual: '', actualValue: null, weight: null, score: null, deviationReason: '', libraryId: 'lib-1',
    });
    expect(quoteIndicator(entry({ kind: '定性', operator: null, suggestedTarget: '明显提升' }))).toMatchObject({ kind: '定性', operator: null, target: '明显提升', targetValue: null });
  });

  it('shows a suggested target and a row’s target with the operator and unit only where the text lacks them', () => {
    expect([suggestedTargetText(entry({ suggestedTarget: '95', unit: '%' })), suggestedTargetText(entry({ suggestedTarget: '', unit: '项' })), suggestedTargetText(entry({ kind: '定性', operator: null, suggestedTarget: '按时' }))]).toEqual(['≥95%', '≥ 由部门确定（项）', '定性：按时']);
    const seedRow = seedReport().performance.indicators.find((x) => x.targetValue === '99')!;
    expect([targetText(seedRow), targetText({ kind: '定量', operator: '≥', target: '12', unit: '次' })]).toEqual(['高于99%', '≥12次']);
  });

  it('finds last year’s row of each indicator of the seed by library id first, then by category and name, each used once', () => {
    const prior = seedReport().performance.indicators;
    const current = structuredClone(prior);
    prior[4]!.libraryId = 'lib-x';
    current[6]!.libraryId = 'lib-x'; // renamed and moved, still the same indicator
    current[6]!.name = '人才项目申报批次';
    current[4]!.name = current[4]!.name.replace(/：/, ':'); // punctuation aside, the same name
    current.push(structuredClone(current[0]!)); // a duplicate row finds nothing left
    const m = matchPriorYear(current, prior);
    expect(m[6]).toMatchObject({ index: 4, by: 'library' });
    expect(m[0]).toMatchObject({ index: 0, by: 'name' });
    expect(m[4]).toBeNull(); // its own row went to lib-x; 指标2's name differs from 指标1's
    expect(m.at(-1)).toBeNull();
    expect(m.filter(Boolean)).toHaveLength(current.length - 2);
  });
});
