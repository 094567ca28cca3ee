// Benchmark (not a test): HTML rendering and PDF export of the seed report through one warm Chromium,
// beside LibreOffice converting the same report's DOCX (`soffice --headless --convert-to pdf`; Debian's
// libreoffice-writer-nogui, installed here by the benchmark only). Target: PDF ≤ 1 s per report warm. Wall-clock figures depend on what else shares the cores, so the load
// average is printed beside them, and so is the CPU time of this process and its Chromium processes
// (read from /proc): what an export costs on an idle machine, whatever the neighbours do.
//   npx tsx bench/pdf-export.ts [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../src/core/model/report';
import { renderReportHtml } from '../src/io/export/html/index';
import { renderReportDocx } from '../src/io/export/docx/index';
import { seedReport } from '../test/helpers/seed';
import { PdfRenderer } from '../src/io/export/pdf/index';

const RUNS = Number(process.argv[2] ?? 20);
const HTML_RUNS = 500;
const seed = seedReport();

/** Seed-like reports that differ a little, so no run re-renders an identical document. */
function variant(i: number): Report {
  return { ...seed, cover: { ...seed.cover, departmentName: `${seed.cover.departmentName}${i}`, budgetCode: String(999000 + i) } };
}

interface Stats {
  mean: number;
  median: number;
  p95: number;
  min: number;
}

function stats(times: number[]): Stats {
  const t = [...times].sort((a, b) => a - b);
  const at = (q: number) => t[Math.min(t.length - 1, Math.floor(q * t.length))]!;
  return { mean: t.reduce((a, b) => a + b, 0) / t.length, median: at(0.5), p95: at(0.95), min: t[0]! };
}

/** CPU milliseconds used so far by this process and every live descendant (the browser and its renderers). */
function treeCpuMs(): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const procs = new Map<number, { ppid: number; cpu: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime + stime, plus cutime + cstime: helpers that already exited are counted in their parent
      procs.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * tick });
    } catch {
      // the process ended while we looked
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) if (!mine.has(pid) && mine.has(p.ppid)) grew = mine.add(pid) !== null;
  }
  return [...mine].reduce((sum, pid) => sum + (procs.get(pid)?.cpu ?? 0), 0);
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const f = (n: number) => n.toFixed(1).padStart(7);
function line(label: string, s: Stats, extra = '', target?: number): string {
  const verdict = target == null ? '' : s.median <= target ? `  ✓ ≤ ${target} ms` : `  ✗ > ${target} ms`;
  return `${label.padEnd(22)} mean ${f(s.mean)} ms  median ${f(s.median)} ms  p95 ${f(s.p95)} ms  min ${f(s.min)} ms${extra}${verdict}`;
}

console.log(`seed report, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);

// HTML: pure string building, the web preview's cost too.
for (let i = 0; i < 20; i++) renderReportHtml(variant(i), { standalone: true });
const htmlTimes: number[] = [];
let htmlBytes = 0;
for (let i = 0; i < HTML_RUNS; i++) {
  const t0 = process.hrtime.bigint();
  htmlBytes = renderReportHtml(variant(i), { standalone: true }).length;
  htmlTimes.push(ms(t0));
}
console.log(line(`HTML (${HTML_RUNS} runs)`, stats(htmlTimes), `  ${(htmlBytes / 1024).toFixed(1)} KB`));

// Cold: browser launch, then the first export (fonts loaded for the first time).
const renderer = new PdfRenderer({ concurrency: 2 });
try {
  let t0 = process.hrtime.bigint();
  await renderer.warm();
  const launch = ms(t0);
  t0 = process.hrtime.bigint();
  const first = await renderer.render(renderReportHtml(variant(0), { standalone: true }));
  console.log(`${'PDF cold'.padEnd(22)} launch ${f(launch)} ms  first export ${f(ms(t0))} ms  ${(first.byteLength / 1024).toFixed(0)} KB`);

  // Warm, one after another: the latency one user sees.
  for (let i = 1; i <= 2; i++) await renderer.render(renderReportHtml(variant(i), { standalone: true }));
  const times: number[] = [];
  const cpu0 = treeCpuMs();
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await renderer.render(renderReportHtml(variant(i), { standalone: true }));
    times.push(ms(t));
  }
  const cpu = (treeCpuMs() - cpu0) / RUNS;
  console.log(line(`PDF warm (${RUNS} runs)`, stats(times), `  cpu ${f(cpu)} ms`, 1000));

  // Warm, all queued at once (concurrency 2): the throughput of a batch export.
  const t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: RUNS }, (_, i) => renderer.render(renderReportHtml(variant(i), { standalone: true }))));
  const total = ms(t);
  console.log(`${`PDF batch (${RUNS}, ×2)`.padEnd(22)} ${f(total / RUNS)} ms per report  (${(total / 1000).toFixed(1)} s in all)`);
} finally {
  await renderer.close();
}
await libreOffice();
console.log(`load average after: ${loadavg()[0]!.toFixed(1)}`);

/** The same report's DOCX through LibreOffice, a cold process per conversion as people run it. */
async function libreOffice(): Promise<void> {
  const runs = Math.min(RUNS, 5);
  if (spawnSync('soffice', ['--version']).status !== 0) {
    console.log('安装 LibreOffice（libreoffice-writer-nogui，仅供对比基准）…');
    const apt = spawnSync('sh', ['-c', 'apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1'], { stdio: 'inherit' });
    if (apt.status !== 0 || spawnSync('soffice', ['--version']).status !== 0) {
      console.log(`${'soffice DOCX→PDF'.padEnd(22)} skipped: LibreOffice could not be installed`);
      return;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-lo-'));
  try {
    const docx = join(dir, 'seed.docx');
    writeFileSync(docx, await renderReportDocx(seed));
    const profile = `file://${join(dir, 'profile')}`;
    const convert = () => execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore' });
    convert(); // first run creates the profile
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      convert();
      times.push(ms(t0));
    }
    console.log(line(`soffice DOCX→PDF (${runs})`, stats(times)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
