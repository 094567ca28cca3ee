// Benchmark (not a test; issue 12 point 4, issue 9 point 7): the web app in Debian's chromium on loopback,
// --runs times (test/e2e/support/measure.ts): JavaScript, CSS and other bytes transferred per route (the
// login page cold; logging in to 我的报告; opening the big report, test/helpers/big-report.ts; the
// 绩效管理科's dashboard), the time until each screen can be used, and keystroke → summary total →
// findings in the big report. Min / median / max over the runs.
//
//   npx tsx bench/web-load.ts [--runs 5]
import { cpus, loadavg } from 'node:os';
import { bigReport } from '../test/helpers/big-report';
import { startApp } from '../test/e2e/support/app-server';
import { findChromium, launch } from '../test/e2e/support/chromium';
import { loadIntoDemoDraft, measureWeb, type RouteFigures, type WebFigures } from '../test/e2e/support/measure';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const mmm = (xs: number[], f: (x: number) => string) => (xs.length === 1 ? f(xs[0]!) : `${f(Math.min(...xs))} / **${f(median(xs))}** / ${f(Math.max(...xs))}`);
const kb = (n: number) => `${(n / 1024).toFixed(1)}`;
const ms = (n: number) => n.toFixed(0);

async function main(): Promise<void> {
  const chromium = findChromium();
  if (!chromium) throw new Error('未找到 Chromium：apt-get install -y chromium fonts-noto-cjk');
  const app = await startApp();
  const browser = await launch(chromium);
  const runs: WebFigures[] = [];
  try {
    const id = await loadIntoDemoDraft(app.url, bigReport());
    for (let r = 0; r < RUNS; r++) {
      runs.push(await measureWeb(browser, app.url, id));
      process.stderr.write(`  run ${r + 1}: login ${kb(runs.at(-1)!.login.js)} KB JS in ${ms(runs.at(-1)!.login.readyMs)} ms, load ${loadavg()[0]!.toFixed(1)}\n`);
    }
  } finally {
    await browser.close();
    await app.close();
  }
  const route = (name: string, pick: (f: WebFigures) => RouteFigures) =>
    `| ${name} | ${mmm(runs.map((f) => pick(f).js), kb)} | ${mmm(runs.map((f) => pick(f).css), kb)} | ${mmm(runs.map((f) => pick(f).html + pick(f).other), kb)} | ${mmm(runs.map((f) => pick(f).readyMs), ms)} |`;
  const keys = runs.flatMap((f) => f.keystrokes);
  process.stdout.write(
    [
      '',
      '| route | JS KB transferred | CSS KB | HTML + API KB | usable after, ms |',
      '| --- | --- | --- | --- | --- |',
      route('login page, cold cache', (f) => f.login),
      route('log in → 我的报告', (f) => f.reports),
      route('open the big report (editor)', (f) => f.editor),
      route('绩效管理科 logs in → dashboard', (f) => f.dashboard),
      '',
      `- keystroke in the big report (${keys.length} edits): → summary total ${mmm(keys.map((k) => k.totalsMs), ms)} ms; → findings ${mmm(keys.map((k) => k.findingsMs), ms)} ms; longest main-thread task ${mmm(keys.map((k) => k.longestTaskMs), ms)} ms`,
      `- ${RUNS} runs; chromium on loopback; ${cpus().length} cores, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
      '',
    ].join('\n'),
  );
}

await main();
