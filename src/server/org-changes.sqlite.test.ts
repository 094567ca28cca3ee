import { sqliteBackend } from './testing/backends';
import { orgChangesSuite } from './testing/suites/org-changes';

orgChangesSuite(sqliteBackend);
