// DB-AC-1 / G8: a table of every role against every route on one report of department D1 that has
// reached finance (status submitted). 404 = the report is invisible to that user (IDOR-safe).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../backends';
import { FIXTURE_USERS, makeTestApp, type TestApp } from '../harness';
import { reportIn } from '../report-helpers';

type Probe = (t: TestApp, cookie: string, id: string) => Promise<number>;

const probes: Record<string, Probe> = {
  list: async (t, c) => (await t.call(c, 'GET', '/api/reports')).statusCode,
  get: async (t, c, id) => (await t.call(c, 'GET', `/api/reports/${id}`)).statusCode,
  versions: async (t, c, id) => (await t.call(c, 'GET', `/api/reports/${id}/versions`)).statusCode,
  signatures: async (t, c, id) => (await t.call(c, 'GET', `/api/reports/${id}/signatures`)).statusCode,
  // an empty change set: reaches the access and state checks without altering anything
  save: async (t, c, id) => (await t.call(c, 'PUT', `/api/reports/${id}`, { report: {} }, { 'if-match': '"3"' })).statusCode,
  publish: async (t, c, id) => (await t.call(c, 'POST', `/api/reports/${id}/transitions`, { action: 'publish' })).statusCode,
  signEvaluator: async (t, c, id) => (await t.call(c, 'POST', `/api/reports/${id}/signatures`, { role: 'evaluator' })).statusCode,
  create: async (t, c) => (await t.call(c, 'POST', '/api/reports', { year: 2030 })).statusCode,
  auditVerify: async (t, c) => (await t.call(c, 'GET', '/api/audit/verify')).statusCode,
  users: async (t, c) => (await t.call(c, 'GET', '/api/users')).statusCode,
};

//                list get  vers sigs save publish signEv create audit users
const EXPECTED: Record<string, number[]> = {
  prep1: [200, 200, 200, 200, 409, 403, 403, 201, 403, 403],
  head1: [200, 200, 200, 200, 409, 403, 403, 403, 403, 403],
  eval1: [200, 200, 200, 200, 409, 403, 409, 403, 403, 403],
  prep2: [200, 404, 404, 404, 404, 404, 404, 201, 403, 403],
  prep3: [200, 404, 404, 404, 404, 404, 404, 201, 403, 403],
  prep9: [200, 404, 404, 404, 404, 404, 404, 201, 403, 403],
  revA: [200, 200, 200, 200, 403, 403, 403, 403, 403, 403],
  revE: [200, 404, 404, 404, 404, 404, 404, 403, 403, 403],
  perf: [200, 200, 200, 200, 403, 409, 403, 403, 403, 403],
  perf2: [200, 404, 404, 404, 404, 404, 404, 403, 403, 403],
  sys: [403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  sec: [403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
  aud: [403, 403, 403, 403, 403, 403, 403, 403, 200, 403],
};

export function matrixSuite(backend: Backend): void {
  describe(`role × route matrix (${backend.name})`, () => {
    let t: TestApp;
    let id: string;
    beforeAll(async () => {
      t = await makeTestApp(backend);
      id = await reportIn(t, 'submitted');
    });
    afterAll(async () => {
      await t.close();
    });

    it('covers every fixture user', () => {
      expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(FIXTURE_USERS).sort());
    });

    for (const [handle, expected] of Object.entries(EXPECTED))
      it(`${handle}: ${Object.keys(probes).join(' ')}`, async () => {
        const cookie = await t.login(handle);
        const got: number[] = [];
        for (const probe of Object.values(probes)) got.push(await probe(t, cookie, id));
        expect(got).toEqual(expected);
      });
  });
}
