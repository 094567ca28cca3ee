import { sqliteBackend } from './testing/backends';
import { backupSuite } from './testing/suites/backup';

backupSuite(sqliteBackend);
