import { secondFactorSuite } from '../../src/server/testing/suites/second-factor';
import { onPostgres } from './backend';

await onPostgres(secondFactorSuite);
