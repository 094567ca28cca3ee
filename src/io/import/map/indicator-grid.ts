// Indicator tables with a header row naming their columns (10号 自评表, Sichuan, Jixiao's own XLSX export):
// 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 分值/权重 | 得分 | 偏差原因.
import type { Indicator, Operator } from '../../../core/model/report';
import type { MapContext } from './context';
import { INDICATOR_HEADER, MISC, PERFORMANCE } from './labels';
import { parseMeasured, parseScore, parseTarget } from './values';
import { itemPath } from '../../../core/rules/paths';

type Field = keyof typeof INDICATOR_HEADER;
const HEADER = Object.entries(INDICATOR_HEADER) as [Field, RegExp][];

const NATURE: Record<string, Operator> = { '=': '=', '＝': '=', '≥': '≥', '>=': '≥', '≤': '≤', '<=': '≤', '>': '>', '<': '<' };

/** Maps the first header-driven indicator table in [from, to); false when there is none. */
export function mapIndicatorGrid(ctx: MapContext, from: number, to: number): boolean {
  const at = ctx.find(PERFORMANCE.indicatorHeader, from, to);
  if (at < 0 || ctx.tokens[at]!.row < 0) return false;
  const header = ctx.rowOf(at);
  const cols = new Map<number, Field>();
  for (const h of header) {
    const f = HEADER.find(([, re]) => h.roles.includes(re))?.[0];
    if (f) cols.set(h.col, f);
  }
  const fields = new Set(cols.values());
  if (!fields.has('name') || !(fields.has('actual') || fields.has('target'))) return false;
  for (const h of header) if (cols.has(h.col)) ctx.use(h.index);
  let level1 = '';
  let level2 = '';
  let row = ctx.tokens[at]!.row + 1;
  while (ctx.rows.has(row)) {
    const cells = ctx.rows.get(row)!.map((i) => ctx.tokens[i]!);
    if (cells[0]!.index >= to) break;
    const get = (f: Field) => cells.find((c) => cols.get(c.col) === f);
    const name = get('name');
    if (cells[0]!.roles.includes(MISC.gridEnd)) break;
    const l1 = get('level1')?.text.trim();
    const l2 = get('level2')?.text.trim();
    if (l1) level1 = l1;
    if (l2) level2 = l2;
    row++;
    if (!name || name.text.trim() === '') {
      for (const c of cells) if (c.text === '' || c === get('level1') || c === get('level2')) ctx.use(c.index);
      continue;
    }
    const nature = get('nature')?.text.trim() ?? '';
    const targetRaw = get('target')?.text.trim() ?? '';
    const actual = get('actual')?.text.trim() ?? '';
    const parsedTarget = parseMeasured(targetRaw) ?? null;
    const phrase = parsedTarget ? null : parseTarget(targetRaw);
    const unit = get('unit')?.text.trim() || parsedTarget?.unit || phrase?.unit || '';
    const ind: Indicator = {
      level1,
      level2,
      name: name.text.trim(),
      kind: nature === '定性' ? '定性' : '定量',
      operator: NATURE[nature] ?? phrase?.operator ?? (/^[≥≤=]/.test(targetRaw) ? NATURE[targetRaw[0]!]! : null),
      target: targetRaw,
      targetValue: parsedTarget?.value ?? phrase?.value ?? null,
      unit,
      actual,
      actualValue: parseMeasured(actual)?.value ?? null,
      weight: parseScore(get('weight')?.text ?? ''),
      score: parseScore(get('score')?.text ?? ''),
      deviationReason: get('reason')?.text.trim() ?? '',
      libraryId: null,
    };
    const k = ctx.report.performance.indicators.push(ind) - 1;
    ctx.source(itemPath('performance.indicators', k), name.loc);
    for (const c of cells) if (cols.has(c.col) || c.text === '') ctx.use(c.index);
  }
  return true;
}
