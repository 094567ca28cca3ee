import { sqliteBackend } from './testing/backends';
import { dutiesSuite } from './testing/suites/duties';

dutiesSuite(sqliteBackend);
