// The 评分表 tree as a flat list of scorable lines, computed once per template object: scoring runs
// thousands of times a second and the tree never changes (shipped templates are frozen).
import type { ScoreNode, Template } from '../model/template';
import { Dec } from './decimal';

export interface Leaf {
  node: ScoreNode;
  /** 一级 / 二级 / 三级 names down to this line; frozen because every Scorecard shares it */
  path: string[];
  weight: number;
  weightDec: Dec;
  /** the weight in hundredths, for exact integer sums */
  weightCents: number;
  weightText: string;
  /** the line or one of its ancestors is a placeholder the customer has not confirmed */
  unknown: boolean;
}

export interface FlatTemplate {
  leaves: Leaf[];
  /** Σ leaf weights in hundredths, normally 10000 */
  totalCents: number;
}

const cache = new WeakMap<Template, FlatTemplate>();

function walk(nodes: readonly ScoreNode[], prefix: readonly string[], unknown: boolean, out: Leaf[]): void {
  for (const node of nodes) {
    const path = [...prefix, node.name];
    const isUnknown = unknown || node.status === 'unknown';
    if (node.children && node.children.length > 0) {
      walk(node.children, path, isUnknown, out);
      continue;
    }
    const weight = node.weight ?? 0;
    out.push({
      node,
      path: Object.freeze(path) as string[],
      weight,
      weightDec: new Dec(weight),
      weightCents: Math.round(weight * 100),
      weightText: String(weight),
      unknown: isUnknown,
    });
  }
}

export function flatten(template: Template): FlatTemplate {
  let flat = cache.get(template);
  if (!flat) {
    const leaves: Leaf[] = [];
    walk(template.scoreSheet, [], false, leaves);
    const totalCents = leaves.reduce((s, l) => s + l.weightCents, 0);
    flat = { leaves, totalCents };
    cache.set(template, flat);
  }
  return flat;
}
