// The importer's label vocabulary, built from the form descriptor: every label and alias the form names
// becomes a regular expression on the normal form (see normalize.ts: no spaces, half-width brackets and
// colon, simplified characters). What is written here is only how a label may stand in a document
// (alone in its cell, followed by its value, with a signature mark after it), plus the few patterns that
// recognise other families' forms and generic page furniture, which no Yueyang label names.
import { type FormDescriptor, field, section, tables } from '../../../core/forms/index';
import { defaultForm } from '../../../core/templates/index';
import { norm } from './normalize';

/** The form whose labels the importer knows. */
export const IMPORT_FORM: FormDescriptor = defaultForm();
const F = IMPORT_FORM;

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Alternation of the normal forms of some labels, each once, in the order given. */
export function alt(labels: readonly (string | undefined)[]): string {
  const seen: string[] = [];
  for (const l of labels) {
    if (!l) continue;
    const n = norm(l);
    if (n && !seen.includes(n)) seen.push(n);
  }
  return seen.map(escape).join('|');
}
/** A field's label, its printed form and its aliases. */
const fieldWords = (path: string): string[] => {
  const f = field(F, path);
  return [f.label, f.print ?? '', ...f.aliases];
};
const W = (path: string) => alt(fieldWords(path));
/** The label alone in its token: a workbook's label column, a header cell. */
const exact = (words: string) => new RegExp(`^(${words})$`);
/** The label followed by its value in the same token, or alone ("联系人：王焱", "联系人"). */
const labelled = (words: string) => new RegExp(`^(${words})(:|$)`);
/** The token starts with the label. */
const starts = (words: string) => new RegExp(`^(${words})`);
// A label on a signature line may carry the mark the form prints after it, or another one writers use.
const marks = (mark: string | undefined) => `(${alt([mark, '（签字）', '（签名）'])})?`;
const signed = (label: string, mark: string | undefined) => new RegExp(`^${alt([label])}${marks(mark)}`);

// Label words of the fields that can share one line or table row (基本概况's 联系人 | … | 联络电话 | …, the
// cover's fields); field-line.ts splits a line on them. Raw words: the line is matched before normalising.
const rawWords = (path: string) => [field(F, path).label, ...field(F, path).aliases];
const ROW_FIELDS = ['overview.contact', 'overview.phone', 'overview.staffQuota', 'overview.actualStaff', 'cover.budgetCode', 'cover.evaluationMethod', 'cover.evaluator', 'cover.reportDate'];

/** Every label word that may stand beside another on one line, longest alternatives first per field. */
export const ROW_FIELD_LABELS: readonly string[] = ROW_FIELDS.flatMap(rawWords);

const preparer = field(F, 'preparer.name');

export const COVER = {
  departmentName: new RegExp(`^(${W('cover.departmentName')})(\\((盖章|公章|签章)\\))?`),
  // the 10号 project form's unit (not a field of the Yueyang form)
  implementingUnit: /^实施单位(\((盖章|公章)\))?/,
  budgetCode: starts(W('cover.budgetCode')),
  evaluationMethod: starts(W('cover.evaluationMethod')),
  evaluator: starts(W('cover.evaluator')),
  reportDate: starts(W('cover.reportDate')),
  preparer: signed(preparer.label, preparer.mark),
  preparerPhone: starts(W('preparer.phone')),
  // the issuer line's value (岳阳市财政局(制)), not a label
  issuer: /财政(局|厅)\(?制\)?$/,
  // Label | value sheets (Jixiao's XLSX, hand-made workbooks) name these explicitly.
  titleLabel: exact(W('cover.title')),
  regionLabel: exact(W('cover.region')),
  yearLabel: exact(W('year')),
  issuerLabel: exact(W('cover.issuer')),
} as const;

export const OVERVIEW = {
  contact: labelled(W('overview.contact')),
  phone: labelled(W('overview.phone')),
  staffQuota: labelled(W('overview.staffQuota')),
  actualStaff: labelled(W('overview.actualStaff')),
  duties: labelled(W('overview.duties')),
  tasks: labelled(W('overview.tasks')),
  achievements: labelled(W('overview.achievements')),
} as const;

