import { describe, expect, it } from 'vitest';
import type { ScoreNode, Template } from '../model/template';
import { gradeMatches } from '../scoring';
import { templateProblems } from './check-template';
import { DEFAULT_TEMPLATE_ID, defaultTemplateFor, getTemplate, listTemplates, loadTemplate } from './index';
import yueyangData from './yueyang-overall.json';

const weights = (nodes: readonly ScoreNode[]) => nodes.map((n) => [n.name, n.weight]);
const child = (t: Template, ...ids: string[]): ScoreNode => {
  let nodes = t.scoreSheet;
  let found: ScoreNode | undefined;
  for (const id of ids) {
    found = nodes.find((n) => n.id === id);
    if (!found) throw new Error(`no node ${id}`);
    nodes = found.children ?? [];
  }
  return found!;
};

function leaves(nodes: readonly ScoreNode[]): ScoreNode[] {
  return nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [n]));
}

describe('shipped templates', () => {
  it('lists the shipped templates, each valid, frozen and summing to 100', () => {
    expect(listTemplates().map((t) => t.id)).toEqual(['yueyang-overall', 'mof-10-project', 'dazhou-overall', 'hunan-overall']);
    for (const t of listTemplates()) {
      expect(templateProblems(t)).toEqual([]);
      expect(t.scoreSheet.reduce((s, n) => s + (n.weight ?? 0), 0)).toBe(100);
      expect(leaves(t.scoreSheet).reduce((s, n) => s + (n.weight ?? 0), 0)).toBe(100);
      expect(Object.isFrozen(t)).toBe(true);
      expect(Object.isFrozen(leaves(t.scoreSheet)[0])).toBe(true);
    }
  });

  it('getTemplate returns the same object each time and refuses unknown ids in Chinese', () => {
    expect(getTemplate('mof-10-project')).toBe(getTemplate('mof-10-project'));
    expect(() => getTemplate('nope')).toThrow('未知的评分表模板“nope”，可用模板：yueyang-overall、mof-10-project、dazhou-overall、hunan-overall');
  });

  it('defaultTemplateFor follows report.templateId, falling back to yueyang-overall', () => {
    expect(defaultTemplateFor({ templateId: 'dazhou-overall' }).id).toBe('dazhou-overall');
    expect(defaultTemplateFor({ templateId: 'unknown-city' }).id).toBe(DEFAULT_TEMPLATE_ID);
    expect(defaultTemplateFor({ templateId: '' }).id).toBe('yueyang-overall');
  });
});

describe('yueyang-overall', () => {
  const t = getTemplate('yueyang-overall');

  it('has 投入 15 / 过程 40 / 产出及效果 45 with the known sub-weights', () => {
    expect(weights(t.scoreSheet)).toEqual([
      ['投入', 15],
      ['过程', 40],
      ['产出及效果', 45],
    ]);
    expect(weights(child(t, 'input', 'input.allocation').children!)).toEqual([
      ['财政供养人员控制率', 5],
      ['“三公经费”变动率', 5],
      ['重点支出安排率', 5],
    ]);
    expect(weights(child(t, 'process').children!)).toEqual([
      ['预算执行', 15],
      ['预算管理', 15],
      ['资产管理', 10],
    ]);
    expect(weights(child(t, 'process', 'process.execution').children!)).toEqual([
      ['预算调整率', 3],
      ['支付进度', 3],
      ['资金结余', 3],
      ['“三公经费”控制率', 6],
    ]);
  });

  it('marks the lines not yet seen as unknown, with the probable 53号 items in the note', () => {
    const unknown = leaves(t.scoreSheet).filter((n) => n.status === 'unknown');
    expect(unknown.map((n) => [n.name, n.weight])).toEqual([
      ['预决算信息公开性和完善性', 3],
      ['预算管理其他指标（待确认）', 6],
      ['资产管理指标（待确认）', 10],
      ['产出及效果指标（待确认）', 45],
    ]);
    expect(child(t, 'outputOutcome', 'outputOutcome.placeholder', 'outputOutcome.placeholder.items').note).toContain('社会公众或服务对象满意度');
    expect(t.description).toContain('推定');
  });

  it('uses the rule types of domain §4.1', () => {
    const rule = (id: string) => leaves(t.scoreSheet).find((n) => n.id === id)?.rule;
    expect(rule('input.allocation.staffControl')).toEqual({
      type: 'capDeduct',
      metric: 'staffControlRate',
      target: 100,
      direction: 'max',
      deductPerPoint: 0.5,
    });
    expect(rule('input.allocation.threePublicChange')).toMatchObject({ type: 'capDeduct', metric: 'threePublicChangeRate', target: 0 });
    expect(rule('process.execution.paymentProgress')).toEqual({
      type: 'violationDeduct',
      pointsPerViolation: 0.5,
      metric: 'lateSpecialFunds',
    });
    expect(rule('process.execution.threePublicControl')).toMatchObject({ type: 'capDeduct', deductPerPoint: 1 });
    expect(rule('process.management.systems')).toMatchObject({ type: 'checklist' });
    expect(rule('process.management.compliance')).toEqual({ type: 'violationDeduct', pointsPerViolation: 1 });
  });

  it('grades 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格, with the aliases', () => {
    const b = t.gradeBands;
    expect(b.map((x) => [x.label, x.min])).toEqual([
      ['优秀', 90],
      ['良好', 80],
      ['合格', 60],
      ['不合格', 0],
    ]);
    expect(gradeMatches('优', 97, b)).toBe(true);
    expect(gradeMatches('中', 60, b)).toBe(true);
    expect(gradeMatches('一般', 79.99, b)).toBe(true);
    expect(gradeMatches('差', 59.99, b)).toBe(true);
    expect(gradeMatches('良', 90, b)).toBe(false);
  });
});

