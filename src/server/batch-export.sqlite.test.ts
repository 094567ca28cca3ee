import { sqliteBackend } from './testing/backends';
import { batchExportSuite } from './testing/suites/batch-export';

batchExportSuite(sqliteBackend);
