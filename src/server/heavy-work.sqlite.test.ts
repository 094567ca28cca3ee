import { sqliteBackend } from './testing/backends';
import { heavyWorkSuite } from './testing/suites/heavy-work';

heavyWorkSuite(sqliteBackend);
