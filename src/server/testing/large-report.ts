// The largest report the server accepts, for the tests and the latency probe of issue 13 §1: within every
// bound of its form (forms/bounds: rows per table, indicators, list items, text lengths) and at most a byte
// target (the save body limit, JIXIAO_REPORT_MAX_MB). It grows the seed report's tables, indicators, tasks,
// then their texts and the narrative, in turn, so the bulk is content in every part of the form.
import type { Report } from '../../core/model/report';
import { tables } from '../../core/forms/index';
import { formFor } from '../../core/templates/index';
import { seedReport } from '../../../test/helpers/seed';

type Indicator = Report['performance']['indicators'][number];
type Row = Record<string, unknown> & { institution: string; kind: string };

const PARA = '本年度部门认真贯彻落实上级决策部署，围绕年度目标任务，强化预算执行管理，资金使用规范，绩效目标基本完成。';
const utf8 = (v: unknown) => Buffer.byteLength(JSON.stringify(v));
/** `text` lengthened with PARA up to `max` characters */
const longer = (text: string, max: number) => (text + PARA.repeat(Math.ceil(Math.max(0, max - text.length) / PARA.length))).slice(0, max);

/** About `bytes` of report JSON in UTF-8 (never more), within the form's bounds. */
export function largestReport(bytes: number, identity?: Pick<Report, 'year' | 'templateId' | 'kind'> & { cover: Pick<Report['cover'], 'departmentName' | 'budgetCode'> }): Report {
  const r = seedReport();
  if (identity) {
    r.year = identity.year;
    r.templateId = identity.templateId;
    r.kind = identity.kind;
    r.cover = { ...r.cover, departmentName: identity.cover.departmentName, budgetCode: identity.cover.budgetCode };
  }
  const form = formFor(r);
  const L = form.limits;
  // a well-formed quantitative indicator: the bulk should be content, not thousands of findings
  const ind: Indicator = {
    level1: '产出目标', level2: '数量指标', name: '组织业务培训次数', kind: '定量', operator: '≥', target: '≥10次', targetValue: '10',
    unit: '次', actual: '12次', actualValue: '12', weight: null, score: null, deviationReason: '', libraryId: null,
  };
  const taskField = form.fields.find((f) => f.path === 'overview.tasks');
  const maxTasks = taskField?.maxItems ?? L.listItems;
  const get = (path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r) as Row[];

  // each step adds one piece and says how many bytes it added, or null once its part of the form is full
  const steps: Array<(i: number) => number | null> = [
    ...tables(form).map((shape) => (i: number) => {
      const rows = get(shape.def.path);
      const template = rows.find((x) => x.kind === 'sub') ?? rows[rows.length - 1];
      if (!template || rows.length >= (shape.def.maxRows ?? L.tableRows)) return null;
      const row = { ...template, kind: 'sub', institution: `二级机构${i}` };
      rows.push(row);
      return utf8(row) + 1;
    }),
    (i) => {
      const list = r.performance.indicators;
      if (list.length >= L.indicators) return null;
      const x = { ...ind, name: `指标${i}：${ind.name}（第${i}期）` };
      list.push(x);
      return utf8(x) + 1;
    },
    (i) => {
      if (r.overview.tasks.length >= maxTasks) return null;
      const t = `任务${i}：${PARA}`;
      r.overview.tasks.push(t);
      return utf8(t) + 1;
    },
  ];
  // once the lists are full: longer texts, one item at a time
  const texts: Array<() => number | null> = [
    () => {
      const x = r.performance.indicators.find((y) => y.deviationReason.length < L.indicatorText);
      if (!x) return null;
      const before = utf8(x.deviationReason);
      x.deviationReason = longer(x.deviationReason, L.indicatorText);
      return utf8(x.deviationReason) - before;
    },
    () => {
      const k = r.overview.tasks.findIndex((t) => t.length < L.listItem);
      if (k < 0) return null;
      const before = utf8(r.overview.tasks[k]);
      r.overview.tasks[k] = longer(r.overview.tasks[k]!, L.listItem);
      return utf8(r.overview.tasks[k]) - before;
    },
  ];
  r.narrative = [{ key: 'other', heading: '五、其他说明', text: Array.from({ length: 40 }, () => PARA).join('\n') }];

  let size = utf8(r);
  for (const group of [steps, texts]) {
    for (let i = 0, live = group.length; live > 0 && size < bytes * 0.97; i++) {
      live = 0;
      for (const step of group) {
        const added = step(i);
        if (added == null) continue;
        live++;
        size += added;
      }
    }
  }
  // never over the target: the last indicators' reasons, then the last rows, go first
  while (utf8(r) > bytes) {
    const x = [...r.performance.indicators].reverse().find((y) => y.deviationReason.length > 0);
    if (x) x.deviationReason = x.deviationReason.slice(0, Math.floor(x.deviationReason.length / 2));
    else r.finance.income.splice(-10);
  }
  return r;
}
