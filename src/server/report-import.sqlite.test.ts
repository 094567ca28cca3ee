import { sqliteBackend } from './testing/backends';
import { reportImportSuite } from './testing/suites/report-import';

reportImportSuite(sqliteBackend);
