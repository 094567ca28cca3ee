// What every consumer derives from a form descriptor: fields by path, a table's leaf columns and printed
// header rows, column names as messages give them, row labels, the composed title and its line breaks.
// Computed once per (frozen) descriptor object.
import type { ColumnNode, FieldDef, FormDescriptor, RowSet, SectionDef, TableDef } from './schema';

export interface Leaf {
  key: string;
  label: string;
  /** the header as printed, "\n" where the form breaks the line */
  print: string;
  /** the name in messages: "基本支出·人员支出", "结余·当年结余" */
  qualified: string;
  signed: boolean;
  /** DOCX grid columns it spans */
  span: number;
}

/** A header cell of a printed table: text (with the form's line breaks), column and row span. */
export interface HeadCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** the leaf it heads (for leaves only) */
  key?: string;
}

export interface TableShape {
  def: TableDef;
  rows: RowSet;
  leaves: Leaf[];
  byKey: Map<string, Leaf>;
  /** header rows under the row-name column (which spans them all); spans in leaf columns */
  head: HeadCell[][];
  /** the same with DOCX grid spans */
  gridHead: HeadCell[][];
  /** grid columns of the data: Σ leaf spans */
  gridWidth: number;
}

interface Derived {
  fields: Map<string, FieldDef>;
  sections: Map<string, SectionDef>;
  byRoot: Map<string, SectionDef>;
  tables: Map<string, TableShape>;
}

const CACHE = new WeakMap<FormDescriptor, Derived>();

function derived(form: FormDescriptor): Derived {
  let d = CACHE.get(form);
  if (!d) {
    const sections = new Map(form.sections.map((s) => [s.key, s]));
    const byRoot = new Map<string, SectionDef>();
    for (const s of form.sections) for (const r of s.roots) if (!byRoot.has(r)) byRoot.set(r, s);
    const tables = new Map(form.tables.map((t) => [t.key, shapeOf(form, t)]));
    d = { fields: new Map(form.fields.map((f) => [f.path, f])), sections, byRoot, tables };
    CACHE.set(form, d);
  }
  return d;
}

function leavesOf(nodes: readonly ColumnNode[], names: string[], byKey: Map<string, string>, out: Leaf[]): void {
  for (const n of nodes) {
    if (n.children) {
      // A "其中：" group names nothing itself; one that belongs to a column is named by that column.
      const name = n.of ? byKey.get(n.of) : /^其中[:：]?$/.test(n.label) ? undefined : n.label;
      leavesOf(n.children, name ? [...names, name] : names, byKey, out);
      continue;
    }
    const key = n.key!;
    byKey.set(key, n.label);
    out.push({ key, label: n.label, print: n.print ?? n.label, qualified: [...names, n.label].join('·'), signed: n.signed === true, span: n.span ?? 1 });
  }
}

function depth(nodes: readonly ColumnNode[]): number {
  return Math.max(...nodes.map((n) => (n.children ? 1 + depth(n.children) : 1)));
}

/** Header rows of a column tree: a group spans its leaves, a leaf reaches down to the last header row. */
function headRows(nodes: readonly ColumnNode[], levels: number, span: (leaf: ColumnNode) => number): HeadCell[][] {
  const rows: HeadCell[][] = Array.from({ length: levels }, () => []);
  const width = (n: ColumnNode): number => (n.children ? n.children.reduce((s, c) => s + width(c), 0) : span(n));
  const walk = (ns: readonly ColumnNode[], level: number) => {
    for (const n of ns) {
      const text = n.print ?? n.label;
      if (n.children) {
        rows[level]!.push({ text, colSpan: width(n), rowSpan: 1 });
        walk(n.children, level + 1);
      } else rows[level]!.push({ text, colSpan: span(n), rowSpan: levels - level, key: n.key });
    }
  };
  walk(nodes, 0);
  return rows;
}

function shapeOf(form: FormDescriptor, def: TableDef): TableShape {
  const leaves: Leaf[] = [];
  leavesOf(def.columns, [], new Map(), leaves);
  const levels = depth(def.columns);
  const rows = form.rowSets[def.rows]!;
  return {
    def,
    rows,
    leaves,
    byKey: new Map(leaves.map((l) => [l.key, l])),
    head: headRows(def.columns, levels, () => 1),
    gridHead: headRows(def.columns, levels, (n) => n.span ?? 1),
    gridWidth: leaves.reduce((s, l) => s + l.span, 0),
  };
}

export function field(form: FormDescriptor, path: string): FieldDef {
  const f = derived(form).fields.get(path);
  if (!f) throw new Error(`表单没有字段 ${path}`);
  return f;
}

export function findField(form: FormDescriptor, path: string): FieldDef | undefined {
  return derived(form).fields.get(path);
}

