import { sqliteBackend } from './testing/backends';
import { projectsSuite } from './testing/suites/projects';

projectsSuite(sqliteBackend);
