import { concurrencySuite } from '../../src/server/testing/suites/concurrency';
import { onPostgres } from './backend';

await onPostgres(concurrencySuite);
