import { reportsSuite } from '../../src/server/testing/suites/reports';
import { onPostgres } from './backend';

await onPostgres(reportsSuite);
