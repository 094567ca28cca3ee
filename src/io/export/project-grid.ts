// The 项目支出绩效自评表 as one printed grid, laid out from the form descriptor once: title lines, then rows of
// cells with their spans and report paths. The HTML (and so the PDF), DOCX and XLSX exporters each draw
// this grid in their own medium; none of them knows a label or a span of the form.
//
// Nine columns, as the central 10号 附件1 (Anhui and Hebei copies) prints them: the block label down the
// left (项目资金, 年度总体目标, 绩效指标), then eight — the indicator grid's columns, which the 项目资金 rows
// share as row name (2) + 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分.
import { composeTitle, type FormDescriptor, printLabel, type SectionDef } from '../../core/forms/index';
import type { FundRowKey, Indicator, Report } from '../../core/model/report';
import { execution } from '../../core/project/execution';
import { Dec } from '../../core/scoring/decimal';
import { INDICATOR_CELL } from './xlsx/columns';

export interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** 0: covered by the cell above it (a merged run) — renderers skip it */
  /** the report path of the value (absent for labels) */
  path?: string;
  /** a printed label of the form */
  label?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface ProjectGrid {
  title: string[];
  /** relative column widths, summing to 100 */
  widths: number[];
  rows: GridCell[][];
}

export const PROJECT_COLUMNS = 9;
export const PROJECT_WIDTHS = [8, 10, 12, 15, 11, 11, 7, 9, 17];

const L = (text: string, o: Partial<GridCell> = {}): GridCell => ({ text, label: true, align: 'center', ...o });
const V = (text: string | number | null | undefined, path: string, o: Partial<GridCell> = {}): GridCell => ({ text: text == null ? '' : String(text), path, ...o });

/** The model field behind a grid column (for data-path) and how its cell is aligned. */
const INDICATOR_FIELD: Record<string, [string, GridCell['align']]> = {
  level1: ['level1', 'center'],
  level2: ['level2', 'center'],
  name: ['name', 'left'],
  nature: ['operator', 'center'],
  target: ['target', 'center'],
  unit: ['unit', 'center'],
  actual: ['actual', 'center'],
  weight: ['weight', 'right'],
  score: ['score', 'right'],
  reason: ['deviationReason', 'left'],
};

/** An indicator's cell under a grid column; a target or actual written only as a number shows with its unit. */
function indicatorCell(ind: Indicator, i: number, key: string): GridCell {
  const [f, align] = INDICATOR_FIELD[key] ?? [key, 'center'];
  let value = INDICATOR_CELL[key]?.(ind) ?? null;
  if (key === 'target' && !ind.target.trim() && ind.targetValue) value = `${ind.operator ?? ''}${ind.targetValue}${ind.unit}`;
  if (key === 'actual' && !ind.actual.trim() && ind.actualValue) value = `${ind.actualValue}${ind.unit}`;
  return V(value, `performance.indicators[${i}].${f}`, { align });
}

/** Runs of equal non-empty values down a column merge, as the form merges 一级 and 二级 down the rows. */
function mergeDown(rows: GridCell[][], col: number, first: number): void {
  let start = first;
  for (let r = first + 1; r <= rows.length; r++) {
    const a = rows[start]![col]!;
    const b = rows[r]?.[col];
    const same = b && b.text !== '' && b.text === a.text && (col === 0 || rows[r]![col - 1]!.rowSpan === 0);
    if (same) {
      a.rowSpan = (a.rowSpan ?? 1) + 1;
      b.rowSpan = 0;
    } else start = r;
  }
}

/** 年度总体目标 | 预期目标 | 实际完成情况 over their two texts: two rows of the nine columns. */
export function goalsRows(labels: { label: string; expected: string; actual: string }, expected: [string | undefined, string], actual: [string | undefined, string]): GridCell[][] {
  return [
    [L(labels.label, { rowSpan: 2 }), L(labels.expected, { colSpan: 4 }), L(labels.actual, { colSpan: 4 })],
    [V(expected[0], expected[1], { colSpan: 4, align: 'left' }), V(actual[0], actual[1], { colSpan: 4, align: 'left' })],
  ];
}

/**
 * The indicator grid under its block label (一级 and 二级 merged down), in the section's column order, and
 * its 总分 line: 分值 = `basePoints` (the 执行率 line's) + Σ indicator 分值, 得分 the claimed total.
 */
