// The largest report the server accepts, for the tests and the latency probe of issue 13 §1. The current
// schema bounds no array or string, so what caps a report is the save body limit (JIXIAO_REPORT_MAX_MB);
// this fills the seed report's tables, indicators and narrative up to a byte target. When the Report
// schema gets its field bounds, point `largestReport` at them (every array at its maximum length, every
// string at its maximum length) and keep the byte target as the cap.
import type { Report } from '../../core/model/report';
import { seedReport } from '../../../test/helpers/seed';

/** About `bytes` of report JSON in UTF-8 (never more): rows, indicators, tasks and narrative in proportion. */
export function largestReport(bytes: number, identity?: Pick<Report, 'year' | 'templateId' | 'kind'> & { cover: Pick<Report['cover'], 'departmentName' | 'budgetCode'> }): Report {
  const r = seedReport();
  if (identity) {
    r.year = identity.year;
    r.templateId = identity.templateId;
    r.kind = identity.kind;
    r.cover = { ...r.cover, departmentName: identity.cover.departmentName, budgetCode: identity.cover.budgetCode };
  }
  const row = r.finance.income[1]!;
  // a well-formed quantitative indicator: the bulk should be content, not thousands of findings
  const ind: Report['performance']['indicators'][number] = {
    level1: '产出目标', level2: '数量指标', name: '组织业务培训次数', kind: '定量', operator: '≥', target: '≥10次', targetValue: '10',
    unit: '次', actual: '12次', actualValue: '12', weight: null, score: null, deviationReason: '', libraryId: null,
  };
  const para = '本年度部门认真贯彻落实上级决策部署，围绕年度目标任务，强化预算执行管理，资金使用规范，绩效目标基本完成。';
  const utf8 = (v: unknown) => Buffer.byteLength(JSON.stringify(v));
  let size = utf8(r);
  for (let i = 0; size < bytes * 0.97; i++) {
    const add: unknown[] = [];
    const inc = { ...row, institution: `二级机构${i}` };
    r.finance.income.push(inc);
    add.push(inc);
    if (i % 4 === 0) {
      const x = { ...ind, name: `指标${i}：${ind.name}（第${i}期）` };
      r.performance.indicators.push(x);
      add.push(x);
    }
    if (i % 8 === 0) {
      const t = `任务${i}：${para}`;
      r.overview.tasks.push(t);
      add.push(t);
    }
    size += add.reduce<number>((n, a) => n + utf8(a) + 1, 0);
  }
  r.narrative = [{ key: 'other', heading: '五、其他说明', text: Array.from({ length: 40 }, () => para).join('\n') }];
  while (utf8(r) > bytes) r.finance.income.splice(-50);
  return r;
}
