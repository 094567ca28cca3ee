// 三、整体支出绩效自评情况: qualitative targets vs results, the quantitative indicator table, self-score, grade.
import { label, section } from '../../../core/forms/index';
import type { Indicator } from '../../../core/model/report';
import type { MapContext, Token } from './context';
import { findLabelled } from './fields';
import { IMPORT_FORM, MISC, PERFORMANCE } from './labels';
import { execPrinted, splitPrinted } from './simplified';
import { parseMeasured, parseScore, parseTarget } from './values';
import { mapIndicatorGrid } from './indicator-grid';
import { indicatorPath, itemPath } from '../../../core/rules/paths';

export function mapPerformance(ctx: MapContext, from: number, to: number): void {
  mapQualitative(ctx, from, to);
  if (!mapIndicatorGrid(ctx, from, to)) mapYueyangIndicators(ctx, from, to);
  const perf = ctx.report.performance;
  // A workbook keeps the self-score with the cover fields, outside any 三、 section.
  const score = findLabelled(ctx, PERFORMANCE.selfScore, from, to) ?? findLabelled(ctx, PERFORMANCE.selfScore);
  if (score) {
    perf.selfScore = parseScore(score.value);
    ctx.source('performance.selfScore', score.loc);
    if (perf.selfScore == null && score.value) {
      const where = `${section(IMPORT_FORM, 'performance').short}·${label(IMPORT_FORM, 'performance.selfScore')}`;
      ctx.diag({ code: 'IMPORT.BAD_SCORE', severity: 'error', path: 'performance.selfScore', loc: score.loc, message: `${where}：“${score.value}”不是 0–100 的分数。` });
    }
  }
  const grade = findLabelled(ctx, PERFORMANCE.grade, from, to) ?? findLabelled(ctx, PERFORMANCE.grade);
  if (grade) {
    perf.grade = grade.value;
    ctx.source('performance.grade', grade.loc);
  }
}

const TARGET_SPLIT = /(?=目标\s*\d+\s*[:：])/;
const RESULT_SPLIT = /\n(?=\s*\d+\s*[、.．])/;

function mapQualitative(ctx: MapContext, from: number, to: number): void {
  const at = ctx.find(PERFORMANCE.qualitative, from, to);
  if (at < 0) return;
  ctx.use(at);
  // The data are the two long cells after the 预期目标 / 实际完成 header.
  const end = Math.min(to, nextAfter(ctx, at, to));
  const texts = ctx.tokens.slice(at + 1, end).filter((t) => t.text !== '' && !t.roles.includes(MISC.qualitativeHeader));
  for (const t of ctx.tokens.slice(at + 1, end)) if (t.roles.includes(MISC.qualitativeHeader)) ctx.use(t.index);
  const [targetTok, resultTok] = texts;
  if (!targetTok) return;
  ctx.use(targetTok.index);
  if (resultTok) ctx.use(resultTok.index);
  const targets = splitPrinted(targetTok.text, TARGET_SPLIT).map((s) => s.trim()).filter(Boolean);
  const results = resultTok ? splitPrinted(resultTok.text, RESULT_SPLIT).map((s) => s.trim()).filter(Boolean) : [];
  const n = Math.max(targets.length, results.length);
  for (let k = 0; k < n; k++) {
    ctx.report.performance.qualitative.push({ target: targets[k] ?? '', result: results[k] ?? '' });
  }
  ctx.source('performance.qualitative', targetTok.loc);
}

/** Where the qualitative block ends: the quantitative header or the self-score label. */
function nextAfter(ctx: MapContext, at: number, to: number): number {
  const q = ctx.find(PERFORMANCE.quantitative, at + 1, to);
  const s = ctx.find(PERFORMANCE.selfScore, at + 1, to);
  return Math.min(q < 0 ? to : q, s < 0 ? to : s);
}

const INDICATOR_SPLIT = /\n(?=\s*指标\s*\d+\s*[:：])/;

