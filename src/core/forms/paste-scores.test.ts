import { describe, expect, it } from 'vitest';
import { planScorePaste, readPastedScore, type ScorePasteLine } from './paste-scores';
import { parseGrid } from './paste';

const lines: ScorePasteLine[] = [
  { id: 'a', name: '预算编制', weight: 5, typed: true, score: null, note: '' },
  { id: 'b', name: '目标设置', weight: 10, typed: true, score: 8, note: '指标不够细化' },
  { id: 'c', name: '制度执行', weight: 6, typed: false, score: null, note: '' },
  { id: 'd', name: '产出数量', weight: 20, typed: true, score: null, note: '' },
];

describe('planScorePaste (得分 and 说明 rows into the 评分表)', () => {
  it('reads scores as people write them', () => {
    expect(readPastedScore('８分')).toBe(8);
    expect(readPastedScore(' 4.5 ')).toBe(4.5);
    expect(readPastedScore('')).toBeNull();
    expect(readPastedScore('良好')).toBeUndefined();
  });

  it('fills score and note from the focused item on, asks before replacing, and names what does not fit', () => {
    const grid = parseGrid('5\t编制规范\r\n9\t指标已细化\r\n3\t\r\n25\t\r\n1\t\r\n');
    const plan = planScorePaste(lines, { row: 0, column: 0 }, grid);
    expect(plan.patches).toEqual([
      { id: 'a', score: 5, note: '编制规范' },
      { id: 'b', score: 9, note: '指标已细化' },
    ]);
    expect(plan.overwrites).toEqual([
      { cell: '目标设置 自评得分', from: '8', to: '9' },
      { cell: '目标设置 说明', from: '指标不够细化', to: '指标已细化' },
    ]);
    expect(plan.problems.map((p) => [p.blockRow, p.message])).toEqual([
      [3, '制度执行：按评分要点或不符合情形计分，不直接填写得分，“3”未粘贴'],
      [4, '产出数量：“25”不是 0～20 分之间的得分，未粘贴'],
      [5, '评分表只有 4 项，粘贴内容第 5 行起未粘贴'],
    ]);
    expect(plan.written).toBe(4);
  });
});
