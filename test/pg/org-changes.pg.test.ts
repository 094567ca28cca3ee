import { orgChangesSuite } from '../../src/server/testing/suites/org-changes';
import { onPostgres } from './backend';

await onPostgres(orgChangesSuite);
