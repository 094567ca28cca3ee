// Structural checks zod cannot express: weights add up, every scorable line has a rule, points fit
// their line. Run once per template at load time, never while scoring.
import Decimal from 'decimal.js';
import type { ScoreNode, ScoreRule, Template } from '../model/template';

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

function checkNode(node: ScoreNode, ids: Set<string>, problems: string[]): void {
  const at = `“${node.name}”(${node.id})`;
  if (ids.has(node.id)) problems.push(`${at}的编号重复`);
  ids.add(node.id);
  const children = node.children ?? [];
  if (children.length > 0) {
    if (node.rule) problems.push(`${at}有下级指标，不应再规定评分规则`);
    const weights = children.map((c) => c.weight);
    if (node.weight !== null && weights.every((w): w is number => w !== null) && !sum(weights).eq(node.weight)) {
      problems.push(`${at}分值${node.weight}与下级指标分值合计${sum(weights).toString()}不一致`);
    }
    for (const c of children) checkNode(c, ids, problems);
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

/** Every problem of the template, in Chinese; empty when it can be used. */
export function templateProblems(t: Template): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const node of t.scoreSheet) checkNode(node, ids, problems);
  const top = t.scoreSheet.map((n) => n.weight);
  if (top.some((w) => w === null)) problems.push('一级指标必须都有分值');
  else if (!sum(top as number[]).eq(100)) problems.push(`一级指标分值合计${sum(top as number[]).toString()}，应为100`);
  const mins = t.gradeBands.map((b) => b.min);
  if (new Set(mins).size !== mins.length) problems.push('等次分档的下限有重复');
  if (!mins.some((m) => m <= 0)) problems.push('等次分档须覆盖0分（最低一档下限应为0）');
  return problems;
}
