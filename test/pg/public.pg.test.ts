import { publicSuite } from '../../src/server/testing/suites/public';
import { onPostgres } from './backend';

await onPostgres(publicSuite);
