// 开放数据 of a bureau's year: a Fiscal Data Package — datapackage.json (profile tabular-data-package, as
// the Fiscal Data Package JSON Schema requires, with the fiscal `model`: measures in 万元 = CNY × 10000
// and the department, year and institution dimensions) over UTF-8 CSVs with a Table Schema each, and
// the same rows as one JSON document. Pure: the server passes the published, redacted reports.
import { type FormDescriptor, label } from '../../core/forms/index';
import type { Report } from '../../core/model/report';
import type { Scorecard } from '../../core/model/score';
import { getAt } from '../../core/paths';
import { formFor } from '../../core/templates/index';
import { scoreLevels } from './content';
import { toCsv } from './opendata';
import { financeShapes } from './xlsx/finance-sheets';

/** A published report as the public list shows it (server/use-cases/public-reports.ts). */
export interface PublishedSummary {
  id: string;
  departmentName: string;
  budgetCode: string;
  year: number;
  selfScore: number | null;
  grade: string;
  /** 复核 by the bureau, when there is one */
  review: { total: number | null; grade: string } | null;
  /** 偏离度 (自评 − 复核) / 复核, fraction */
  deviation: number | null;
  publishedAt: string;
}

/** A published report with what its open data carries. */
export interface PublishedEntry extends Omit<PublishedSummary, 'review'> {
  review: { total: number | null; grade: string; items: Array<{ itemId: string; score: number | null; reason: string }> } | null;
  /** redacted */
  report: Report;
  score: Scorecard | null;
  /** the report's public page, relative to the package */
  url: string;
}

type FieldType = 'string' | 'number' | 'integer' | 'date' | 'datetime' | 'year';
interface Field {
  name: string;
  title: string;
  type: FieldType;
  columnType?: string;
}
type Cell = string | number | null;
interface Table {
  name: string;
  title: string;
  fields: Field[];
  rows: Cell[][];
  primaryKey?: string[];
}

const f = (name: string, title: string, type: FieldType = 'string', columnType?: string): Field => ({ name, title, type, ...(columnType ? { columnType } : {}) });
/** the columns every table starts with, titled as the form titles the department and the year */
const keyFields = (form: FormDescriptor): Field[] => [
  f('report_id', '报告编号'),
  f('department', label(form, 'cover.departmentName'), 'string', 'administrative-classification:generic:label'),
  f('year', label(form, 'year'), 'year', 'date:fiscal-year'),
];
const key = (e: PublishedEntry): Cell[] => [e.id, e.departmentName, e.year];
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function tables(entries: readonly PublishedEntry[], form: FormDescriptor): Table[] {
  const KEY = keyFields(form);
  const out: Table[] = [
    {
      name: 'reports',
      title: '已公开报告',
      primaryKey: ['report_id'],
      fields: [
        ...KEY, f('budget_code', '预算编码', 'string', 'administrative-classification:generic:code'), f('self_score', '绩效自评综合得分', 'number'), f('grade', '评价等次'),
        f('review_score', '复核得分', 'number'), f('review_grade', '复核等次'), f('deviation', '偏离度（(自评−复核)/复核）', 'number'), f('published_at', '公开时间', 'datetime'), f('url', '报告网页'),
      ],
      rows: entries.map((e) => [...key(e), e.budgetCode, e.selfScore, e.grade, e.review?.total ?? null, e.review?.grade ?? '', e.deviation, e.publishedAt, e.url]),
    },
  ];
  for (const shape of financeShapes(form)) {
    out.push({
      name: snake(shape.def.key),
      title: `${shape.def.name}（${shape.def.unit}）`,
      fields: [...KEY, f('institution', shape.rows.header), f('kind', '行类型（summary 汇总 / main 局机关 / sub 二级机构）'), ...shape.leaves.map((l) => f(snake(l.key), l.qualified, 'number', 'value'))],
      rows: entries.flatMap((e) => ((getAt(e.report, shape.def.path) as Array<Record<string, unknown>> | undefined) ?? []).map((r) => [
        ...key(e), String(r.institution ?? ''), String(r.kind ?? ''), ...shape.leaves.map((l) => (typeof r[l.key] === 'string' ? (r[l.key] as string) : null)),
      ])),
    });
  }
  const cols = form.indicators.columns;
  const col = (k: string, fallback: string) => cols.find((c) => c.key === k)?.label ?? fallback;
  out.push({
    name: 'indicators',
    title: form.workbook.indicatorSheet,
    fields: [...KEY, f('level1', col('level1', '一级指标')), f('level2', col('level2', '二级指标')), f('name', col('name', '三级指标')), f('kind', '指标类型'), f('operator', '比较'),
      f('target', col('target', '指标值')), f('target_value', '指标值（数值）', 'number'), f('unit', col('unit', '度量单位')), f('actual', col('actual', '完成值')), f('actual_value', '完成值（数值）', 'number'), f('deviation_reason', form.indicators.printed.reason)],
    rows: entries.flatMap((e) => e.report.performance.indicators.map((i) => [...key(e), i.level1, i.level2, i.name, i.kind, i.operator ?? '', i.target, i.targetValue, i.unit, i.actual, i.actualValue, i.deviationReason])),
  });
  const sp = form.scorePrint;
  out.push({
    name: 'scores',
    title: sp.title.replace(/^附：/, ''),
    fields: [...KEY, f('item_id', '评分项编号'), f('level1', sp.levels[0]), f('level2', sp.levels[1]), f('level3', sp.levels[2]), f('weight', sp.weight, 'number'), f('self_score', sp.claimed, 'number'), f('review_score', '复核得分', 'number'), f('review_reason', '复核理由')],
    rows: entries.flatMap((e) => {
      const claims = new Map(e.report.scoreSheet.map((c) => [c.itemId, c]));
      const reviewed = new Map((e.review?.items ?? []).map((i) => [i.itemId, i]));
      return (e.score?.items ?? []).map((it) => [...key(e), it.id, ...scoreLevels(it), it.weight, claims.get(it.id)?.score ?? null, reviewed.get(it.id)?.score ?? null, reviewed.get(it.id)?.reason ?? '']);
    }),
  });
  return out;
}

