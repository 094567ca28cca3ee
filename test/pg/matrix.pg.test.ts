import { matrixSuite } from '../../src/server/testing/suites/matrix';
import { onPostgres } from './backend';

await onPostgres(matrixSuite);