/** A numbered section heading ("一、部门（单位）基本概况"): its number, then its words or an alias's. */
function heading(key: string): RegExp {
  const s = section(F, key);
  const parts = [s.label, ...s.aliases].map((l) => /^([一二三四五六七八九十]+)、(.*)$/.exec(l));
  const num = parts[0]?.[1] ?? '';
  return new RegExp(`^${num}[、.](${alt(parts.map((p) => p?.[2]))})`);
}

export const SECTION = {
  overview: heading('overview'),
  finance: heading('finance'),
  performance: heading('performance'),
  evaluators: heading('people'),
  narrative: heading('narrative'),
} as const;

const SHAPES = tables(F).filter((t) => t.def.path.startsWith('finance.'));
const anchorOf = (key: string) => SHAPES.find((s) => s.def.key === key)!;
const anchorWords = (key: string) => {
  const s = anchorOf(key);
  const leaf = s.byKey.get(s.def.anchor)!;
  return alt([leaf.label, leaf.print]);
};

/** Table header cells naming each finance table's anchor column (its 合计). */
export const FINANCE_HEADER: Record<'income' | 'expenditure' | 'threePublic' | 'fixedAssets', RegExp> = {
  income: exact(anchorWords('income')),
  expenditure: exact(anchorWords('expenditure')),
  threePublic: exact(anchorWords('threePublic')),
  fixedAssets: exact(anchorWords('fixedAssets')),
};

const rows = anchorOf('income').rows;
export const INSTITUTION = {
  summary: exact(alt([rows.summary.label, ...rows.summary.aliases])),
  main: new RegExp(`^(\\d+[、.])?(${alt([rows.main.label, ...rows.main.aliases])})$`),
  numbered: /^\d{1,2}[、.．](?!\d)\s*(.+)$/,
  sub: new RegExp(`^${alt([rows.sub.label])}\\d*$`),
} as const;

const grid = F.indicators;
const stems = (choices: ReadonlyArray<{ label: string; aliases: readonly string[] }>, tail: RegExp) =>
  alt(choices.flatMap((c) => [c.label, ...c.aliases]).map((l) => l.replace(tail, '')));
const column = (key: string) => grid.columns.find((c) => c.key === key)!;

export const PERFORMANCE = {
  qualitative: starts(alt([grid.qualitative.label, ...grid.qualitative.aliases])),
  quantitative: starts(alt([grid.label, grid.print, ...grid.aliases])),
  level1: new RegExp(`^(${stems(grid.level1, /(目标|指标)$/)})(目标|指标)`),
  level2: new RegExp(`^(${stems(grid.level2, /指标$/)})(指标)?$`),
  selfScore: labelled(W('performance.selfScore')),
  grade: labelled(W('performance.grade')),
  indicatorHeader: exact(alt([column('name').label])),
} as const;

const block = (key: string) => F.people.blocks.find((b) => b.key === key)!;
const evaluatorColumns = F.people.evaluators.columns;

export const SIGNOFF = {
  leader: signed(block('leader').signer, block('leader').mark),
  departmentOpinion: starts(alt([block('department').opinion])),
  departmentSigner: signed(block('department').signer, block('department').mark),
  financeOpinion: starts(alt([block('finance').opinion])),
  financeSigner: signed(block('finance').signer, block('finance').mark),
  evaluatorHeader: exact(alt([evaluatorColumns.find((c) => c.key === 'name')!.label])),
} as const;

/** The form's table titles as printed, without their unit ("年度收入情况（万元）" → 年度收入情况). */
const titleStems = SHAPES.flatMap((s) => {
  if (!s.def.title) return [];
  const title = s.def.title.replace(new RegExp(`（${s.def.unit}）$`), '');
  const name = s.def.name.replace(/表$/, '');
  return title.includes(name) ? [title, name] : [title];
});
const groups = (nodes: readonly { label: string; children?: unknown[] }[]): string[] =>
  nodes.flatMap((n) => (n.children ? [n.label.replace(/[:：]$/, ''), ...groups(n.children as typeof nodes)] : []));
const wb = F.workbook;

