import { sqliteBackend } from './testing/backends';
import { loginDefencesSuite } from './testing/suites/login-defences';

loginDefencesSuite(sqliteBackend);