describe('mof-10-project and dazhou-overall', () => {
  it('mof-10-project: 预算执行率 10 / 产出 50 / 效益 30 / 满意度 10, bands 优良中差', () => {
    const t = getTemplate('mof-10-project');
    expect(weights(t.scoreSheet)).toEqual([
      ['预算执行率', 10],
      ['产出指标', 50],
      ['效益指标', 30],
      ['满意度指标', 10],
    ]);
    expect(t.scoreSheet.map((n) => n.rule && 'group' in n.rule && n.rule.group)).toEqual([false, 'output', 'outcome', 'satisfaction']);
    expect(t.gradeBands.map((b) => [b.label, b.min])).toEqual([
      ['优', 90],
      ['良', 80],
      ['中', 60],
      ['差', 0],
    ]);
    expect(t.options.naPolicy).toBe('rescale');
  });

  it('dazhou-overall: 部门决策 25 / 综合管理 30 / 部门绩效情况 45 with the 2017 sub-weights', () => {
    const t = getTemplate('dazhou-overall');
    expect(weights(t.scoreSheet)).toEqual([
      ['部门决策', 25],
      ['综合管理', 30],
      ['部门绩效情况', 45],
    ]);
    expect(weights(child(t, 'management').children!)).toEqual([
      ['专项资金分配时限', 2],
      ['中期评估', 2],
      ['绩效监控', 5],
      ['非税收入执收', 2],
      ['资产管理', 6],
      ['内控制度', 2],
      ['信息公开', 6],
      ['绩效评价', 5],
    ]);
    expect(weights(child(t, 'performance', 'performance.satisfaction').children!)).toEqual([
      ['协作部门满意度', 3],
      ['管理对象满意度', 3],
      ['社会公众满意度', 4],
    ]);
    const types = new Set(leaves(t.scoreSheet).map((n) => n.rule?.type));
    expect(types).toEqual(new Set(['manual', 'checklist']));
  });
});

describe('loadTemplate rejects broken template data', () => {
  const base = () => structuredClone(yueyangData) as unknown as { scoreSheet: Array<Record<string, unknown>>; [k: string]: unknown };

  it('accepts the shipped JSON as is', () => {
    expect(loadTemplate(base()).id).toBe('yueyang-overall');
  });

  it('schema errors', () => {
    const bad = base();
    delete bad.gradeBands;
    expect(() => loadTemplate(bad)).toThrow(/评分表模板“yueyang-overall”格式无效：gradeBands/);
  });

  it('top-level weights not adding to 100', () => {
    const bad = base();
    bad.scoreSheet[0]!.weight = 20;
    expect(() => loadTemplate(bad)).toThrow(/一级指标分值合计105，应为100/);
  });

  it('a parent whose children do not add up, a leaf without a rule, a duplicate id, checklist and band points', () => {
    const t = mutableCopy();
    t.scoreSheet = [
      {
        id: 'a',
        name: '甲',
        weight: 60,
        status: 'verified',
        children: [{ id: 'a1', name: '甲1', weight: 50, status: 'verified', rule: { type: 'manual' } }],
      },
      { id: 'a1', name: '乙', weight: 30, status: 'verified' },
      { id: 'c', name: '丙', weight: 10, status: 'verified', rule: { type: 'checklist', items: [{ text: '一', points: 1 }] } },
      {
        id: 'd',
        name: '丁',
        weight: 0,
        status: 'verified',
        rule: { type: 'bands', metric: 'keySpendingRate', bands: [{ points: 2, minInclusive: true, maxInclusive: false }] },
      },
    ];
    expect(templateProblems(t)).toEqual([
      '“甲”(a)分值60与下级指标分值合计50不一致',
      '“乙”(a1)的编号重复',
      '“乙”(a1)是末级指标，须规定评分规则或标注为unknown',
      '“丙”(c)评分要点分值合计1与分值10不一致',
      '“丁”(d)的档位分值2超出0～0',
    ]);
  });
});

/** A mutable copy of a shipped template for the negative tests. */
function mutableCopy(): Template {
  return structuredClone(getTemplate('mof-10-project')) as Template;
}
