// DL-3 (security.md §5.6): 50 clients (by default) read-modify-write one report with If-Match and retry on 412.
// Every acknowledged write must survive, and the version chain must be linear.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../core/model/report';
import type { Backend } from '../backends';
import { json, makeTestApp, type TestApp } from '../harness';
import { createDraft } from '../report-helpers';
import { findVersionDocument } from '../../repositories/versions';

export interface ConcurrencyOptions {
  /** the app under test: one in-process app by default, or several instances (testing/instances.ts) */
  make?: (b: Backend) => Promise<TestApp>;
  label?: string;
  editors?: number;
}

export function concurrencySuite(backend: Backend, { make = makeTestApp, label = backend.name, editors = 50 }: ConcurrencyOptions = {}): void {
  describe(`concurrent editing (${label})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await make(backend);
    }, 60_000);
    afterEach(async () => {
      await t.close();
    });

    it(`${editors} concurrent editors: no lost update, every acknowledged write kept, linear versions`, async () => {
      const prep = await t.login('prep1');
      const { id } = await createDraft(t, prep);
      const acknowledged: Array<{ client: number; version: number; base: number }> = [];
      let conflicts = 0;
      const client = async (n: number) => {
        const got = await t.call(prep, 'GET', `/api/reports/${id}`);
        let base = Number(JSON.parse(got.headers.etag as string));
        let report = json<{ report: Report }>(got).report;
        for (let attempt = 0; attempt < 200; attempt++) {
          report.overview.tasks.push(`任务${n}`);
          const put = await t.call(prep, 'PUT', `/api/reports/${id}`, { report }, { 'if-match': `"${base}"` });
          if (put.statusCode === 200) {
            acknowledged.push({ client: n, version: json(put).version, base });
            return;
          }
          // 412 carries the current version and report: merge onto it, as the UI does
          expect(put.statusCode).toBe(412);
          conflicts += 1;
          const current = json<{ current: { version: number; report: Report } }>(put).current;
          base = current.version;
          report = current.report;
        }
        throw new Error(`client ${n} never got its write in`);
      };
      await Promise.all(Array.from({ length: editors }, (_, n) => client(n)));
      expect(acknowledged).toHaveLength(editors);
      expect(conflicts).toBeGreaterThan(0);
      const final = json(await t.call(prep, 'GET', `/api/reports/${id}`));
      expect(final.version).toBe(acknowledged.length + 1);
      expect([...final.report.overview.tasks].sort()).toEqual(acknowledged.map((a) => `任务${a.client}`).sort());
      // linear chain: each acknowledged write sits on the version right before it
      const versions = acknowledged.map((a) => a.version).sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: editors }, (_, i) => i + 2));
      for (const a of acknowledged) expect(a.version).toBe(a.base + 1);
      const history = await t.db.kysely.selectFrom('report_versions').select('version').where('report_id', '=', id).orderBy('version').execute();
      expect(history.map((h) => h.version)).toEqual(Array.from({ length: editors + 1 }, (_, i) => i + 1));
      // every version rebuilds (from the reverse deltas) with exactly the tasks acknowledged up to it
      const byVersion = [...acknowledged].sort((a, b) => a.version - b.version);
      for (const a of byVersion) {
        const doc = await findVersionDocument(t.db.kysely, id, a.version);
        expect(doc!.overview.tasks).toEqual(byVersion.filter((b) => b.version <= a.version).map((b) => `任务${b.client}`));
      }
      const saves = await t.db.kysely.selectFrom('audit_log').select('seq').where('event', '=', 'report_save').where('object_id', '=', id).execute();
      expect(saves).toHaveLength(editors);
      const lost = acknowledged.filter((a) => !final.report.overview.tasks.includes(`任务${a.client}`)).length;
      console.log(`${editors} concurrent editors (${backend.name}): ${acknowledged.length} writes acknowledged, ${conflicts} stale writes refused with 412 and merged, ${lost} lost, versions linear 2…${acknowledged.length + 1}, ${saves.length} audit rows`);
    }, 120_000);
  });
}
