// DB-AC-1 / G8: a table of every role against every route on one report of department D1 that has
// reached finance (status submitted). 404 = the report is invisible to that user (IDOR-safe).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { FIXTURE_USERS, makeTestApp, type TestApp } from '../harness';
import { reportIn } from '../report-helpers';

type Probe = (t: TestApp, cookie: string, id: string) => Promise<number>;

const upload = (t: TestApp, cookie: string) => {
  const b = '----jx-matrix';
  return t.app.inject({
    method: 'POST', url: '/api/reports/import', headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload: `--${b}\r\nContent-Disposition: form-data; name="file"; filename="r.txt"\r\nContent-Type: text/plain\r\n\r\n2024年度部门整体支出绩效评价自评报告\r\n--${b}--\r\n`,
  });
};

// Non-destructive by construction: writes that would succeed land on things no later probe depends on
// (a new draft, an extra account, a fresh bureau), and transitions are ones the state refuses.
const probes: Record<string, Probe> = {
  list: async (t, c) => (await t.call(c, 'GET', '/api/reports')).statusCode,
  get: async (t, c, id) => (await t.call(c, 'GET', `/api/reports/${id}`)).statusCode,
  versions: async (t, c, id) => (await t.call(c, 'GET', `/api/reports/${id}/versions`)).statusCode,
  signatures: async (t, c, id) => (await t.call(c, 'GET', `/api/reports/${id}/signatures`)).statusCode,
  // an empty change set on a stale version: reaches the access and state checks without altering anything
  // (a reviewer, who may edit the finance opinion here, is told the version is stale: 412)
  save: async (t, c, id) => (await t.call(c, 'PUT', `/api/reports/${id}`, { report: {} }, { 'if-match': '"3"' })).statusCode,
  publish: async (t, c, id) => (await t.call(c, 'POST', `/api/reports/${id}/transitions`, { action: 'publish' })).statusCode,
  signEvaluator: async (t, c, id) => (await t.call(c, 'POST', `/api/reports/${id}/signatures`, { role: 'evaluator' })).statusCode,
  create: async (t, c) => (await t.call(c, 'POST', '/api/reports', { year: 2030 })).statusCode,
  auditVerify: async (t, c) => (await t.call(c, 'GET', '/api/audit/verify')).statusCode,
  users: async (t, c) => (await t.call(c, 'GET', '/api/users')).statusCode,
  export: async (t, c, id) => (await t.call(c, 'GET', `/api/reports/${id}/export?format=json`)).statusCode,
  diff: async (t, c, id) => (await t.call(c, 'GET', `/api/reports/${id}/versions/1/diff/2`)).statusCode,
  approve: async (t, c, id) => (await t.call(c, 'POST', `/api/reports/${id}/transitions`, { action: 'approve' })).statusCode,
  returnNoReason: async (t, c, id) => (await t.call(c, 'POST', `/api/reports/${id}/transitions`, { action: 'return' })).statusCode,
  acceptUnsigned: async (t, c, id) => (await t.call(c, 'POST', `/api/reports/${id}/transitions`, { action: 'accept' })).statusCode,
  signHead: async (t, c, id) => (await t.call(c, 'POST', `/api/reports/${id}/signatures`, { role: 'head' })).statusCode,
  import: async (t, c) => (await upload(t, c)).statusCode,
  sessions: async (t, c) => (await t.call(c, 'GET', '/api/account/sessions')).statusCode,
  auditEvents: async (t, c) => (await t.call(c, 'GET', '/api/audit/events?limit=5')).statusCode,
  auditExport: async (t, c) => (await t.call(c, 'GET', '/api/audit/export?format=csv')).statusCode,
  resetPassword: async (t, c) => (await t.call(c, 'POST', `/api/users/${t.ids.extra}/password`, { password: 'Temp-pass-2026x' })).statusCode,
  setRoles: async (t, c) => (await t.call(c, 'PUT', `/api/users/${t.ids.extra}/roles`, { roles: [] })).statusCode,
  resetSecondFactor: async (t, c) => (await t.call(c, 'POST', `/api/users/${t.ids.extra}/second-factor/reset`)).statusCode,
  addBureau: async (t, c) => (await t.call(c, 'POST', '/api/org/bureaus', { name: `矩阵财政局${Math.random().toString(36).slice(2, 8)}` })).statusCode,
  orgDepartments: async (t, c) => (await t.call(c, 'GET', '/api/org/departments')).statusCode,
  docs: async (t, c) => (await t.call(c, 'GET', '/api/docs/json')).statusCode,
  // on a stale version, like save: answers who may restore here without restoring anything
  unlock: async (t, c) => (await t.call(c, 'POST', `/api/users/${t.ids.extra}/unlock`)).statusCode,
  restore: async (t, c, id) => (await t.call(c, 'POST', `/api/reports/${id}/versions/1/restore`, undefined, { 'if-match': '"3"' })).statusCode,
};

