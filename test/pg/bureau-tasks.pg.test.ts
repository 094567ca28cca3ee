import { bureauTaskSuite } from '../../src/server/testing/suites/bureau-tasks';
import { onPostgres } from './backend';

await onPostgres(bureauTaskSuite);
