import { sqliteBackend } from './testing/backends';
import { workflowSuite } from './testing/suites/workflow';

workflowSuite(sqliteBackend);
