import { webDefencesSuite } from '../../src/server/testing/suites/web-defences';
import { onPostgres } from './backend';

await onPostgres(webDefencesSuite);
