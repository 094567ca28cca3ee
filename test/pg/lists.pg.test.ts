import { listsSuite } from '../../src/server/testing/suites/lists';
import { onPostgres } from './backend';

await onPostgres(listsSuite);
