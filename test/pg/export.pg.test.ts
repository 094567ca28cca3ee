import { exportSuite } from '../../src/server/testing/suites/export';
import { onPostgres } from './backend';

await onPostgres(exportSuite);
