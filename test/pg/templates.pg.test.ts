import { templatesSuite } from '../../src/server/testing/suites/templates';
import { onPostgres } from './backend';

await onPostgres(templatesSuite);
