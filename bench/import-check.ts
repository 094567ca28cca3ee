// Benchmark (not a test): import + check + score of seed-like text reports on one core, stage by stage
// (decode, cells, map, score, rules), beside the bare read-and-split baseline of the same files, and the
// 70 KB report (100 二级机构 rows, 400 indicators) per KB against the seed's.
// Targets (issue 12): ≥ 5,000 reports/s, ≤ 3× the baseline, the large report ≤ 1.5× the seed's time per KB.
//   npm run bench:import -- [count] [runs]        (e.g. npm run bench:import -- 2000 7)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReport } from '../src/core/check';
import { runRules } from '../src/core/rules/index';
import { scoreReport } from '../src/core/scoring/engine';
import { templateFor } from '../src/core/templates/index';
import { decodeEntities } from '../src/io/import/text/clean';
import { decodeText } from '../src/io/import/text/decode';
import { textToDoc } from '../src/io/import/text/blocks';
import { importDoc, importText } from '../src/io/import/index';
import { largeReport, SEED_TEXT, seedVariant } from './fixtures';

const COUNT = Number(process.argv[2] ?? 2000);
const RUNS = Number(process.argv[3] ?? 7);
const STAGES = ['read', 'decode', 'cells', 'map', 'score', 'rules'] as const;
type Stage = (typeof STAGES)[number];

const dir = join(tmpdir(), `jixiao-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const files = Array.from({ length: COUNT }, (_, i) => write(`r${i}.txt`, seedVariant(i)));
const LARGE = largeReport(100, 400);
const largeFiles = Array.from({ length: Math.max(20, Math.round(COUNT / 20)) }, (_, i) => write(`large${i}.txt`, LARGE.replace('党群工作部', `第${i}工作部`)));
const kb = (s: string) => Buffer.byteLength(s) / 1024;

const cpuNow = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

/** µs of CPU per file for one pass of fn over the files. */
function pass(list: readonly string[], fn: (file: string) => unknown): number {
  let sink = 0;
  const c0 = cpuNow();
  for (const f of list) sink += (fn(f) as { length?: number }).length ?? 1;
  if (sink === 0) throw new Error('nothing computed');
  return (cpuNow() - c0) / list.length;
}

const baseline = (f: string) => readFileSync(f).toString('utf8').split('\n');
const full = (f: string) => {
  const r = importText(readFileSync(f));
  return checkReport(r.report, { truncated: r.truncated }).findings;
};

/**
 * The pipeline of `full` cut at its stages: pass k runs stages 1…k over every file (nothing kept, so no
 * stage pays for another's garbage), and a stage's cost is its pass less the one before. CPU time per
 * pass, as the wall clock is useless on a shared machine and getrusage too coarse per call.
 */
function staged(list: readonly string[]): Record<Stage, number> {
  const upTo = (k: number) => (f: string): unknown => {
    const bytes = readFileSync(f);
    if (k === 0) return bytes;
    const text = decodeEntities(decodeText(bytes));
    if (k === 1) return text;
    const doc = textToDoc(text);
    if (k === 2) return doc.blocks;
    const r = importDoc(doc).report;
    if (k === 3) return r.performance.indicators;
    const template = templateFor(r);
    const card = scoreReport(r, template);
    if (k === 4) return card.items;
    return runRules(r, template, card);
  };
  const t = {} as Record<Stage, number>;
  let before = 0;
  STAGES.forEach((stage, k) => {
    const us = pass(list, upTo(k));
    t[stage] = us - before;
    before = us;
  });
  return t;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
};
const fmt = (xs: number[], digits = 1) => {
  const { min, median, max } = stats(xs);
  return `${min.toFixed(digits).padStart(7)} ${median.toFixed(digits).padStart(7)} ${max.toFixed(digits).padStart(7)}`;
};

console.log(`${COUNT} seed-like reports (${kb(SEED_TEXT).toFixed(1)} KB each) and ${largeFiles.length} large ones (${kb(LARGE).toFixed(1)} KB), one core, Node ${process.version}, ${RUNS} runs`);
// Warm up the JIT (and let background compilation settle) on every path measured.
for (let k = 0; k < 2; k++) {
  pass(files.slice(0, 500), baseline);
  pass(files.slice(0, 500), full);
  pass(largeFiles.slice(0, 10), full);
  staged(files.slice(0, 200));
}
const runs = { baseline: [] as number[], full: [] as number[], large: [] as number[], ratio: [] as number[], perKb: [] as number[] };
const stageRuns: Record<Stage, number[]> = { read: [], decode: [], cells: [], map: [], score: [], rules: [] };
for (let r = 0; r < RUNS; r++) {
  // Side by side in each run, so a ratio compares passes the machine ran at the same speed.
  const b = pass(files, baseline);
  const f = pass(files, full);
  const l = pass(largeFiles, full);
  runs.baseline.push(b);
  runs.full.push(f);
  runs.large.push(l);
  runs.ratio.push(f / b);
  runs.perKb.push(l / kb(LARGE) / (f / kb(SEED_TEXT)));
  const s = staged(files);
  for (const st of STAGES) stageRuns[st].push(s[st]);
}

console.log(`\n${'µs of CPU per report'.padEnd(40)}     min  median     max`);
console.log(`${'baseline: read + toString + split'.padEnd(40)} ${fmt(runs.baseline)}`);
console.log(`${'import + check + score'.padEnd(40)} ${fmt(runs.full)}`);
for (const st of STAGES) console.log(`${`  ${st}`.padEnd(40)} ${fmt(stageRuns[st])}`);
console.log(`${`large report (${kb(LARGE).toFixed(0)} KB)`.padEnd(40)} ${fmt(runs.large, 0)}`);
const rate = runs.full.map((us) => 1e6 / us);
console.log(`\n${'reports/s of CPU'.padEnd(40)} ${fmt(rate, 0)}   target ≥ 5,000: ${stats(rate).median >= 5000 ? 'met' : 'NOT met'}`);
console.log(`${'ratio to baseline'.padEnd(40)} ${fmt(runs.ratio, 2)}   target ≤ 3×: ${stats(runs.ratio).median <= 3 ? 'met' : 'NOT met'}`);
console.log(`${'large / seed, time per KB'.padEnd(40)} ${fmt(runs.perKb, 2)}   target ≤ 1.5×: ${stats(runs.perKb).median <= 1.5 ? 'met' : 'NOT met'}`);
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
