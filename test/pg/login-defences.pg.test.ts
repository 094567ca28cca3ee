import { loginDefencesSuite } from '../../src/server/testing/suites/login-defences';
import { onPostgres } from './backend';

await onPostgres(loginDefencesSuite);
