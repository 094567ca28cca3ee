// The form descriptor: everything a template knows about how its report form looks — sections in order,
// every field's label as printed and as named, tables with their column trees and row sets, the arithmetic
// identities between cells, the indicator grid, the sign-off blocks, the narrative parts, the title, the
// workbook layout and the bounds of what a real form holds. Exporters, the editor, the path labels of
// findings, the importer's vocabulary and the finance rules all read it; none keeps a copy of a label.
// It is data (inside a template file), checked when it loads (check.ts).
import { z } from 'zod';

const Label = z.string().min(1).max(200);
const Words = z.array(Label).default([]);

/** Field value types; the editor picks its input and the bounds their default limit by it. */
export const FieldType = z.enum(['text', 'longText', 'list', 'count', 'date', 'score', 'grade', 'year', 'amount']);
export type FieldType = z.infer<typeof FieldType>;

export const FieldDef = z.strictObject({
  /** the report path, in the findings' syntax: "cover.departmentName", "overview.tasks", "year" */
  path: z.string().min(1),
  /** the field's name: messages, workbook rows, the editor, path labels */
  label: Label,
  /** a shorter name where the full one is long (the editor, path labels) */
  short: Label.optional(),
  /** as printed on the official form when it differs from the label; "\n" is a printed line break */
  print: Label.optional(),
  /** what the form prints after the label on a signature line: （签名） */
  mark: z.string().max(20).optional(),
  /** other wordings of the label that reports use (the importer accepts them; normal forms derived) */
  aliases: Words,
  type: FieldType,
  required: z.boolean().default(false),
  /** 人, 个: shown after a count */
  unit: z.string().max(10).optional(),
  /** the value a new report starts with */
  default: z.string().max(200).optional(),
  /** the hint in an empty input; "{year}" stands for the report's year */
  placeholder: z.string().max(200).optional(),
  /** a list's item, as named in messages and the editor: 任务 → 任务1, 任务2 */
  item: Label.optional(),
  /** bounds, overriding the form's defaults for the type */
  maxLength: z.number().int().positive().optional(),
  maxItems: z.number().int().positive().optional(),
  /** digits that must stay text in a workbook (预算编码, 电话: leading zeros) */
  keepText: z.boolean().default(false),
  /** the room the printed form leaves for the value, in points (long texts and lists) */
  height: z.number().positive().max(400).optional(),
  /** the value is one long line: the editor gives it the whole row */
  wide: z.boolean().default(false),
  /** false: the editor does not offer it (derived or owned elsewhere: 地区, 年度, 制表单位) */
  edit: z.boolean().default(true),
});
export type FieldDef = z.infer<typeof FieldDef>;

/** A column of a table's header tree: a leaf names a value column, a group spans the columns under it. */
export interface ColumnNode {
  /** leaf only: the row field it holds */
  key?: string;
  label: string;
  print?: string;
  aliases?: string[];
  /** a group of sub-columns: "其中：", "结余" */
  children?: ColumnNode[];
  /** a "其中：" group's parts belong to this column (基本支出 · 人员支出): names the column in messages */
  of?: string;
  /** the value may be negative (结余) */
  signed?: boolean;
  /** DOCX: grid columns the leaf spans in its section's shared grid */
  span?: number;
}
export const ColumnNodeSchema: z.ZodType<ColumnNode> = z.lazy(() =>
  z.strictObject({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/).optional(),
    label: Label,
    print: Label.optional(),
    aliases: z.array(Label).optional(),
    children: z.array(ColumnNodeSchema).min(1).optional(),
    of: z.string().optional(),
    signed: z.boolean().optional(),
    span: z.number().int().min(1).max(8).optional(),
  }),
) as z.ZodType<ColumnNode>;

/** An arithmetic identity between the cells of one row: total = Σ parts (domain.md §3). */
export const Identity = z.strictObject({
  /** the domain rule: A2/A3, A4 … */
  rule: z.string().min(1),
  code: z.string().regex(/^[A-Z]+\.[A-Z_]+$/),
  total: z.string(),
  parts: z.array(z.string()).min(1),
  /** how the message names the parts, when not their labels joined ("在用、出租与其他固定资产") */
  partsText: z.string().optional(),
  /**
   * report paths of other totals the parts may add up to instead of `total` (the Hunan 按支出性质分 breaks
   * down the budget or the execution; the form does not say which): any one matching settles it
   */
  or: z.array(z.string()).optional(),
  /** only when this template option is on / off */
  if: z.string().optional(),
  unless: z.string().optional(),
});
export type Identity = z.infer<typeof Identity>;

