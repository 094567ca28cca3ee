import { dutiesSuite } from '../../src/server/testing/suites/duties';
import { onPostgres } from './backend';

await onPostgres(dutiesSuite);
