import { sqliteBackend } from './testing/backends';
import { taskCliSuite } from './testing/suites/task-cli';

taskCliSuite(sqliteBackend);
