// The hostile upload corpus (security.md §4.4: zip bombs, traversal names, DTDs and entity bombs, huge
// sheets, encrypted and disguised files …) uploaded through the real import route, with the real
// importer and its worker sandbox, as a department user would: every file answers with a documented 4xx
// or 503 and a Chinese message, never a 5xx; the server keeps answering; nothing reaches
// Object.prototype; a refused file leaves no report behind. Prints the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImportFile } from '../../src/server/app';
import { HOSTILE } from '../../src/io/ooxml/testing/hostile';
import { sqliteBackend } from '../../src/server/testing/backends';
import { makeTestApp, type TestApp } from '../../src/server/testing/harness';
import { percentiles } from './support/server-process';

function multipart(name: string, bytes: Uint8Array): { payload: Buffer; type: string } {
  const b = '----jx-hostile';
  return {
    type: `multipart/form-data; boundary=${b}`,
    payload: Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  };
}

describe('hostile upload corpus through the import route', () => {
  let t: TestApp;
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).join();
  beforeAll(async () => {
    t = await makeTestApp(sqliteBackend, { deps: { importFile: defaultImportFile }, config: { rate: { exportsPerMinute: 0, importsPerMinute: 0 } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers every hostile file with a clear refusal and keeps serving', async () => {
    const prep = await t.login('prep1');
    const byStatus: Record<number, number> = {};
    const times: number[] = [];
    const fiveHundreds: string[] = [];
    for (const c of HOSTILE) {
      const { payload, type } = multipart(`${c.name.slice(0, 20)}.docx`, c.bytes());
      const t0 = performance.now();
      const res = await t.app.inject({ method: 'POST', url: '/api/reports/import', payload, headers: { cookie: prep, 'content-type': type } });
      times.push(performance.now() - t0);
      byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
      if (res.statusCode >= 500 && res.statusCode !== 503) fiveHundreds.push(`${c.name}: ${res.body.slice(0, 200)}`);
      if (res.statusCode >= 400) expect(JSON.parse(res.body).error.message, c.name).toMatch(/[\u4e00-\u9fff]/);
      expect((await t.call(null, 'GET', '/api/health')).statusCode).toBe(200);
    }
    const accepted = byStatus[201] ?? 0;
    const reports = await t.db.kysely.selectFrom('reports').select('id').execute();
    const refusals = await t.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'report_import').where('outcome', '=', 'failure').execute();
    const p = percentiles(times);
    console.log(
      `hostile upload corpus: ${HOSTILE.length} files through POST /api/reports/import — answers ${Object.entries(byStatus).map(([s, n]) => `${s}×${n}`).join(', ')}; ` +
        `${fiveHundreds.length} server errors, Object.prototype ${Object.getOwnPropertyNames(Object.prototype).join() === protoBefore ? 'untouched' : 'CHANGED'}, ` +
        `${refusals.length} refusals audited, ${reports.length} reports created (${accepted} files were readable); time per file p50 ${p.p50} ms, max ${p.max} ms`,
    );
    expect(fiveHundreds).toEqual([]);
    expect(reports.length).toBe(accepted);
    expect(refusals.length).toBe(HOSTILE.length - accepted);
    expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(protoBefore);
  }, 300_000);
});
