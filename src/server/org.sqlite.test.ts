import { sqliteBackend } from './testing/backends';
import { orgSuite } from './testing/suites/org';

orgSuite(sqliteBackend);
