import { auditSuite } from '../../src/server/testing/suites/audit';
import { onPostgres } from './backend';

await onPostgres(auditSuite);
