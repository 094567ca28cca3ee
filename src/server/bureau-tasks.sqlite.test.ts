import { sqliteBackend } from './testing/backends';
import { bureauTaskSuite } from './testing/suites/bureau-tasks';

bureauTaskSuite(sqliteBackend);
