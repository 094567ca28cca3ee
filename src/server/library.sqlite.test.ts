import { sqliteBackend } from './testing/backends';
import { librarySuite } from './testing/suites/library';

librarySuite(sqliteBackend);
