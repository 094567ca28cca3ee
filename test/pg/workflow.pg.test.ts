import { workflowSuite } from '../../src/server/testing/suites/workflow';
import { onPostgres } from './backend';

await onPostgres(workflowSuite);
