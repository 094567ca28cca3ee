// Finance's batch export: all reports of a task in one zip of official DOCX files, with progress to
// poll and the file to fetch; only finance users start one, only its starter sees it; a job outlives
// the server that started it. And the print
// page: the official rendering that prints itself.
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { fillTaskReport, issuedTask, makeBureauApp, submitToFinance, waitDone, type BureauApp } from '../bureau-helpers';
import { json } from '../harness';
import { createServer, defaultCheck } from '../../app';


export function batchExportSuite(backend: Backend): void {
  describe(`batch export and print (${backend.name})`, () => {
    let t: BureauApp;
    beforeEach(async () => {
      t = await makeBureauApp(backend);
    });
    afterEach(async () => {
      await t.close();
    });

    it('zips every report of the task as official DOCX, reporting progress', async () => {
      const taskId = await issuedTask(t);
      await submitToFinance(t, await fillTaskReport(t, taskId, 'D1'), 'D1');
      await submitToFinance(t, await fillTaskReport(t, taskId, 'D2'), 'D2');
      await fillTaskReport(t, taskId, 'D3'); // a draft: finance does not see it, nor does the zip
      const total = 2;
      expect((await t.call(await t.as('prep1'), 'POST', `/api/tasks/${taskId}/exports`, { format: 'docx' })).statusCode).toBe(403);
      const perf = await t.as('perf');
      const start = await t.call(perf, 'POST', `/api/tasks/${taskId}/exports`, { format: 'docx' });
      expect(start.statusCode, start.body).toBe(202);
      const job = json<{ id: string; total: number }>(start);
      expect(job.total).toBe(total);
      const status = await waitDone(t.call, perf, job.id);
      expect(status).toMatchObject({ state: 'done', done: total, failed: [] });
      expect((await t.call(await t.as('revA'), 'GET', `/api/export-jobs/${job.id}`)).statusCode).toBe(404);
      const file = await t.call(perf, 'GET', `/api/export-jobs/${job.id}/file`);
      expect(file.statusCode).toBe(200);
      const names = Object.keys(unzipSync(new Uint8Array(file.rawPayload)));
      expect(names).toHaveLength(total);
      expect(names.every((n) => n.endsWith('.docx'))).toBe(true);
      expect(names.some((n) => n.includes('党群工作部'))).toBe(true);
      const audited = await t.db.kysely.selectFrom('audit_log').select('detail').where('event', '=', 'report_export').execute();
      expect(audited.filter((a) => a.detail.includes('"rendering":"official"')).length).toBeGreaterThanOrEqual(total);
    });

    it('keeps a job through a restart: a server taking it up carries on from the next report, never one still held', async () => {
      const taskId = await issuedTask(t);
      await submitToFinance(t, await fillTaskReport(t, taskId, 'D1'), 'D1');
      await submitToFinance(t, await fillTaskReport(t, taskId, 'D2'), 'D2');
      const perf = await t.as('perf');
      const job = json<{ id: string }>(await t.call(perf, 'POST', `/api/tasks/${taskId}/exports`, { format: 'docx' }));
      await waitDone(t.call, perf, job.id);
      const exports = async () => (await t.db.kysely.selectFrom('audit_log').select('seq').where('event', '=', 'report_export').execute()).length;
      const exportedOnce = await exports();
      // as the database stands when a server dies after the first report: the job at 1 of 2, its lease left behind
      const k = t.db.kysely;
      const interrupt = async (leaseUntil: Date) => {
        await k.updateTable('batch_exports').set({ state: 'running', done: 1, lease_owner: 'a-dead-server', lease_until: leaseUntil.toISOString() }).where('id', '=', job.id).execute();
        await k.deleteFrom('batch_export_files').where('job_id', '=', job.id).where('seq', '>=', 1).execute();
      };
      const another = () => createServer(t.config, { db: t.db, prepared: true, deps: { clock: t.clock, crypto: t.crypto, check: defaultCheck } });
      // held by a server whose lease still runs: a new server leaves it alone
      await interrupt(new Date(t.clock.now().getTime() + 60_000));
      const busy = await another();
      await new Promise((r) => setTimeout(r, 300));
      expect(await k.selectFrom('batch_exports').select(['done', 'lease_owner']).where('id', '=', job.id).executeTakeFirst()).toEqual({ done: 1, lease_owner: 'a-dead-server' });
      await busy.close();
      // the lease ran out: the next server takes the job up, exports the second report only, and answers for it
      await interrupt(new Date(t.clock.now().getTime() - 1000));
      const next = await another();
      try {
        const call = (cookie: string, method: string, url: string) => next.inject({ method: method as 'GET', url, headers: { cookie } });
        const midway = json<{ state: string; done: number }>(await call(perf, 'GET', `/api/export-jobs/${job.id}`));
        expect(midway.done).toBeGreaterThanOrEqual(1);
        expect(await waitDone(call, perf, job.id)).toMatchObject({ state: 'done', done: 2, failed: [] });
        const file = await call(perf, 'GET', `/api/export-jobs/${job.id}/file`);
        const names = Object.keys(unzipSync(new Uint8Array(file.rawPayload)));
        expect(names).toHaveLength(2);
        expect(await exports()).toBe(exportedOnce + 1);
      } finally {
        await next.close();
      }
    });

    it('prints the official layout from the browser: A4, page numbers, the print script', async () => {
      const taskId = await issuedTask(t);
      const id = await fillTaskReport(t, taskId, 'D1');
      const res = await t.call(await t.as('prep1'), 'GET', `/api/reports/${id}/print`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('data-autoprint');
      expect(res.body).toContain('<script src="/public/print.js" defer></script>');
      expect(res.body).toContain('@page { size: A4');
      expect(res.body).toContain('counter(page)');
      expect(res.body).toContain('data-rendering="official"');
      expect(res.body).not.toMatch(/class="[^"]*jx-flag/);
      expect((await t.call(null, 'GET', '/public/print.js')).body).toContain('window.print()');
    });
  });
}
