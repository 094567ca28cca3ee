import { sqliteBackend } from './testing/backends';
import { concurrencySuite } from './testing/suites/concurrency';

concurrencySuite(sqliteBackend);
