import { sqliteBackend } from './testing/backends';
import { reportsSuite } from './testing/suites/reports';

reportsSuite(sqliteBackend);