export function indicatorGridRows(report: Report, form: FormDescriptor, s: SectionDef, basePoints: number, totalLabel: string, blockLabel = s.label): GridCell[][] {
  const rows: GridCell[][] = [];
  const cols = (s.columns ?? []).map((k) => form.indicators.columns.find((c) => c.key === k)!);
  const inds = report.performance.indicators;
  rows.push([L(blockLabel, { rowSpan: inds.length + 1 }), ...cols.map((c) => L(c.print ?? c.label))]);
  inds.forEach((ind, i) => rows.push(cols.map((c) => indicatorCell(ind, i, c.key))));
  // a row-spanning first column is not in the rows below; merge on the grid columns' own indexes
  if (inds.length > 1) {
    const body = rows.slice(1);
    for (const col of [0, 1]) mergeDown(body, col, 0);
  }
  const points = inds.reduce((a, x) => a.plus(x.weight ?? 0), new Dec(basePoints));
  rows.push([L(totalLabel, { colSpan: 6 }), V(points.toString(), 'performance.indicators', { align: 'right' }), V(report.performance.selfScore, 'performance.selfScore', { align: 'right' }), L('')]);
  return rows;
}

export function projectGrid(report: Report, form: FormDescriptor): ProjectGrid {
  const pf = form.project!;
  const p = report.project;
  const rows: GridCell[][] = [];
  const title = composeTitle(form, report);
  const titleLines = title.split(/(?=（\s*\d{0,4}\s*年度\s*）$)/).map((s) => s.trim()).filter(Boolean);
  const section = form.sections;
  for (const s of section) {
    if (!s.printed) continue;
    if (s.type === 'fields') {
      // 项目名称 on its own line; 主管部门 | 实施单位 share one
      const shown = s.fields.filter((f) => f.startsWith('project.'));
      const [name, ...pair] = shown;
      if (name) rows.push([L(printLabel(form, name)), V(p?.name, name, { colSpan: 8, align: 'left' })]);
      for (let k = 0; k < pair.length; k += 2) {
        const a = pair[k]!;
        const b = pair[k + 1];
        const value = (path: string) => (p ? p[path.slice(8) as 'department' | 'implementer'] : '');
        rows.push(
          b
            ? [L(printLabel(form, a)), V(value(a), a, { colSpan: 3, align: 'left' }), L(printLabel(form, b), { colSpan: 2 }), V(value(b), b, { colSpan: 3, align: 'left' })]
            : [L(printLabel(form, a)), V(value(a), a, { colSpan: 8, align: 'left' })],
        );
      }
    } else if (s.type === 'projectFunds') {
      const f = pf.funds;
      const e = p ? execution(p) : null;
      const head: GridCell[] = [L(f.print ?? f.label, { rowSpan: f.rows.length + 1 }), L('', { colSpan: 2 })];
      for (const c of [...f.columns, ...f.execution]) head.push(L(c.print ?? c.label));
      rows.push(head);
      f.rows.forEach((r, n) => {
        const key = r.key as FundRowKey;
        const name = n === 1 && f.partsPrefix ? `${f.partsPrefix}${r.print ?? r.label}` : r.print ?? r.label;
        const row: GridCell[] = [L(name, { colSpan: 2, align: n === 0 ? 'center' : 'left' })];
        for (const c of f.columns) row.push(V(p?.funds[key][c.key as 'initial'], `project.funds.${key}.${c.key}`, { align: 'right' }));
        if (n === 0) {
          const weight = p?.executionWeight ?? (e?.weight ?? null);
          const rate = p?.executionRate.trim() || (e?.kind === 'rate' ? e.percent : '');
          row.push(V(weight, 'project.executionWeight', { align: 'right' }), V(rate, 'project.executionRate', { align: 'right' }), V(p?.executionScore, 'project.executionScore', { align: 'right' }));
        } else row.push(L('—'), L('—'), L('—'));
        rows.push(row);
      });
    } else if (s.type === 'projectGoals') {
      const g = pf.goals;
      rows.push(...goalsRows({ label: g.print ?? g.label, expected: g.expected.print ?? g.expected.label, actual: g.actual.print ?? g.actual.label }, [p?.goals.expected, 'project.goals.expected'], [p?.goals.actual, 'project.goals.actual']));
    } else if (s.type === 'projectIndicators') {
      rows.push(...indicatorGridRows(report, form, s, p?.executionWeight ?? (p ? execution(p).weight : 0), pf.total.label));
    }
  }
  return { title: titleLines, widths: PROJECT_WIDTHS, rows };
}

