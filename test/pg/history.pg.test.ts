import { historySuite } from '../../src/server/testing/suites/history';
import { onPostgres } from './backend';

await onPostgres(historySuite);