/** The institution rows every Yueyang table has: 汇总 = 局机关 + Σ 二级机构 (A1). */
export const RowSet = z.strictObject({
  summary: z.strictObject({ label: Label, aliases: Words }),
  main: z.strictObject({ label: Label, aliases: Words }),
  /** numbered on blank forms: 二级机构1, 二级机构2 */
  sub: z.strictObject({ label: Label }),
  /** the rows a blank table prints and a new table starts with */
  blank: z.array(z.enum(['summary', 'main', 'sub'])).min(1),
  /** the header of the row-name column */
  header: Label,
});
export type RowSet = z.infer<typeof RowSet>;

export const TableDef = z.strictObject({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
  /** report path of the rows: "finance.income" */
  path: z.string(),
  /** the table's name in messages, the editor and path labels */
  name: Label,
  /** the title row printed over the table (none for tables whose header names them) */
  title: Label.optional(),
  /** the workbook sheet and the CSV file */
  sheet: Label,
  file: Label,
  /** the printed page header of its sheet (default: the title) */
  sheetTitle: Label.optional(),
  unit: z.string().max(10).default('万元'),
  rows: z.string(),
  /** the leaf whose header cell says which table this is (收入合计) */
  anchor: z.string(),
  columns: z.array(ColumnNodeSchema).min(1),
  identities: z.array(Identity).default([]),
  /** HTML column widths in percent: the row-name column first, then each leaf */
  widths: z.array(z.number().positive()).min(2),
  maxRows: z.number().int().positive().optional(),
});
export type TableDef = z.infer<typeof TableDef>;

const Column = z.strictObject({ key: z.string(), label: Label, print: Label.optional(), aliases: Words, prefix: z.boolean().default(false) });
export type GridColumn = z.infer<typeof Column>;
const Choice = z.strictObject({ label: Label, aliases: Words, note: z.string().optional(), category: z.string().optional() });

export const IndicatorGrid = z.strictObject({
  /** report path of the list */
  path: z.string(),
  label: Label,
  print: Label.optional(),
  short: Label,
  aliases: Words,
  /** the grid's columns as the workbook, the CSV, the editor and path labels name them */
  columns: z.array(Column).min(1),
  /** printed layout of the Yueyang form: 评价内容 (一级 | 二级) | 绩效目标 | 完成情况 */
  printed: z.strictObject({ content: Label, target: Label, result: Label, targetValue: Label, reason: Label }),
  level1: z.array(Choice).min(1),
  level2: z.array(Choice).min(1),
  /** the qualitative targets printed above the grid */
  qualitative: z.strictObject({ path: z.string(), label: Label, short: Label, aliases: Words, target: Label, result: Label, serial: Label }),
  maxItems: z.number().int().positive().optional(),
});
export type IndicatorGrid = z.infer<typeof IndicatorGrid>;

export const SignoffBlock = z.strictObject({
  key: z.enum(['leader', 'department', 'finance']),
  /** who signs, as the workbook names the row: 部门（单位） */
  party: Label,
  /** the opinion's label, when the block carries one */
  opinion: Label.optional(),
  signer: Label,
  mark: z.string().max(20),
  fields: z.strictObject({ opinion: Label, signer: Label, date: Label }),
});
export type SignoffBlock = z.infer<typeof SignoffBlock>;

export const People = z.strictObject({
  evaluators: z.strictObject({ path: z.string(), label: Label, item: Label, columns: z.array(Column).min(1), maxItems: z.number().int().positive().optional() }),
  blocks: z.array(SignoffBlock).min(1),
  /** the workbook's sign-off grid header: 签署 | 意见 | 签字人 | 日期 */
  grid: z.strictObject({ block: Label, opinion: Label, signer: z.array(Label).min(1), date: z.array(Label).min(1) }),
});
export type People = z.infer<typeof People>;

export const NarrativePart = z.strictObject({
  key: z.enum(['overview', 'management', 'organization', 'performance', 'problems', 'improvements', 'other']),
  label: Label,
  /** the heading a new part starts with */
  heading: Label,
  /** wordings of the heading in real reports: exact (after the number) or contained */
  exact: Words,
  contains: Words,
});
export type NarrativePart = z.infer<typeof NarrativePart>;

export const SectionDef = z.strictObject({
  key: z.string().regex(/^[a-z][A-Za-z]*$/),
  type: z.enum(['cover', 'fields', 'tables', 'performance', 'people', 'narrative', 'basics', 'scoreSheet', 'projectFunds', 'projectGoals', 'projectIndicators', 'budgetGrid']),
  /** the heading printed on the form */
  label: Label,
  /** for navigation, path labels and messages */
  short: Label,
  /** other wordings of the heading that reports print (prefix match) */
  aliases: Words,
  /** printed on the form (basics and the 评分表 are the editor's, not the form's) */
  printed: z.boolean().default(true),
  /** report path roots it holds */
  roots: z.array(z.string()).min(1),
  /** field paths in the order the form has them */
  fields: z.array(z.string()).default([]),
  tables: z.array(z.string()).default([]),
  /** projectIndicators: the indicator grid's columns (keys of indicators.columns) in printed order */
  columns: z.array(z.string()).optional(),
});
export type SectionDef = z.infer<typeof SectionDef>;

