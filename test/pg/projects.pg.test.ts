import { projectsSuite } from '../../src/server/testing/suites/projects';
import { onPostgres } from './backend';

await onPostgres(projectsSuite);
