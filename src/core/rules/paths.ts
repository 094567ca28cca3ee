// Paths of findings, as string objects shared by every check. add() looks each finding's path (and
// often its parent's) up in report.sources; V8 hashes a freshly built string on every such lookup
// (a few hundred ns: the largest single cost of checkReport in profiles), while a string it has
// hashed before is found in a few ns. The texts are exactly those a template literal would build.

/** Row indexes beyond this are rare enough to build their paths afresh each time. */
const MAX_CACHED_INDEX = 1000;
type Cache = Map<string, Map<string, string[]>>;
const LISTS: Cache = new Map();
const FINANCE: Cache = new Map();

/** The path of (group, row, field) from the cache, built on first use; groups and fields are few. */
function cached(cache: Cache, group: string, i: number, field: string, build: () => string): string {
  if (!(i >= 0 && i < MAX_CACHED_INDEX)) return build();
  let byField = cache.get(group);
  if (!byField) cache.set(group, (byField = new Map()));
  let paths = byField.get(field);
  if (!paths) byField.set(field, (paths = []));
  return (paths[i] ??= build());
}

/** "performance.indicators[3].target", "narrative[0].text": `${list}[${i}].${field}` */
export function listPath(list: string, i: number, field: string): string {
  return cached(LISTS, list, i, field, () => `${list}[${i}].${field}`);
}

export function indicatorPath(i: number, field: string): string {
  return listPath('performance.indicators', i, field);
}

/** "performance.indicators[3]", "narrative[0]": an item of a list, for the importer's report.sources */
export function itemPath(list: string, i: number): string {
  return cached(LISTS, list, i, '', () => `${list}[${i}]`);
}

/** "finance.income[1]": a row of a finance table */
export function financeRowPath(table: string, row: number): string {
  return cached(FINANCE, table, row, '', () => `finance.${table}[${row}]`);
}

/** "finance.income[1].total" */
export function financePath(table: string, row: number, column: string): string {
  return cached(FINANCE, table, row, column, () => `finance.${table}[${row}].${column}`);
}

const PARENTS = new Map<string, string>();

/** Everything before the last ".": "finance.income[1].total" → "finance.income[1]" (and "a" → ""). */
export function parentPath(path: string): string {
  let parent = PARENTS.get(path);
  if (parent === undefined) {
    // paths come from a small fixed set of shapes; the cap only guards against unbounded growth
    if (PARENTS.size > 10_000) PARENTS.clear();
    PARENTS.set(path, (parent = path.slice(0, path.lastIndexOf('.'))));
  }
  return parent;
}
