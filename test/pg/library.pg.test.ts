import { librarySuite } from '../../src/server/testing/suites/library';
import { onPostgres } from './backend';

await onPostgres(librarySuite);