/** Default bounds by kind of value: what a real form holds (issue 13). */
export const Limits = z.strictObject({
  text: z.number().int().positive(),
  longText: z.number().int().positive(),
  listItems: z.number().int().positive(),
  listItem: z.number().int().positive(),
  tableRows: z.number().int().positive(),
  indicators: z.number().int().positive(),
  indicatorText: z.number().int().positive(),
  qualitative: z.number().int().positive(),
  evaluators: z.number().int().positive(),
  narrativeParts: z.number().int().positive(),
  narrativeText: z.number().int().positive(),
  claimNote: z.number().int().positive(),
  scoreItems: z.number().int().positive(),
  sources: z.number().int().positive(),
});
export type Limits = z.infer<typeof Limits>;

const Named = z.strictObject({ key: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), label: Label, print: Label.optional(), aliases: Words });
export type Named = z.infer<typeof Named>;

/**
 * The 项目支出绩效自评表's own parts (财预〔2020〕10号 附件1): the 项目资金 grid — its rows (年度资金总额, 其中
 * 财政拨款 / 上年结转 / 其他资金), its amount columns (年初预算数 | 全年预算数 | 全年执行数) and the 执行率 line
 * (分值 | 执行率 | 得分) — and the 年度总体目标 block. The indicator grid is `indicators`, printed in the order of
 * the projectIndicators section's `columns`.
 */
export const ProjectForm = z.strictObject({
  funds: z.strictObject({
    path: z.string(),
    label: Label,
    print: Label.optional(),
    unit: z.string().max(10).default('万元'),
    /** the row keys of the report's project.funds; the first is the total, the rest its parts */
    rows: z.array(Named).min(2),
    /** "其中：" printed before the first part */
    partsPrefix: z.string().max(10).default(''),
    /** amount columns: initial | annual | executed */
    columns: z.array(Named).length(3),
    /** the 执行率 line: weight (分值) | rate (执行率) | score (得分) */
    execution: z.array(Named).length(3),
    /** the amounts' identity: total = Σ parts, per amount column */
    identity: Identity.optional(),
  }),
  goals: z.strictObject({ path: z.string(), label: Label, print: Label.optional(), aliases: Words, expected: Named, actual: Named }),
  /** the last line: 总分 */
  total: z.strictObject({ label: Label, aliases: Words }),
});
export type ProjectForm = z.infer<typeof ProjectForm>;

export const FormDescriptor = z.strictObject({
  kind: z.enum(['overall', 'project']),
  /** composed when the report has no title of its own: {region} {year} {department} */
  title: z.strictObject({
    compose: Label,
    /** the printed title breaks before the first of these it ends with */
    breakBefore: Words,
    /** the download name of an export, without the extension */
    fileName: Label,
    /** in place of {department} when the report names none */
    noDepartment: Label,
  }),
  sections: z.array(SectionDef).min(1),
  fields: z.array(FieldDef).min(1),
  rowSets: z.record(z.string(), RowSet).default({}),
  tables: z.array(TableDef).default([]),
  indicators: IndicatorGrid,
  people: People,
  narrative: z.array(NarrativePart).min(1),
  /** the cover's printed field lines, in order; a blank line of the form before each path in gapBefore */
  cover: z.strictObject({ printed: z.array(z.string()).min(1), gapBefore: z.array(z.string()).default([]) }),
  /** the workbook's own sheets besides the tables' (label | value fields, texts, the review sheets) */
  workbook: z.strictObject({
    fieldSheet: z.strictObject({ name: Label, headers: z.tuple([Label, Label]), aliases: z.tuple([Words, Words]) }),
    qualitativeSheet: Label,
    indicatorSheet: Label,
    peopleSheet: Label,
    narrativeSheet: z.strictObject({ name: Label, headers: z.tuple([Label, Label, Label]), aliases: z.tuple([Words, Words, Words]) }),
    scoreSheet: z.strictObject({ name: Label, score: Label, status: Label, note: Label, noteAliases: Words, claimed: Label }),
    findingsSheet: z.strictObject({ name: Label, headers: z.tuple([Label, Label, Label, Label]), severityAliases: Words }),
  }),
  /** the printed 评分表 appended to a review copy */
  scorePrint: z.strictObject({
    title: Label,
    levels: z.tuple([Label, Label, Label]),
    weight: Label,
    claimed: Label,
    reason: Label,
    total: Label,
  }),
  limits: Limits,
  /** the project table's parts: project forms only */
  project: ProjectForm.optional(),
});
export type FormDescriptor = z.infer<typeof FormDescriptor>;
