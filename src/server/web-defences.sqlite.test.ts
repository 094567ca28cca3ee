import { sqliteBackend } from './testing/backends';
import { webDefencesSuite } from './testing/suites/web-defences';

webDefencesSuite(sqliteBackend);
