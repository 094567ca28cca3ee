// What a preparer writes in the indicator grid, read as the rules need it: the numeric part of 指标值 and
// 完成值 ("50", "≥ 50", "99.5%", "52次"; none in 已完成 or vague forms such as 50余次), and 指标性质 as one
// choice of the 定量 operator or 定性 — typed, picked or pasted from Excel alike.
import type { Indicator, Operator } from '../model/report';

const MEASURED = /^\s*(?:[≥≤=＝<>]\s*)?(\d+(?:\.\d+)?)\s*([^\d\s.]{0,5})\s*$/;

export function measuredValue(raw: string): string | null {
  const m = MEASURED.exec(raw.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!m) return null;
  if (m[2] && /余|多|约|左右|以上|以下/.test(m[2])) return null;
  return m[1]!.replace(/^0+(?=\d)/, '');
}

/** 指标性质 as one choice: the operator of a 定量 indicator, or 定性. */
export type Nature = Operator | '定性';
export const NATURE_OPTIONS: readonly Nature[] = ['=', '≥', '≤', '>', '<', '定性'];

export function natureOf(ind: Pick<Indicator, 'kind' | 'operator'>): Nature | null {
  return ind.kind === '定性' ? '定性' : ind.operator;
}

/** The ways 指标性质 is written in the workbooks people paste from. */
const NATURE_WORDS: Record<string, Nature> = {
  '=': '=', '＝': '=', 等于: '=',
  '≥': '≥', '>=': '≥', '≧': '≥', '＞＝': '≥', 不低于: '≥', 不少于: '≥', 大于等于: '≥',
  '≤': '≤', '<=': '≤', '≦': '≤', '＜＝': '≤', 不高于: '≤', 不超过: '≤', 小于等于: '≤',
  '>': '>', '＞': '>', 大于: '>', '<': '<', '＜': '<', 小于: '<',
  定性: '定性',
};

/** A pasted 指标性质: its choice, "定量" (the operator stays), or null when it is not one. */
export function readNature(raw: string): Nature | '定量' | null {
  const t = raw.trim().replace(/\s+/g, '');
  if (t === '定量') return '定量';
  return NATURE_WORDS[t] ?? null;
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
