// The importer's vocabulary of the 项目支出绩效自评表, built from the project form's descriptor (as labels.ts
// builds the Yueyang one): header fields, the 项目资金 grid's rows and columns, 年度总体目标, the indicator grid.
import { type FormDescriptor, field } from '../../../core/forms/index';
import { PROJECT_TEMPLATE } from '../../../core/model/empty';
import { formOf, getTemplate } from '../../../core/templates/index';
import { alt } from './labels';
import { norm } from './normalize';

/** The form a 项目支出 document is read on. */
export const PROJECT_FORM: FormDescriptor = formOf(getTemplate(PROJECT_TEMPLATE.id, PROJECT_TEMPLATE.version));
const P = PROJECT_FORM.project!;
const words = (x: { label: string; print?: string; aliases?: readonly string[] }) => [x.label, x.print?.replace(/\n/g, ''), ...(x.aliases ?? [])];
const exact = (ws: ReadonlyArray<string | undefined>) => new RegExp(`^(${alt(ws)})$`);
// a header cell may carry its unit or points: 年度预算数(万元), 预算执行情况(10分), 产出指标(50分)
const TAIL = '(\\(.*\\)|\\d+分?\\)?)?$';
const headed = (ws: ReadonlyArray<string | undefined>) => new RegExp(`^(${alt(ws)})${TAIL}`);

/** A header field's label alone, or followed by its value ("项目名称：XX"). */
export const HEADER_FIELDS = (['project.name', 'project.department', 'project.implementer'] as const).map((path) => {
  const f = field(PROJECT_FORM, path);
  return { path, re: new RegExp(`^(${alt([f.label, ...f.aliases])})(\\(盖章\\))?(:|$)`) };
});

export const FUNDS = {
  start: headed([...words(P.funds), ...PROJECT_FORM.sections.find((s) => s.type === 'projectFunds')!.aliases]),
  /** 其中： before the first part row is the form's, not the row's name */
  rows: P.funds.rows.map((r) => ({ key: r.key, re: new RegExp(`^(其中:?)?(${alt(words(r))})$`) })),
  columns: [...P.funds.columns, ...P.funds.execution].map((c) => ({ key: c.key, re: headed(words(c)) })),
};

/** the workbook's sheet, named as the form names it */
export const SHEET = exact([PROJECT_FORM.workbook.fieldSheet.name]);

export const GOALS = {
  start: headed(words(P.goals)),
  expected: exact(words(P.goals.expected)),
  actual: exact(words(P.goals.actual)),
};

const grid = PROJECT_FORM.indicators;
export const GRID = {
  columns: grid.columns.map((c) => ({ key: c.key, re: c.prefix ? new RegExp(`^(${alt(words(c))})`) : headed(words(c)) })),
  /** every wording of every column, whole: what the lines of a header cell broken into pieces join to */
  headerWords: new Set(grid.columns.flatMap((c) => words(c).filter((w): w is string => !!w).map(norm))),
  level1: headed(grid.level1.flatMap(words)),
  level2: headed(grid.level2.flatMap(words)),
  /** the wordings of both levels, whole (a copy cut inside one leaves its first characters) */
  levelWords: [...grid.level1, ...grid.level2].flatMap(words).filter((w): w is string => !!w).map(norm),
  total: exact(words(P.total)),
  /** the grid's heading: 绩效指标, 绩效指标(90分) */
  start: headed([grid.label, ...grid.aliases, ...PROJECT_FORM.sections.find((s) => s.type === 'projectIndicators')!.aliases]),
  /** where the grid ends: the form's sign-off line, or the closing blocks of provincial (Sichuan) copies */
  end: new RegExp(`^(${alt([...words(field(PROJECT_FORM, 'preparer.name')), '评价结论', '存在问题', '改进措施', '财务负责人'])})`),
};