export interface OpenDataPackage {
  /** file name → bytes-to-be (datapackage.json and the CSVs) */
  files: Record<string, string>;
  descriptor: Record<string, unknown>;
  /** the same rows, as JSON: { package, tables: { name: [ {field: value} ] } } */
  json: string;
}

export function buildOpenDataPackage(o: { bureauName: string; year: number; entries: readonly PublishedEntry[]; form?: FormDescriptor; created: string }): OpenDataPackage {
  const form = o.form ?? (o.entries[0] ? formFor(o.entries[0].report) : formFor({ templateId: 'yueyang-overall', templateVersion: 1 } as Report));
  const ts = tables(o.entries, form);
  const name = `jixiao-${o.year}`;
  const descriptor = {
    profile: 'tabular-data-package',
    name,
    title: `${o.bureauName}${o.year}年度部门整体支出绩效自评报告公开数据`,
    description: '已公开的部门整体支出绩效自评报告：报告、财务表（万元）、绩效指标、评分表及复核、偏离度。个人电话号码已隐去。',
    created: o.created,
    licenses: [{ name: 'other-open', title: '政府信息公开' }],
    fiscalPeriod: { start: `${o.year}-01-01`, end: `${o.year}-12-31` },
    countryCode: 'CN',
    granularity: 'aggregated',
    resources: ts.map((t) => ({
      name: t.name,
      title: t.title,
      profile: 'tabular-data-resource',
      path: `${t.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
      schema: { fields: t.fields, missingValues: [''], ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}) },
    })),
    model: {
      measures: Object.fromEntries(
        financeShapes(form).flatMap((s) => s.leaves.map((l) => [`${snake(s.def.key)}_${snake(l.key)}`, {
          source: snake(l.key), resource: snake(s.def.key), currency: 'CNY', factor: 10000,
          ...(s.def.key === 'income' ? { direction: 'revenue' } : s.def.key === 'fixedAssets' ? {} : { direction: 'expenditure' }), phase: 'executed',
        }])),
      ),
      dimensions: {
        department: { attributes: { department: { source: 'department' }, report_id: { source: 'report_id' } }, primaryKey: 'report_id', dimensionType: 'entity' },
        year: { attributes: { year: { source: 'year' } }, primaryKey: 'year', dimensionType: 'datetime' },
        institution: { attributes: { institution: { source: 'institution' }, kind: { source: 'kind' } }, primaryKey: ['institution', 'kind'], dimensionType: 'entity' },
      },
    },
  };
  const files: Record<string, string> = { 'datapackage.json': `${JSON.stringify(descriptor, null, 2)}\n` };
  for (const t of ts) files[`${t.name}.csv`] = toCsv([t.fields.map((x) => x.name), ...t.rows]);
  const json = JSON.stringify(
    { package: { name, title: descriptor.title, created: o.created }, tables: Object.fromEntries(ts.map((t) => [t.name, t.rows.map((r) => Object.fromEntries(t.fields.map((x, i) => [x.name, r[i] ?? null])))])) },
    null,
    2,
  );
  return { files, descriptor, json: `${json}\n` };
}
