import { describe, expect, it } from 'vitest';
import { indicatorPatch, measuredValue, natureOf } from './indicator-values';

describe('indicator values', () => {
  it('finds the number in what people write, and none in conclusions or vague counts', () => {
    expect(measuredValue('50')).toBe('50');
    expect(measuredValue('≥ 99.5%')).toBe('99.5');
    expect(measuredValue('52次')).toBe('52');
    expect(measuredValue('０５')).toBe('5');
    expect(measuredValue('已完成')).toBeNull();
    expect(measuredValue('50余次')).toBeNull();
  });

  it('edits 指标性质 as kind and operator together', () => {
    expect(indicatorPatch('nature', '定性')).toEqual({ kind: '定性', operator: null });
    expect(indicatorPatch('nature', '≥')).toEqual({ kind: '定量', operator: '≥' });
    expect(indicatorPatch('actual', '95%')).toEqual({ actual: '95%', actualValue: '95' });
    expect(natureOf({ kind: '定量', operator: '≤' })).toBe('≤');
  });
});
