import { reportImportSuite } from '../../src/server/testing/suites/report-import';
import { onPostgres } from './backend';

await onPostgres(reportImportSuite);