/** The Yueyang table: 评价内容 (一级 | 二级, merged down) | 绩效目标 | 完成情况. */
function mapYueyangIndicators(ctx: MapContext, from: number, to: number): void {
  const at = ctx.find(PERFORMANCE.quantitative, from, to);
  if (at < 0) return;
  ctx.use(at);
  const scoreAt = ctx.find(PERFORMANCE.selfScore, at + 1, to);
  const end = scoreAt < 0 ? to : scoreAt;
  let level1 = '';
  let level2 = '';
  // Cells in reading order, header and empties dropped: level labels set the context, then text/result pairs.
  let pending: Token | null = null;
  for (let i = at + 1; i < end; i++) {
    const t = ctx.tokens[i]!;
    if (t.text === '') {
      // In a table an empty result cell still pairs with its indicator.
      if (pending && t.row >= 0 && t.row === pending.row) {
        addIndicators(ctx, pending, t, level1, level2);
        pending = null;
      }
      continue;
    }
    if (t.roles.includes(MISC.quantitativeHeader)) {
      ctx.use(i);
      continue;
    }
    const firstLine = firstLineOf(t.text).trim();
    if (!pending && t.roles.includes(PERFORMANCE.level1) && firstLine.length <= 12) {
      level1 = firstLine;
      ctx.use(i);
      continue;
    }
    if (!pending && t.roles.includes(PERFORMANCE.level2)) {
      level2 = firstLine;
      ctx.use(i);
      continue;
    }
    if (!pending) pending = t;
    else {
      addIndicators(ctx, pending, t, level1, level2);
      pending = null;
    }
  }
  if (pending) addIndicators(ctx, pending, null, level1, level2);
}

/** Text up to the first line break; cheaper than split('\n')[0] on long multi-line cells. */
function firstLineOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}

// Jixiao's own DOCX writes a target the indicator text does not state as a suffix, and a deviation reason
// under the result: "指标名称（目标值：≥50次）" / "48次\n偏差原因：…", in the form's words.
const PRINTED = IMPORT_FORM.indicators.printed;
const TARGET_SUFFIX = new RegExp(`[（(]${PRINTED.targetValue}[:：]\\s*(.+?)[)）]\\s*$`, 'd');
const REASON = new RegExp(`\\n?\\s*${PRINTED.reason}[:：]\\s*([\\s\\S]*)$`, 'd');

/** Group 1 of a match found on the simplified text, cut from the printed one. */
function printedGroup(printed: string, m: RegExpExecArray): string {
  const [from, to] = m.indices![1]!;
  return printed.slice(from, to);
}

function addIndicators(ctx: MapContext, text: Token, result: Token | null, level1: string, level2: string): void {
  ctx.use(text.index);
  if (result) ctx.use(result.index);
  const resultText = result?.text.trim() ?? '';
  const reasonMatch = execPrinted(REASON, resultText);
  const actual = (reasonMatch ? resultText.slice(0, reasonMatch.index) : resultText).trim();
  const measured = parseMeasured(actual);
  for (const written of splitPrinted(text.text, INDICATOR_SPLIT).map((s) => s.trim()).filter(Boolean)) {
    const suffix = execPrinted(TARGET_SUFFIX, written);
    const name = suffix ? written.slice(0, suffix.index).trim() : written;
    const targetText = suffix ? printedGroup(written, suffix).trim() : '';
    const target = targetText ? (parseTarget(targetText) ?? withOperator(targetText)) : parseTarget(name);
    const ind: Indicator = {
      level1,
      level2,
      name,
      kind: '定量',
      operator: target?.operator ?? null,
      target: targetText || target?.text || '',
      targetValue: target?.value ?? null,
      unit: target?.unit || measured?.unit || '',
      actual,
      actualValue: measured?.value ?? null,
      weight: null,
      score: null,
      deviationReason: reasonMatch ? printedGroup(resultText, reasonMatch).trim() : '',
      libraryId: null,
    };
    const k = ctx.report.performance.indicators.push(ind) - 1;
    ctx.source(itemPath('performance.indicators', k), text.loc);
    if (result) ctx.source(indicatorPath(k, 'actual'), result.loc);
  }
}

/** "≥54次" / "=100%": an operator sign then a measured value. */
function withOperator(text: string) {
  const op = /^\s*([≥≤=＝<>])/.exec(text)?.[1];
  const m = parseMeasured(text.replace(/^\s*[≥≤=＝<>]\s*/, ''));
  if (!op || !m) return null;
  return { operator: (op === '＝' ? '=' : op) as Indicator['operator'] & string, value: m.value, unit: m.unit, text };
}
