import { orgSuite } from '../../src/server/testing/suites/org';
import { onPostgres } from './backend';

await onPostgres(orgSuite);
