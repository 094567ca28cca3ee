import { taskCliSuite } from '../../src/server/testing/suites/task-cli';
import { onPostgres } from './backend';

await onPostgres(taskCliSuite);
