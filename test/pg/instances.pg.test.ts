// Two app instances, each its own process, behind one address (requests dealt in turn) and sharing
// nothing but PostgreSQL: the concurrency suite (editors racing on one report: no lost update, linear
// versions) and the cross-instance checks (sessions, lockout, exactly-once transitions, one audit chain).
// The two instances start once for the file.
import { afterAll } from 'vitest';
import { postgresUrl } from '../../src/server/testing/backends';
import type { TestApp } from '../../src/server/testing/harness';
import { makeInstancesApp } from '../../src/server/testing/instances';
import { concurrencySuite } from '../../src/server/testing/suites/concurrency';
import { instancesSuite } from '../../src/server/testing/suites/instances';
import { onPostgres } from './backend';

let shared: ReturnType<typeof makeInstancesApp> | null = null;
const make = async () => ({ ...(await (shared ??= makeInstancesApp(postgresUrl()!, 2))), close: async () => {} });
afterAll(async () => (await shared)?.close(), 60_000);

await onPostgres((backend) => {
  concurrencySuite(backend, { make: make as (b: unknown) => Promise<TestApp>, label: 'postgres, 2 instances', editors: 20 });
  instancesSuite(make);
});
