import { sqliteBackend } from './testing/backends';
import { exportSuite } from './testing/suites/export';

exportSuite(sqliteBackend);
