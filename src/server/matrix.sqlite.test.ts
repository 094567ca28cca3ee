import { sqliteBackend } from './testing/backends';
import { matrixSuite } from './testing/suites/matrix';

matrixSuite(sqliteBackend);
