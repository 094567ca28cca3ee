// Quoting a library entry into a report's indicator table: a new row with the entry's tree, 指标性质, unit
// and suggested 指标值 — and its id, so next year's report finds this row's values again.
import type { Indicator } from '../model/report';
import type { LibraryEntry } from './model';

export function quoteIndicator(e: Pick<LibraryEntry, 'id' | 'level1' | 'level2' | 'name' | 'kind' | 'operator' | 'unit' | 'suggestedTarget'>): Indicator {
  const quantitative = e.kind === '定量';
  return {
    level1: e.level1,
    level2: e.level2,
    name: e.name,
    kind: e.kind,
    operator: quantitative ? e.operator : null,
    target: e.suggestedTarget,
    targetValue: quantitative && /^\d+(\.\d+)?$/.test(e.suggestedTarget) ? e.suggestedTarget : null,
    unit: e.unit,
    actual: '',
    actualValue: null,
    weight: null,
    score: null,
    deviationReason: '',
    libraryId: e.id,
  };
}

/** The library entries a report's indicator table quotes, each once. */
export function quotedLibraryIds(indicators: readonly Pick<Indicator, 'libraryId'>[]): string[] {
  const out = new Set<string>();
  for (const i of indicators) if (i.libraryId) out.add(i.libraryId);
  return [...out];
}

/** The suggested 指标值 as the library shows it: "≥95%", "定性：按规定时限公开", "≥ 由部门确定（项）". */
export function suggestedTargetText(e: Pick<LibraryEntry, 'kind' | 'operator' | 'suggestedTarget' | 'unit'>): string {
  if (e.kind === '定性') return e.suggestedTarget ? `定性：${e.suggestedTarget}` : '定性';
  if (!e.suggestedTarget) return `${e.operator ?? ''} 由部门确定${e.unit ? `（${e.unit}）` : ''}`;
  return `${e.operator ?? ''}${e.suggestedTarget}${e.unit}`;
}

/** A report row's 指标值 as printed, with its operator and unit where the text leaves them out ("≥12次", "高于99%"). */
export function targetText(x: Pick<Indicator, 'kind' | 'operator' | 'target' | 'unit'>): string {
  const op = x.kind === '定量' && x.operator && /^\d/.test(x.target) ? x.operator : '';
  const unit = x.target && x.unit && !x.target.includes(x.unit) ? x.unit : '';
  return `${op}${x.target}${unit}`;
}
