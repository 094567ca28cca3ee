// The numeric part of what a preparer writes as 指标值 or 完成值: "50", "≥ 50", "99.5%", "52次".
// Words such as 已完成 or vague forms such as 50余次 have none, and the rules say so.
import type { Indicator, Operator } from '../../../src/core/model/report';

const MEASURED = /^\s*(?:[≥≤=＝<>]\s*)?(\d+(?:\.\d+)?)\s*([^\d\s.]{0,5})\s*$/;

export function measuredValue(raw: string): string | null {
  const m = MEASURED.exec(raw.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!m) return null;
  if (m[2] && /余|多|约|左右|以上|以下/.test(m[2])) return null;
  return m[1]!.replace(/^0+(?=\d)/, '');
}

/** The 一级 and 二级 names the editor (and the library's form) offer; others may be typed. */
export const LEVEL1_OPTIONS = ['产出目标', '效益目标', '满意度指标'];
export const LEVEL2_OPTIONS = ['数量指标', '质量指标', '时效指标', '成本指标', '经济效益', '社会效益', '生态效益', '可持续影响', '服务对象满意度'];

/** 指标性质 as one choice: the operator of a 定量 indicator, or 定性. */
export type Nature = Operator | '定性';
export const NATURE_OPTIONS: readonly Nature[] = ['=', '≥', '≤', '>', '<', '定性'];

export function natureOf(ind: Pick<Indicator, 'kind' | 'operator'>): Nature | null {
  return ind.kind === '定性' ? '定性' : ind.operator;
}

/** The fields that change together when one indicator cell is edited. */
export function indicatorPatch(field: 'nature' | 'target' | 'actual', value: string | null): Partial<Indicator> {
  if (field === 'nature') {
    if (value === '定性') return { kind: '定性', operator: null };
    return { kind: '定量', operator: (value as Operator | null) ?? null };
  }
  if (field === 'target') return { target: value ?? '', targetValue: measuredValue(value ?? '') };
  return { actual: value ?? '', actualValue: measuredValue(value ?? '') };
}
