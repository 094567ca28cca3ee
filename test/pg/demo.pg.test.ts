import { demoSuite } from '../../src/server/testing/suites/demo';
import { onPostgres } from './backend';

await onPostgres(demoSuite);
