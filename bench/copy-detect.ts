// Benchmark (not a test): cross-department copy detection (core/bureau/copy-detect.ts) over a province-
// sized batch on one core: 10,000 departments × 3 years = 30,000 reports, each ~3,500 characters of
// narrative, overview and indicator text, generated from the vocabulary of the real reports; 2% of the
// reports carry three passages copied from another department's report (the unit's name swapped),
// 0.5% are another department's whole report, and every report shares some common phrasing.
// Prints the time, the throughput, and recall/precision on the planted copies.
//   npx tsx bench/copy-detect.ts [reports]
import { readFileSync } from 'node:fs';
import { detectCopies } from '../src/core/bureau/copy-detect';
import { seededRandom } from '../src/core/bureau/prng';
import { blankReport } from '../src/core/model/empty';
import type { Report } from '../src/core/model/report';
import { ruleEnv } from '../src/core/rules/context';
import { defaultTemplateFor } from '../src/core/templates/index';

const COUNT = Number(process.argv[2] ?? 30_000);
const YEARS = 3;
const DEPTS = Math.ceil(COUNT / YEARS);
const random = seededRandom('bench-copy-detect');
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

// words of the real reports: runs of 2–4 汉字 from the seed and the excerpts
const corpus = [readFileSync(new URL('../test/fixtures/seed-report-2021-dangqun.txt', import.meta.url), 'utf8')].join('');
const WORDS = [...new Set(corpus.match(/[\u4e00-\u9fff]{2,4}/g) ?? [])];
const COMMON = ['严格落实中央八项规定精神，厉行勤俭节约，坚决制止铺张浪费。', '进一步加强预算绩效管理，提高财政资金使用效益。', '认真贯彻落实上级决策部署，全面完成年度各项目标任务。'];

function sentence(): string {
  return `${Array.from({ length: 10 + Math.floor(random() * 14) }, () => pick(WORDS)).join('')}${pick(['。', '；', '。'])}`;
}
function paragraph(n: number): string {
  return Array.from({ length: n }, sentence).join('');
}

const reports: Array<{ departmentId: string; year: number; report: Report }> = [];
for (let d = 0; d < DEPTS; d++)
  for (let y = 0; y < YEARS && reports.length < COUNT; y++) {
    const r = blankReport();
    r.year = 2019 + y;
    r.cover.departmentName = `第${d}号单位`;
    r.overview.duties = paragraph(3);
    r.overview.achievements = paragraph(4);
    r.narrative = ['overview', 'management', 'organization', 'performance', 'problems', 'improvements'].map((key, i) => ({
      key: key as Report['narrative'][number]['key'], heading: `${i + 1}、`, text: `${paragraph(i === 3 ? 9 : 4)}${random() < 0.5 ? pick(COMMON) : ''}${paragraph(1)}`,
    }));
    r.performance.indicators = Array.from({ length: 8 }, () => ({ ...blankIndicator(), name: `${pick(WORDS)}${pick(WORDS)}${pick(WORDS)}` }));
    reports.push({ departmentId: `d${d}`, year: r.year, report: r });
  }

function blankIndicator() {
  return { level1: '产出目标', level2: '数量指标', name: '', kind: '定量' as const, operator: null, target: '', targetValue: null, unit: '', actual: '', actualValue: null, weight: null, score: null, deviationReason: '', libraryId: null };
}

// planted copies: passages from another department, and whole reports
const planted = new Map<number, number>();
for (let i = 0; i < reports.length; i++) {
  const x = random();
  if (x >= 0.025) continue;
  let src = Math.floor(random() * reports.length);
  while (reports[src]!.departmentId === reports[i]!.departmentId) src = Math.floor(random() * reports.length);
  const from = reports[src]!.report;
  const to = reports[i]!.report;
  if (x < 0.005) to.narrative = from.narrative.map((n) => ({ ...n, text: n.text.replaceAll(from.cover.departmentName, to.cover.departmentName) }));
  else for (const k of [1, 3, 4]) to.narrative[k]!.text = `${to.narrative[k]!.text}${from.narrative[k]!.text.slice(0, 160)}`;
  planted.set(i, src);
}

const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
const docs = reports.map((r) => ({ departmentId: r.departmentId, parts: ruleEnv(r.report, defaultTemplateFor(r.report)).texts().map((p) => ({ path: p.path, text: p.text })) }));
const t1 = process.hrtime.bigint();
const result = detectCopies(docs);
const cpu = process.cpuUsage(c0);
const t2 = process.hrtime.bigint();

const flagged = new Map<number, Set<number>>();
for (const m of result.matches) flagged.set(m.docIndex, (flagged.get(m.docIndex) ?? new Set()).add(m.otherIndex));
let found = 0;
for (const [i, src] of planted) if (flagged.get(i)?.has(src)) found++;
// a flagged pair is right when one of the two was planted from the other
let right = 0;
let pairs = 0;
for (const [i, others] of flagged)
  for (const o of others) {
    pairs++;
    if (planted.get(i) === o || planted.get(o) === i) right++;
  }
const s = (ns: bigint) => Number(ns) / 1e9;
const chars = docs.reduce((a, d) => a + d.parts.reduce((b, p) => b + p.text.length, 0), 0);
console.log(`reports ${reports.length} (${DEPTS} departments × ${YEARS} years), ${(chars / 1e6).toFixed(1)} M characters, ${result.stats.passages} passages`);
console.log(`text extraction ${s(t1 - t0).toFixed(1)} s, detection ${s(t2 - t1).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU in all (one thread)`);
console.log(`throughput ${Math.round(reports.length / s(t2 - t0))} reports/s; candidate pairs ${result.stats.candidatePairs}, common passages skipped ${result.stats.commonPassages}`);
console.log(`planted copies ${planted.size}: found ${found} (recall ${((found / planted.size) * 100).toFixed(1)}%); flagged report pairs ${pairs}, of them planted ${right} (precision ${((right / Math.max(1, pairs)) * 100).toFixed(1)}%)`);
console.log(`heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
