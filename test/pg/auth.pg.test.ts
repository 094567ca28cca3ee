import { authSuite } from '../../src/server/testing/suites/auth';
import { onPostgres } from './backend';

await onPostgres(authSuite);