/** Printed parts of the form that carry no value of their own: recognised, so not "unmapped". */
export const BOILERPLATE: readonly RegExp[] = [
  /^[一二三四五][、.]/,
  exact(alt([rows.header])),
  new RegExp(`^(${alt(SHAPES.flatMap((s) => groups(s.def.columns)))}):?$`),
  exact(alt(SHAPES.flatMap((s) => s.leaves.filter((l) => l.key !== s.def.anchor).map((l) => l.label)))),
  starts(alt(titleStems)),
  exact(alt([grid.printed.content, grid.printed.target, grid.printed.result, grid.qualitative.target, grid.qualitative.result])),
  exact(alt(evaluatorColumns.filter((c) => c.key !== 'name').flatMap((c) => [c.label, c.print, ...c.aliases]))),
  /^附件\s*\d*(-\d+)?$/,
  /^年月日$/,
  // a workbook's sheet names and its label | value header
  exact(alt([wb.fieldSheet.name, ...SHAPES.map((s) => s.def.sheet), wb.qualitativeSheet, wb.indicatorSheet, wb.peopleSheet, wb.narrativeSheet.name, wb.scoreSheet.name, wb.findingsSheet.name])),
  exact(alt(wb.fieldSheet.headers)),
];

/** Other single-token patterns the section parsers test. */
export const MISC = {
  anySection: /^一[、.]/,
  // titles of every family's forms, not only this one's
  titleEnd: /(绩效评价自评报告|绩效自评报告|绩效评价报告|自评报告|绩效自评表|绩效评价表|自评表)(\(.*\))?$/,
  titleStart: /(年度|\d{4}年|整体支出|部门\(单位\)|部门)$/,
  yearHint: /报告|自评|绩效|年度/,
  taskLine: new RegExp(`^${alt([field(F, 'overview.tasks').item])}\\s*\\d+\\s*:`),
  // the 10号 project form's fund grid
  budgetRow: /^(年度资金总额|资金总额|总额)$/,
  qualitativeHeader: exact(alt([grid.qualitative.target, grid.qualitative.result])),
  quantitativeHeader: exact(alt([grid.printed.content, grid.printed.target, grid.printed.result])),
  gridEnd: /^(合计|总分|评价结论)/,
  signoffHeader: exact(alt([F.people.grid.block])),
  signerHeader: exact(alt(F.people.grid.signer)),
  preparerHeader: exact(alt([preparer.label])),
  narrativeHeader: exact(alt([wb.narrativeSheet.headers[0], ...wb.narrativeSheet.aliases[0]])),
  contentHeader: exact(alt([wb.narrativeSheet.headers[2], ...wb.narrativeSheet.aliases[2]])),
  claimedHeader: exact(alt([wb.scoreSheet.claimed])),
  findingsHeader: exact(alt([wb.findingsSheet.headers[0], ...wb.findingsSheet.severityAliases])),
  serialHeader: exact(alt([grid.qualitative.serial])),
  overall: /部门(\(单位\))?整体支出|部门整体|整体支出绩效/,
  project: /项目支出绩效(评价)?自评(表|报告)|项目支出绩效评价(表|报告)|专项资金绩效(评价)?自评(表|报告)|^项目名称$/,
} as const;

const gridColumn = (key: string): RegExp => {
  const c = column(key);
  const words = alt([c.label, c.print, ...c.aliases]);
  return c.prefix ? starts(words) : exact(words);
};

/** Indicator table headers by column (10号, Sichuan, Jixiao's XLSX): the form's grid columns. */
export const INDICATOR_HEADER = {
  level1: gridColumn('level1'),
  level2: gridColumn('level2'),
  name: gridColumn('name'),
  nature: gridColumn('nature'),
  target: gridColumn('target'),
  unit: gridColumn('unit'),
  actual: gridColumn('actual'),
  weight: gridColumn('weight'),
  score: gridColumn('score'),
  reason: gridColumn('reason'),
} as const;

/**
 * Every pattern tested against a single token's normal form. Tokens are classified once against all of
 * them (and the result cached by text across documents), so a parser's test is a lookup, not a regex run.
 */
export const REGISTRY: readonly RegExp[] = [
  ...Object.values(COVER),
  ...Object.values(OVERVIEW),
  ...Object.values(SECTION),
  ...Object.values(FINANCE_HEADER),
  ...Object.values(INSTITUTION),
  ...Object.values(PERFORMANCE),
  ...Object.values(SIGNOFF),
  ...BOILERPLATE,
  ...Object.values(MISC),
  ...Object.values(INDICATOR_HEADER),
];
