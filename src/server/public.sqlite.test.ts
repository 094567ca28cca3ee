import { sqliteBackend } from './testing/backends';
import { publicSuite } from './testing/suites/public';

publicSuite(sqliteBackend);
