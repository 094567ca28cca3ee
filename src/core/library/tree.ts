// The library as the 101号 tree the forms print: 一级 (产出 → 效益 → 满意度) → 二级 (数量, 质量, 时效, 成本,
// 经济/社会/生态效益 …) → the 三级 indicators, in the order a department reads its indicator table.
import { CATEGORY_LABEL, categoryOf, groupOf, type IndicatorCategory, type IndicatorGroup } from '../model/indicator-category';

type Leveled = { level1: string; level2: string; name: string };

export interface Level2Node<T> {
  level2: string;
  entries: T[];
}

export interface Level1Node<T> {
  level1: string;
  children: Level2Node<T>[];
  /** entries under it */
  count: number;
}

const GROUP_ORDER: readonly IndicatorGroup[] = ['output', 'outcome', 'satisfaction', 'other'];
const CATEGORY_ORDER = Object.keys(CATEGORY_LABEL) as IndicatorCategory[];
const byName = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN');
const key = (s: string) => s.replace(/\s+/g, '');

export function libraryTree<T extends Leveled>(entries: readonly T[]): Level1Node<T>[] {
  const level1s = new Map<string, Map<string, T[]>>();
  for (const e of entries) {
    const k1 = key(e.level1);
    let level2s = level1s.get(k1);
    if (!level2s) level1s.set(k1, (level2s = new Map()));
    const k2 = key(e.level2);
    const list = level2s.get(k2);
    if (list) list.push(e);
    else level2s.set(k2, [e]);
  }
  const nodes = [...level1s].map(([level1, level2s]) => {
    const children = [...level2s].map(([level2, list]) => ({ level2, entries: [...list].sort((a, b) => byName(a.name, b.name)) }));
    children.sort((a, b) => CATEGORY_ORDER.indexOf(categoryOf({ level1, level2: a.level2 })) - CATEGORY_ORDER.indexOf(categoryOf({ level1, level2: b.level2 })) || byName(a.level2, b.level2));
    return { level1, children, count: children.reduce((n, c) => n + c.entries.length, 0) };
  });
  const groupIndex = (n: Level1Node<T>) => GROUP_ORDER.indexOf(groupOf({ level1: n.level1, level2: n.children[0]?.level2 ?? '' }));
  return nodes.sort((a, b) => groupIndex(a) - groupIndex(b) || byName(a.level1, b.level1));
}
