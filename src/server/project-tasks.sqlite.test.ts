import { sqliteBackend } from './testing/backends';
import { projectTaskSuite } from './testing/suites/project-tasks';

projectTaskSuite(sqliteBackend);
