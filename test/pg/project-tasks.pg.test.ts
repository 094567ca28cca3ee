import { projectTaskSuite } from '../../src/server/testing/suites/project-tasks';
import { onPostgres } from './backend';

await onPostgres(projectTaskSuite);
