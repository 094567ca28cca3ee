import { backupSuite } from '../../src/server/testing/suites/backup';
import { onPostgres } from './backend';

await onPostgres(backupSuite);
