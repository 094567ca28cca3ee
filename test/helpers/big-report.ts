// A large report for the speed measurements (issue 12): the seed with 100 二级机构 rows in each of the four
// finance tables (summary rows that add up, in 分) and 400 indicators across every category — ≈70 KB of
// JSON, the size of a big bureau's report. Deterministic.
import { fenToWan, wanToFen } from '../../src/core/money';
import type { Report } from '../../src/core/model/report';
import { indicator } from '../../src/core/scoring/test-reports';
import { rng } from './generate';
import { seedReport } from './seed';

const CATEGORIES: Array<[string, string, string]> = [
  ['产出目标', '数量指标', '次'], ['产出目标', '质量指标', '%'], ['产出目标', '时效指标', '%'], ['产出目标', '成本指标', '万元'],
  ['效益目标', '社会效益', '人'], ['效益目标', '经济效益', '万元'], ['效益目标', '生态效益', '%'], ['效益目标', '社会公众或服务对象满意度', '%'],
];

export function bigReport(subUnits = 100, indicators = 400): Report {
  const next = rng(70);
  const r = seedReport();
  const tables = r.finance as unknown as Record<string, Array<Record<string, unknown>>>;
  for (const key of ['income', 'expenditure', 'threePublic', 'fixedAssets']) {
    const rows = tables[key]!;
    const [summary, main] = rows;
    const columns = Object.keys(summary!).filter((k) => k !== 'institution' && k !== 'kind');
    // each unit a scaled copy of the seed's own 局机关 row (so its columns add up as the seed's do), in 分
    const scaled = (factor: number) => Object.fromEntries(columns.map((c) => [c, main![c] == null ? null : fenToWan(wanToFen(String(main![c]))! * factor, 4)]));
    const subs = Array.from({ length: subUnits }, (_, i) => ({ institution: `二级机构${i + 1}`, kind: 'sub', ...scaled(1 + Math.floor(next() * 5)) }));
    const units: Array<Record<string, unknown>> = [{ ...main, kind: 'main' }, ...subs];
    const total: Record<string, unknown> = { ...summary, kind: 'summary' };
    for (const c of columns) total[c] = units.every((u) => u[c] == null) ? null : fenToWan(units.reduce((s, u) => s + (wanToFen(u[c] as string | null) ?? 0), 0), 4);
    tables[key] = [total, ...units];
  }
  r.performance.indicators = Array.from({ length: indicators }, (_, i) => {
    const [level1, level2, unit] = CATEGORIES[i % CATEGORIES.length]!;
    const target = 50 + (i % 50);
    const actual = target + (i % 7) - 3;
    return indicator(level1, level2, `指标${i + 1}：${level2.replace('指标', '')}考核第${i + 1}项`, {
      operator: '≥', target: `≥${target}${unit}`, targetValue: String(target), unit, actual: `${actual}${unit}`, actualValue: String(actual),
    });
  });
  return r;
}
