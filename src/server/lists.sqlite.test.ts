import { sqliteBackend } from './testing/backends';
import { listsSuite } from './testing/suites/lists';

listsSuite(sqliteBackend);
