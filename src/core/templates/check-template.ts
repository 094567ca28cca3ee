// Structural checks zod cannot express: weights add up, every scorable line has a rule, points fit
// their line. Run once per template at load time, never while scoring.
import Decimal from 'decimal.js';
import type { ScoreNode, ScoreRule, Template } from '../model/template';
import type { JsonPath, TemplateProblem } from './problems';

function sum(values: readonly number[]): Decimal {
  return values.reduce((s, v) => s.plus(v), new Decimal(0));
}

function rulePoints(rule: ScoreRule): number[] {
  switch (rule.type) {
    case 'bands':
      return rule.bands.map((b) => b.points);
    case 'categorical':
      return rule.cases.map((c) => c.points);
    default:
      return [];
  }
}

type Add = (path: JsonPath, message: string) => void;

function checkNode(node: ScoreNode, path: JsonPath, ids: Set<string>, add: Add): void {
  const at = `“${node.name}”(${node.id})`;
  const problems = { push: (m: string) => add(path, m) };
  if (ids.has(node.id)) problems.push(`${at}的编号重复`);
  ids.add(node.id);
  const children = node.children ?? [];
  if (children.length > 0) {
    if (node.rule) problems.push(`${at}有下级指标，不应再规定评分规则`);
    const weights = children.map((c) => c.weight);
    if (node.weight !== null && weights.every((w): w is number => w !== null) && !sum(weights).eq(node.weight)) {
      problems.push(`${at}分值${node.weight}与下级指标分值合计${sum(weights).toString()}不一致`);
    }
    children.forEach((c, i) => checkNode(c, [...path, 'children', i], ids, add));
    return;
  }
  if (node.weight === null) problems.push(`${at}是末级指标，必须有分值`);
  if (node.status !== 'unknown' && !node.rule) problems.push(`${at}是末级指标，须规定评分规则或标注为unknown`);
  if (!node.rule || node.weight === null) return;
  if (node.rule.type === 'checklist') {
    const total = sum(node.rule.items.map((i) => i.points));
    if (!total.eq(node.weight)) problems.push(`${at}评分要点分值合计${total.toString()}与分值${node.weight}不一致`);
  }
  for (const p of rulePoints(node.rule)) {
    if (p < 0 || p > node.weight) problems.push(`${at}的档位分值${p}超出0～${node.weight}`);
  }
}

/** Every problem of the 评分表 and its grade bands, in Chinese, at the JSON path it concerns. */
export function scoreSheetProblems(t: Template): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const add: Add = (path, message) => out.push({ path, message });
  const ids = new Set<string>();
  t.scoreSheet.forEach((node, i) => checkNode(node, ['scoreSheet', i], ids, add));
  const top = t.scoreSheet.map((n) => n.weight);
  if (top.some((w) => w === null)) add(['scoreSheet'], '一级指标必须都有分值');
  else if (!sum(top as number[]).eq(100)) add(['scoreSheet'], `一级指标分值合计${sum(top as number[]).toString()}，应为100`);
  const mins = t.gradeBands.map((b) => b.min);
  if (new Set(mins).size !== mins.length) add(['gradeBands'], '等次分档的下限有重复');
  if (!mins.some((m) => m <= 0)) add(['gradeBands'], '等次分档须覆盖0分（最低一档下限应为0）');
  return out;
}

/** Every problem of the template's 评分表, in Chinese; empty when it can be used. */
export function templateProblems(t: Template): string[] {
  return scoreSheetProblems(t).map((p) => p.message);
}
