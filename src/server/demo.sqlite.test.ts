import { sqliteBackend } from './testing/backends';
import { demoSuite } from './testing/suites/demo';

demoSuite(sqliteBackend);
