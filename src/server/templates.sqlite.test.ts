import { sqliteBackend } from './testing/backends';
import { templatesSuite } from './testing/suites/templates';

templatesSuite(sqliteBackend);
