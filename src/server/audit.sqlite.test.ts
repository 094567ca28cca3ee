import { sqliteBackend } from './testing/backends';
import { auditSuite } from './testing/suites/audit';

auditSuite(sqliteBackend);