/** A field's name: its label. */
export function label(form: FormDescriptor, path: string): string {
  return field(form, path).label;
}

/** A field's short name (editor, path labels), else its label. */
export function shortLabel(form: FormDescriptor, path: string): string {
  const f = field(form, path);
  return f.short ?? f.label;
}

/** As printed on the form, line breaks included. */
export function printLabel(form: FormDescriptor, path: string): string {
  const f = field(form, path);
  return f.print ?? f.label;
}

export function section(form: FormDescriptor, key: string): SectionDef {
  const s = derived(form).sections.get(key);
  if (!s) throw new Error(`表单没有栏目 ${key}`);
  return s;
}

/** The section holding a report path root ("signoffs" → 四、评价人员). */
export function sectionOfRoot(form: FormDescriptor, root: string): SectionDef | undefined {
  return derived(form).byRoot.get(root);
}

export function table(form: FormDescriptor, key: string): TableShape {
  const t = derived(form).tables.get(key);
  if (!t) throw new Error(`表单没有表格 ${key}`);
  return t;
}

export function tables(form: FormDescriptor): TableShape[] {
  return [...derived(form).tables.values()];
}

/** "二、部门（单位）收支情况·年度收入情况表": where a table is, in the form's words. */
export function tablePlace(form: FormDescriptor, key: string): string {
  const t = table(form, key).def;
  const s = sectionOfRoot(form, t.path.split('.')[0]!);
  return s ? `${s.label}·${t.name}` : t.name;
}

/** A column's name in messages ("基本支出·人员支出"); the key itself when the table has no such column. */
export function columnName(form: FormDescriptor, tableKey: string, column: string): string {
  return derived(form).tables.get(tableKey)?.byKey.get(column)?.qualified ?? column;
}

/**
 * The row labels as the form prints them: the summary row as named (its standard name when blank), the
 * others numbered 1、局机关, 2、二级机构1 … The importer keeps the bare name, so the number is added back
 * here (and kept when the name already carries one).
 */
export function rowLabels(rows: RowSet, list: ReadonlyArray<{ institution: string; kind: string }>): string[] {
  let n = 0;
  return list.map((r) => {
    if (r.kind === 'summary') return r.institution || rows.summary.label;
    n += 1;
    return /^\s*\d+\s*[、.．]/.test(r.institution) ? r.institution : `${n}、${r.institution}`;
  });
}

/** The rows a blank table starts with: 局机关及二级机构汇总, 局机关, 二级机构1, 二级机构2. */
export function blankRows(rows: RowSet): Array<{ institution: string; kind: 'summary' | 'main' | 'sub' }> {
  let sub = 0;
  return rows.blank.map((kind) => ({ kind, institution: kind === 'sub' ? `${rows.sub.label}${++sub}` : rows[kind].label }));
}

/** "a、b与c": how a message names several parts. */
export function joinParts(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')}与${names[names.length - 1]}`;
}

function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/** The report's own title, else the form's composition ({region}{year}年度…). */
export function composeTitle(form: FormDescriptor, r: { year: number | null; cover: { title: string; region: string; departmentName: string } }): string {
  const own = r.cover.title.trim();
  if (own) return own;
  return fill(form.title.compose, { region: r.cover.region.trim(), year: r.year != null ? String(r.year) : '', department: r.cover.departmentName.trim() });
}

/**
 * The title's printed lines: a title written with line breaks keeps them; otherwise it breaks before the
 * first of the form's breakBefore endings it has ("…年度部门" / "整体支出绩效评价自评报告").
 */
export function titleLines(form: FormDescriptor, title: string): string[] {
  const own = title.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (own.length > 1) return own;
  const t = own[0] ?? '';
  for (const tail of form.title.breakBefore) {
    if (t.endsWith(tail) && t.length > tail.length) return [t.slice(0, -tail.length), tail];
  }
  return t ? [t] : [];
}

/** The download name of an export, without extension: 2021年度党群工作部部门整体支出绩效自评报告. */
export function fileBaseName(form: FormDescriptor, r: { year: number | null; cover: { departmentName: string }; project?: { name: string } | null }): string {
  const name = fill(form.title.fileName, {
    year: r.year != null ? String(r.year) : '',
    department: r.cover.departmentName || form.title.noDepartment,
    // a department's several project tables of a year are told apart by their project
    project: r.project?.name.trim() ?? '',
  });
  // "{year}年度" without a year leaves a stray 年度 at the start, "（{project}）" without a project empty brackets
  return (r.year != null ? name : name.replace(/^年度/, '')).replace(/（）|\(\)/g, '');
}

/** A section heading without its number: "五、评价报告综述（文字部分）" → "评价报告综述（文字部分）". */
export function unnumbered(text: string): string {
  return text.replace(/^[一二三四五六七八九十]+、/, '');
}
