import { batchExportSuite } from '../../src/server/testing/suites/batch-export';
import { onPostgres } from './backend';

await onPostgres(batchExportSuite);
