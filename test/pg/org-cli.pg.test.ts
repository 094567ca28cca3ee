import { orgCliSuite } from '../../src/server/testing/suites/org-cli';
import { onPostgres } from './backend';

await onPostgres(orgCliSuite);
