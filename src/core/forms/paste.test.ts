import { describe, expect, it } from 'vitest';
import { seedReport } from '../../../test/helpers/seed';
import { defaultForm } from '../templates/index';
import { table } from './index';
import { gridText, isBlock, parseGrid, planPaste, readPastedAmount, type PasteRow, type PasteTarget } from './paste';

describe('parseGrid', () => {
  it('reads Excel/WPS clipboard text: tabs, CRLF, quoted cells with tabs, newlines and quotes', () => {
    expect(parseGrid('a\tb\r\nc\td\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseGrid('"x\ty"\t"say ""hi"""\n"two\nlines"\t\n')).toEqual([['x\ty', 'say "hi"'], ['two\nlines', '']]);
    expect(parseGrid('12.5')).toEqual([['12.5']]);
    expect(isBlock('12.5')).toBe(false);
    expect(isBlock('12.5\t3')).toBe(true);
    expect(isBlock('12.5\n3\n')).toBe(true);
  });
});

describe('readPastedAmount', () => {
  it('reads amounts as people write them, 元 moved to 万元 exactly', () => {
    expect(readPastedAmount('1,234.56')).toEqual({ kind: 'amount', value: '1234.56' });
    expect(readPastedAmount('１２.５')).toEqual({ kind: 'amount', value: '12.5' });
    expect(readPastedAmount('87.2217万元')).toEqual({ kind: 'amount', value: '87.2217' });
    expect(readPastedAmount('872,217.00元')).toEqual({ kind: 'amount', value: '87.2217' });
    expect(readPastedAmount('８７２，２１７元')).toEqual({ kind: 'amount', value: '87.2217' });
    expect(readPastedAmount(' - ')).toEqual({ kind: 'blank' });
    expect(readPastedAmount('局机关')).toEqual({ kind: 'invalid' });
  });
});

describe('planPaste into the seed’s 支出 table', () => {
  const form = defaultForm();
  const shape = table(form, 'expenditure');
  const seed = seedReport();
  const rows = seed.finance.expenditure as unknown as PasteRow[];
  const target: PasteTarget = {
    columns: shape.leaves.map((c) => c.key),
    cellName: (r, c) => `${r?.institution ?? ''} · ${shape.byKey.get(c)?.label ?? c}`,
    maxRows: 5,
    subLabel: shape.rows.sub.label,
  };

  it('lands a block of rows from the focused cell, skips the 汇总 row, names what does not fit and adds rows up to the limit', () => {
    const main = rows.findIndex((r) => r.kind === 'main');
    const block = parseGrid(
      [
        ['局机关', '1,000.50', '800', '200.5'],
        ['工会', '２０', '二十', '0'],
        ['团委', '100000元', ...target.columns.slice(1).map(() => ''), '多余'],
        ['妇联', '1', '1', '0'],
        ['其他', '1', '1', '0'],
      ].map((r) => r.join('\t')).join('\r\n'),
    );
    const plan = planPaste(rows, target, { row: main, column: 0 }, block);
    const out = plan.rows;
    expect(out[main]).toMatchObject({ institution: rows[main]!.institution, [target.columns[0]!]: '1000.50', [target.columns[1]!]: '800', [target.columns[2]!]: '200.5' });
    expect(out[main + 1]).toMatchObject({ kind: 'sub', institution: '工会', [target.columns[0]!]: '20' });
    expect(out[main + 2]).toMatchObject({ institution: '团委', [target.columns[0]!]: '10' });
    expect(out).toHaveLength(5);
    expect(plan.added).toBe(5 - rows.length);
    expect(plan.problems.map((p) => [p.blockRow, p.blockColumn])).toEqual([[2, 3], [3, target.columns.length + 2], [5, 1]]);
    expect(plan.problems[0]!.message).toMatch(/：“二十”不是金额，未粘贴$/);
    expect(plan.problems[1]!.message).toContain('超出本表的列');
    expect(plan.problems[2]!.message).toBe('本表最多 5 行，粘贴内容第 5 行起未粘贴');
    // the seed's 局机关 row was filled: those are overwrites the preview asks about
    expect(plan.overwrites.length).toBeGreaterThan(0);
    expect(plan.overwrites[0]!.cell).toMatch(/^.+ · /);
    expect(plan.touched).toEqual(target.columns.slice(0, 3));
    // the seed is untouched
    expect(rows[main]![target.columns[0]!]).not.toBe('1000.50');
  });

  it('pasted on the 汇总 row leaves it to be summed, and what it copies out reads back the same', () => {
    const text = gridText(rows, target.columns);
    const back = planPaste(rows, target, { row: 0, column: 0 }, parseGrid(text));
    expect(back.written).toBe(0);
    expect(back.problems).toEqual([]);
    expect(back.rows).toEqual(rows);
  });
});
