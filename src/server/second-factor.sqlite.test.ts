import { sqliteBackend } from './testing/backends';
import { secondFactorSuite } from './testing/suites/second-factor';

secondFactorSuite(sqliteBackend);
