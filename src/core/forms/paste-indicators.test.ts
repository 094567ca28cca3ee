import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { defaultForm } from '../templates/index';
import type { Indicator } from '../model/report';
import { parseGrid } from './paste';
import { planIndicatorPaste, type IndicatorCell, type IndicatorPasteTarget } from './paste-indicators';

const form = defaultForm();
const COLUMNS: IndicatorCell[] = ['level1', 'level2', 'name', 'nature', 'target', 'unit', 'actual', 'reason'];
const label = (k: string) => form.indicators.columns.find((c) => c.key === k)!.label;
const target = (maxRows = 200): IndicatorPasteTarget => ({
  columns: COLUMNS,
  labels: Object.fromEntries(COLUMNS.map((c) => [c, label(c)])) as IndicatorPasteTarget['labels'],
  maxRows,
  blank: (): Indicator => ({
    level1: '产出目标', level2: '数量指标', name: '', kind: '定量', operator: '≥', target: '', targetValue: null, unit: '', actual: '', actualValue: null,
    weight: null, score: null, deviationReason: '', libraryId: null,
  }),
});

describe('planIndicatorPaste (Excel rows into the indicator grid)', () => {
  const seed = seedReport().performance.indicators;

  it('fills 指标值, 完成值 and 指标性质 of the seed’s “已完成” rows from the focused 指标性质 cell on, numbers read', () => {
    const grid = parseGrid('>=\t100\t%\t100%\r\n定性\t好\t\t好\r\n');
    const plan = planIndicatorPaste(seed, target(), { row: 0, column: 3 }, grid);
    expect(plan.problems).toEqual([]);
    expect(plan.rows[0]).toMatchObject({ kind: '定量', operator: '≥', target: '100', targetValue: '100', unit: '%', actual: '100%', actualValue: '100' });
    expect(plan.rows[1]).toMatchObject({ kind: '定性', operator: null, target: '好', targetValue: null, actual: '好' });
    // the seed wrote 已完成 as 完成值: replacing it is an overwrite the preview asks about
    expect(plan.overwrites).toEqual([
      { cell: `第1项 ${label('actual')}`, from: '已完成', to: '100%' },
      { cell: `第2项 ${label('actual')}`, from: '已完成', to: '好' },
    ]);
    expect(plan.rows.slice(2)).toEqual(seed.slice(2));
    expect(seed[0]!.actual).toBe('已完成'); // inputs untouched
  });

  it('adds rows beyond the grid up to the limit, skips the copied header, and names what did not fit', () => {
    const header = COLUMNS.map(label).join('\t');
    const text = [header, '产出目标\t数量指标\t培训场次\t≥\t50\t次\t52\t\t多余', '效益目标\t社会效益指标\t满意度\t不低于\t90\t%\t95%\t', '效益目标\t社会效益指标\t第三行\t大概\t1\t\t\t'].join('\n');
    const plan = planIndicatorPaste(seed, target(seed.length + 2), { row: seed.length, column: 0 }, parseGrid(text));
    expect(plan.header).toBe(true);
    expect(plan.added).toBe(2);
    expect(plan.rows).toHaveLength(seed.length + 2);
    expect(plan.rows[seed.length]).toMatchObject({ name: '培训场次', operator: '≥', target: '50', targetValue: '50', unit: '次', actual: '52', actualValue: '52' });
    expect(plan.rows[seed.length + 1]).toMatchObject({ level2: '社会效益指标', operator: '≥', target: '90', actual: '95%', actualValue: '95' });
    expect(plan.overwrites).toEqual([]);
    expect(plan.problems.map((p) => [p.blockRow, p.blockColumn, p.message])).toEqual([
      [2, 9, '超出指标表的列（共 8 列），“多余”未粘贴'],
      [4, 1, `绩效指标最多 ${seed.length + 2} 项，粘贴内容第 4 行起未粘贴`],
    ]);
  });

  it('refuses a 指标性质 that is not one, keeping the row’s own', () => {
    const plan = planIndicatorPaste(seed, target(), { row: 2, column: 3 }, [['大概', '5']]);
    expect(plan.problems[0]!.message).toBe(`第3项 ${label('nature')}：“大概”不是指标性质（可填 ≥、≤、=、>、<、定量或定性），未粘贴`);
    expect(plan.rows[2]).toMatchObject({ kind: seed[2]!.kind, operator: seed[2]!.operator, target: '5' });
  });
});
