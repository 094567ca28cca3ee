import { sqliteBackend } from './testing/backends';
import { historySuite } from './testing/suites/history';

historySuite(sqliteBackend);
