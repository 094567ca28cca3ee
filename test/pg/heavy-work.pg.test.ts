import { heavyWorkSuite } from '../../src/server/testing/suites/heavy-work';
import { onPostgres } from './backend';

await onPostgres(heavyWorkSuite);