// one row per account, one column per probe above, in order
const EXPECTED: Record<string, number[]> = {
  prep1: [200, 200, 200, 200, 409, 403, 403, 201, 403, 403, 200, 200, 403, 403, 403, 403, 201, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 409],
  head1: [200, 200, 200, 200, 409, 403, 403, 403, 403, 403, 200, 200, 409, 409, 403, 409, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 409],
  eval1: [200, 200, 200, 200, 409, 403, 409, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 409],
  prep2: [200, 404, 404, 404, 404, 404, 404, 201, 403, 403, 404, 404, 404, 404, 404, 404, 201, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 404],
  prep3: [200, 404, 404, 404, 404, 404, 404, 201, 403, 403, 404, 404, 404, 404, 404, 404, 201, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 404],
  prep9: [200, 404, 404, 404, 404, 404, 404, 201, 403, 403, 404, 404, 404, 404, 404, 404, 201, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 404],
  revA: [200, 200, 200, 200, 412, 403, 403, 403, 403, 403, 200, 200, 403, 400, 422, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 412],
  revE: [200, 404, 404, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404, 404, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 404],
  perf: [200, 200, 200, 200, 403, 409, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403],
  perf2: [200, 404, 404, 404, 404, 404, 404, 403, 403, 403, 404, 404, 404, 404, 404, 404, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 404],
  sys: [403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 201, 200, 200, 403, 403],
  sec: [403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 200, 200, 403, 200, 200, 200, 403],
  aud: [403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 200, 403, 403, 403, 403, 403, 200, 403, 403],
};

export function matrixSuite(backend: Backend): void {
  describe(`role × route matrix (${backend.name})`, () => {
    let t: TestApp;
    let id: string;
    beforeAll(async () => {
      t = await makeTestApp(backend);
      id = await reportIn(t, 'submitted');
      // the account the administration probes act on (so no probe changes a fixture user)
      const extra = await t.call(await t.login('sys'), 'POST', '/api/users', { username: 'matrix-extra', displayName: '矩阵', password: 'Strong-pass-9', departmentId: 'd3' });
      t.ids.extra = JSON.parse(extra.body).id;
    });
    afterAll(async () => {
      await t.close();
    });

    it('covers every fixture user', () => {
      expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(FIXTURE_USERS).sort());
    });

    const tally = { calls: 0, unexpected2xx: 0, mismatches: 0 };
    afterAll(() => {
      console.log(`role × route matrix (${backend.name}): ${Object.keys(EXPECTED).length} accounts × ${Object.keys(probes).length} routes = ${tally.calls} calls, ${tally.mismatches} answers other than expected, ${tally.unexpected2xx} unexpected 2xx`);
    });

    for (const [handle, expected] of Object.entries(EXPECTED))
      it(`${handle}: ${Object.keys(probes).join(' ')}`, async () => {
        const cookie = await t.login(handle);
        const got: number[] = [];
        for (const probe of Object.values(probes)) got.push(await probe(t, cookie, id));
        tally.calls += got.length;
        got.forEach((code, i) => {
          if (code !== expected[i]) tally.mismatches += 1;
          if (code < 300 && expected[i]! >= 300) tally.unexpected2xx += 1;
        });
        expect(got).toEqual(expected);
      });
  });
}
