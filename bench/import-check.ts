// Benchmark (not a test): import + check + score of a few thousand seed-like text reports on one core,
// beside a bare read-and-split-lines of the same files. Targets: ≥ 10,000 reports/s and ≤ 5× the baseline.
//   npx tsx bench/import-check.ts [count]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReport } from '../src/core/check';
import { importText } from '../src/io/import/index';

const COUNT = Number(process.argv[2] ?? 3000);
const seed = readFileSync(new URL('../test/fixtures/seed-report-2021-dangqun.txt', import.meta.url), 'utf8');

/** Seed-like reports: other departments, codes, head counts and amounts, so nothing is cached by accident. */
function variant(i: number): string {
  const amount = (base: number) => (base + (i % 97) * 0.37).toFixed(2);
  return seed
    .replace('党群工作部', `第${i}工作部`)
    .replace('999236', String(100000 + i))
    .replace('\t3\n\t实有人数\n\t6', `\t${3 + (i % 9)}\n\t实有人数\n\t${4 + (i % 7)}`)
    .replaceAll('85.33', amount(85.33))
    .replaceAll('46.90', amount(46.9));
}

const dir = join(tmpdir(), `jixiao-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
const files = Array.from({ length: COUNT }, (_, i) => {
  const f = join(dir, `r${i}.txt`);
  writeFileSync(f, variant(i));
  return f;
});

/** Reports per second of CPU time (user + system), which a busy machine disturbs less than wall time. */
function time(label: string, fn: (file: string) => unknown): number {
  for (const f of files.slice(0, 1000)) fn(f); // warm up the JIT (and let background compilation settle)
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let sink = 0;
  for (const f of files) sink += (fn(f) as { length?: number }).length ?? 1;
  const cpu = process.cpuUsage(c0);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const rate = files.length / cpuS;
  console.log(`${label.padEnd(34)} ${rate.toFixed(0).padStart(8)} reports/s of CPU  (${((cpuS / files.length) * 1e6).toFixed(1)} µs CPU each; wall ${(files.length / wall).toFixed(0)}/s${sink > 0 ? '' : ' !'})`);
  return rate;
}

console.log(`${COUNT} seed-like reports (${(Buffer.byteLength(seed) / 1024).toFixed(1)} KB each), one core, Node ${process.version}`);
const baseline = time('baseline: read + split lines', (f) => readFileSync(f).toString('utf8').split('\n'));
const full = time('import + check + score', (f) => {
  const r = importText(readFileSync(f));
  return checkReport(r.report, { truncated: r.truncated }).findings;
});
console.log(`ratio to baseline: ${(baseline / full).toFixed(2)}× (target ≤ 5×); throughput target ≥ 10,000 reports/s: ${full >= 10000 ? 'met' : 'NOT met'}`);
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
