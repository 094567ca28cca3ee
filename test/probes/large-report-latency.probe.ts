// Issue 13 §1: while one user saves and exports the largest report the server accepts, another user's
// requests keep answering. The real server runs in its own process; one department user saves a report at
// the save limit (JIXIAO_REPORT_MAX_MB) and exports it as DOCX, XLSX and JSON (and PDF with
// JIXIAO_PROBE_PDF=1), while a second user of another department, in a third process, calls /api/health and their
// report list every 25 ms. Prints the other user's latency per phase (target: under 100 ms) and how long
// each heavy operation took.
//
// "The largest report": the current schema bounds no array or string, so it is the save body limit;
// src/server/testing/large-report.ts builds it. When the schema gets its field bounds, point that at them.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/io/export/pdf/index';
import { loadConfig } from '../../src/server/config';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import { largestReport } from '../../src/server/testing/large-report';
import { tempDir } from '../../src/server/testing/temp';
import { freePort, percentiles, serverProcess, signIn } from './support/server-process';

const TARGET_MS = 100;
const SAMPLER = fileURLToPath(new URL('./support/latency-sampler.mjs', import.meta.url));

describe('other users’ latency while one user works on the largest report', () => {
  it('keeps /api/health and another user’s list answering during a save and every export', async () => {
    const dir = tempDir('jixiao-latency-');
    const env = { JIXIAO_AUDIT_KEY: 'c3'.repeat(32), JIXIAO_DATA_KEY: 'e5'.repeat(32), JIXIAO_DATA_DIR: join(dir, 'data'), JIXIAO_SQLITE_FILE: join(dir, 'data', 'j.sqlite') };
    const server = serverProcess(env, await freePort(), { demo: true });
    await server.start();
    try {
      const heavyUser = await signIn(server.base, 'demo-preparer', DEMO_PASSWORD);
      const otherUser = await signIn(server.base, 'demo-preparer2', DEMO_PASSWORD);
      const draft = await heavyUser('POST', '/api/reports', { year: 2030 });
      expect(draft.status).toBe(201);
      const report = largestReport(loadConfig({}).reportMaxBytes - 4096, draft.body.report);
      const body = JSON.stringify({ report });
      const mb = (Buffer.byteLength(body) / 1048576).toFixed(1);

      const sampler = fork(SAMPLER, [server.base, otherUser.cookie, '25'], { stdio: 'inherit' });
      const ready = await new Promise<{ origin: number }>((r) => sampler.once('message', (m) => r(m as { origin: number })));
      void ready;
      const phases: Array<{ name: string; from: number; to: number; status: number }> = [];
      const now = () => performance.timeOrigin + performance.now();
      const phase = async (name: string, fn: () => Promise<number>) => {
        const from = now();
        const status = await fn();
        phases.push({ name, from, to: now(), status });
      };
      const idleFrom = now();
      await new Promise((r) => setTimeout(r, 1500));
      phases.push({ name: 'idle', from: idleFrom, to: now(), status: 200 });
      await phase(`save ${mb} MB`, async () => {
        const res = await fetch(`${server.base}/api/reports/${draft.body.id}`, { method: 'PUT', headers: { cookie: heavyUser.cookie, 'content-type': 'application/json', 'if-match': `"${draft.body.version}"` }, body });
        await res.arrayBuffer();
        return res.status;
      });
      // PDF of this size takes about a minute of both cores in Chromium: only on request (JIXIAO_PROBE_PDF=1)
      for (const f of ['docx', 'xlsx', 'json', ...(findChromium() && process.env.JIXIAO_PROBE_PDF === '1' ? ['pdf'] : [])])
        await phase(`export ${f}`, async () => {
          const res = await fetch(`${server.base}/api/reports/${draft.body.id}/export?format=${f}`, { headers: { cookie: heavyUser.cookie } });
          await res.arrayBuffer();
          return res.status;
        });
      const samples = await new Promise<Array<[number, number, string, number]>>((resolve) => {
        sampler.once('message', (m) => resolve((m as { samples: Array<[number, number, string, number]> }).samples));
        sampler.send('stop');
      });

      const lines: string[] = [];
      let worst = 0;
      for (const p of phases) {
        const stats = percentiles(samples.filter(([at]) => at >= p.from && at <= p.to).map(([, ms]) => ms));
        if (p.name !== 'idle' && p.name !== 'export pdf') worst = Math.max(worst, stats.max);
        lines.push(`  ${p.name.padEnd(14)} ${p.name === 'idle' ? ''.padEnd(19) : `${(Math.round((p.to - p.from) / 100) / 10).toFixed(1).padStart(5)} s, HTTP ${p.status}  `}other user n=${stats.n}: p50 ${stats.p50} ms, p95 ${stats.p95} ms, p99 ${stats.p99} ms, max ${stats.max} ms`);
      }
      const busy = samples.filter(([at]) => at >= phases[1]!.from && !phases.some((p) => p.name === 'export pdf' && at >= p.from));
      const all = percentiles(busy.map(([, ms]) => ms));
      console.log(
        `large-report latency (SQLite, one user saving and exporting a ${mb} MB report; target < ${TARGET_MS} ms for everyone else):\n${lines.join('\n')}\n` +
          `  save + DOCX/XLSX/JSON exports together: other user p50 ${all.p50} ms, p95 ${all.p95} ms, p99 ${all.p99} ms, max ${all.max} ms — target ${all.p99 < TARGET_MS ? 'met' : 'NOT met'} at p99`,
      );
      // a PDF this large may pass the print time limit: then a clean 503 with Retry-After, never a stall
      for (const p of phases) expect(p.name === 'export pdf' ? [200, 503] : [200], p.name).toContain(p.status);
      expect(samples.every(([, , , status]) => status === 200)).toBe(true);
      // never held for seconds, as when the export ran on the request thread (56 s in the issue's probe)
      expect(worst).toBeLessThan(1000);
    } finally {
      await server.stop();
    }
  }, 600_000);
});
