import { sqliteBackend } from './testing/backends';
import { authSuite } from './testing/suites/auth';

authSuite(sqliteBackend);
